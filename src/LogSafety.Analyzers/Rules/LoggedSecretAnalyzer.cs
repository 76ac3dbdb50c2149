using System.Collections.Immutable;
using LogSafety.Analyzers.Logging;
using LogSafety.Analyzers.Sensitivity;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Rules;

/// <summary>
/// LS0001–LS0006: passwords, tokens/keys/secrets and session IDs (by name, type, attribute and local flow), raw
/// request bodies and forms, credential headers and cookies, and objects logged whole that expose secrets.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LoggedSecretAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(
            Descriptors.Password, Descriptors.TokenOrSecret, Descriptors.SessionId,
            Descriptors.RawRequestBody, Descriptors.CredentialHeaderOrCookie, Descriptors.ObjectWithSecrets);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var state = LogSafetyCompilation.Create(start.Compilation, start.Options);
            if (!state.CanLog)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeInvocation(c, state), OperationKind.Invocation);
            if (state.Symbols.MelLoggerMessageAttribute is not null)
            {
                start.RegisterSymbolAction(c => AnalyzeLoggerMessageDeclaration(c, state), SymbolKind.Method);
            }
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, LogSafetyCompilation state)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var options = state.OptionsFor(invocation.Syntax.SyntaxTree);
        var call = state.Recognizer.Recognize(invocation, options, context.CancellationToken);
        if (call is null)
        {
            return;
        }

        foreach (var value in LoggedValueCollector.Collect(call))
        {
            if (value.Form == LoggedValueForm.Argument && ReportedInsideCallee(call, value, state, options))
            {
                continue;
            }

            if (state.Content.IsMarkedSafe(value, options))
            {
                continue;
            }

            if (state.Content.CredentialHeaderFirst(value, call, options) is { } header)
            {
                context.ReportDiagnostic(CreateDiagnostic(header.Finding, call));
            }
            else if (state.Secrets.Classify(value, options) is { } finding)
            {
                var flowed = state.Content.MoreSpecificThanName(value, finding.Kind, options);
                context.ReportDiagnostic(flowed is { } origin ? CreateDiagnostic(origin.Finding, call) : CreateDiagnostic(finding, call));
            }
            else if (state.Content.Classify(value, call, options) is { } content)
            {
                context.ReportDiagnostic(CreateDiagnostic(content.Finding, call, content.SafeMembers));
            }
        }
    }

    /// <summary>
    /// A [LoggerMessage] parameter named like a secret is reported once, at its declaration, where the fix removes it
    /// from the template, the signature and every call; likewise an inferred wrapper's parameter that its inner log
    /// call already reports (named like a secret, or logged under a secret's name). Their call sites stay quiet.
    /// </summary>
    private static bool ReportedInsideCallee(LogCall call, LoggedValue value, LogSafetyCompilation state, Options.LogSafetyOptions options)
    {
        var inSource = call.Api == LogApi.LoggerMessageMethod
            || (call.Api == LogApi.Wrapper && !call.Invocation.TargetMethod.Locations.IsEmpty && call.Invocation.TargetMethod.Locations[0].IsInSource);
        if (!inSource)
        {
            return false;
        }

        // The LoggerMessage generator puts [GeneratedCode] on its implementation part, which makes the whole partial
        // method generated code: its declaration is never analyzed, so its calls report instead.
        if (call.Api == LogApi.LoggerMessageMethod && IsGeneratorImplemented(call.Invocation.TargetMethod, state.Symbols))
        {
            return false;
        }

        var argument = value.Value.Parent as IArgumentOperation ?? FindArgument(value.Value);
        if (argument?.Parameter is not { } parameter || !SecretCarrierTypes.CanCarrySecret(parameter.Type, state.Symbols))
        {
            return false;
        }

        return NameClassifier.Classify(parameter.Name, options).IsSensitive
            || (call.Api == LogApi.Wrapper && value.TemplateIndex < 0 && value.Label is { } label && NameClassifier.Classify(label, options).IsSensitive);
    }

    private static bool IsGeneratorImplemented(IMethodSymbol method, LoggingSymbols symbols)
    {
        if (symbols.GeneratedCodeAttribute is not { } generatedCode)
        {
            return false;
        }

        foreach (var part in new[] { method, method.PartialImplementationPart })
        {
            if (part is null)
            {
                continue;
            }

            foreach (var attribute in part.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, generatedCode))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IArgumentOperation? FindArgument(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IArgumentOperation argument)
            {
                return argument;
            }

            if (current is IInvocationOperation)
            {
                return null;
            }
        }

        return null;
    }

    private static void AnalyzeLoggerMessageDeclaration(SymbolAnalysisContext context, LogSafetyCompilation state)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (!method.IsPartialDefinition && method.PartialDefinitionPart is not null)
        {
            return;
        }

        var attributeType = state.Symbols.MelLoggerMessageAttribute;
        var hasAttribute = false;
        foreach (var attribute in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                hasAttribute = true;
                break;
            }
        }

        if (!hasAttribute)
        {
            return;
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.Locations.IsEmpty || !parameter.Locations[0].IsInSource || !SecretCarrierTypes.CanCarrySecret(parameter.Type, state.Symbols))
            {
                continue;
            }

            var options = state.OptionsFor(parameter.Locations[0].SourceTree!);
            if (options.SafeNames.Contains(parameter.Name))
            {
                continue;
            }

            var verdict = NameClassifier.Classify(parameter.Name, options);
            if (!verdict.IsSensitive)
            {
                continue;
            }

            var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Form, DiagnosticProperties.LoggerMessageParameterForm);
            context.ReportDiagnostic(Diagnostic.Create(
                DescriptorFor(verdict.Kind),
                parameter.Locations[0],
                properties,
                parameter.Name,
                "looks like " + verdict.Description,
                method.Name));
        }
    }

    internal static Diagnostic CreateDiagnostic(SecretFinding finding, LogCall call, ImmutableArray<string> safeMembers = default)
    {
        var properties = LogCallProperties.For(call, finding.Value);
        if (!safeMembers.IsDefaultOrEmpty)
        {
            properties = properties.Add(DiagnosticProperties.SafeMembers, string.Join(",", safeMembers));
        }

        return Diagnostic.Create(
            DescriptorFor(finding.Kind),
            finding.Value.Syntax.GetLocation(),
            // The invocation is additional location 0 (the fixer's); where a flowed value came from is location 1.
            additionalLocations: finding.Origin is { } origin
                ? new[] { call.Invocation.Syntax.GetLocation(), origin }
                : new[] { call.Invocation.Syntax.GetLocation() },
            properties: properties,
            ValueNames.Display(finding.Value.Value),
            finding.Reason,
            call.SinkName);
    }

    internal static DiagnosticDescriptor DescriptorFor(SecretKind kind) => kind switch
    {
        SecretKind.Password => Descriptors.Password,
        SecretKind.SessionId => Descriptors.SessionId,
        SecretKind.RequestBody => Descriptors.RawRequestBody,
        SecretKind.CredentialHeader => Descriptors.CredentialHeaderOrCookie,
        SecretKind.ObjectWithSecrets => Descriptors.ObjectWithSecrets,
        _ => Descriptors.TokenOrSecret,
    };
}
