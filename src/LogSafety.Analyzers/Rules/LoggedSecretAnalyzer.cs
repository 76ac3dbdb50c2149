using System;
using System.Collections.Immutable;
using System.Threading;
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
            Descriptors.RawRequestBody, Descriptors.CredentialHeaderOrCookie, Descriptors.ObjectWithSecrets,
            Descriptors.ConnectionStringOrUrl);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // No callbacks in generated code (no Analyze flag), and no second check of each diagnostic (ReportDiagnostics):
        // every diagnostic lies in the operation or declaration being analyzed, which the compiler has already found
        // not to be generated. That second check walks each file with a finding for the text "GeneratedCode" and is
        // charged to whichever analyzer reports there first.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            // With console and trace sinks on (the default), something can always log, so nothing is resolved at
            // compilation start: the first callback resolves the compilation's symbols, once the compiler has bound
            // its references for its own work. With them off, a compilation without a logging library is skipped.
            var compilation = start.Compilation;
            var options = start.Options;
            var lazyState = new Lazy<LogSafetyCompilation>(() => LogSafetyCompilation.Create(compilation, options), LazyThreadSafetyMode.ExecutionAndPublication);
            if (!LogSafetyCompilation.CanLogWhateverTheReferences(options) && !lazyState.Value.CanLog)
            {
                return;
            }

            // What wrapper inference reads from each file's syntax (TreeOutline) is made in that file's own callback, so
            // the first call that needs the wrapper candidates finds most files outlined: the same work, in thousands of
            // short callbacks rather than one long one that the compiler's binding preempts and pauses while other
            // calls wait for it (docs/performance.md, twelfth pass). A file not outlined yet is outlined on demand.
            start.RegisterSyntaxTreeAction(c => TreeOutline.Of(c.Tree, c.CancellationToken));
            start.RegisterOperationAction(
                c =>
                {
                    if (lazyState.Value is { CanLog: true } state)
                    {
                        AnalyzeInvocation(c, state);
                    }
                },
                OperationKind.Invocation);

            // log4net's ThreadContext.Properties["name"] = value and NLog's logEvent.Properties["name"] = value: only an
            // indexer's assignment is looked at further.
            start.RegisterOperationAction(
                c =>
                {
                    if (ContextProperties.MayBe((ISimpleAssignmentOperation)c.Operation) && lazyState.Value is { CanLog: true } state)
                    {
                        AnalyzeContextProperty(c, state);
                    }
                },
                OperationKind.SimpleAssignment);

            // NLog's new LogEventInfo(level, loggerName, message) and Serilog's new PropertyEnricher(name, value): only
            // a constructor of a type with one of those names is looked at further.
            start.RegisterOperationAction(
                c =>
                {
                    if (LogCallRecognizer.MayCreateLogObject((IObjectCreationOperation)c.Operation) && lazyState.Value is { CanLog: true } state
                        && state.LogCalls.Recognizer.RecognizeCreation((IObjectCreationOperation)c.Operation) is { } call)
                    {
                        Report(c, call, state.OptionsFor(call.Operation.Syntax.SyntaxTree), state);
                    }
                },
                OperationKind.ObjectCreation);
            start.RegisterSymbolAction(
                c =>
                {
                    if (lazyState.Value is { CanLog: true, Symbols.MelLoggerMessageAttribute: not null } state)
                    {
                        AnalyzeLoggerMessageDeclaration(c, state);
                    }
                },
                SymbolKind.Method);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, LogSafetyCompilation state)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var options = state.OptionsFor(invocation.Syntax.SyntaxTree);
        if (state.LogCalls.Recognize(invocation, options, context.CancellationToken, state.MayWriteASecret) is not { } call)
        {
            return;
        }

        Report(context, call, options, state);
    }

    private static void AnalyzeContextProperty(OperationAnalysisContext context, LogSafetyCompilation state)
    {
        if (ContextProperties.Recognize((ISimpleAssignmentOperation)context.Operation, state.Symbols) is { } call)
        {
            Report(context, call, state.OptionsFor(call.Operation.Syntax.SyntaxTree), state);
        }
    }

    private static void Report(OperationAnalysisContext context, LogCall call, Options.LogSafetyOptions options, LogSafetyCompilation state)
    {
        foreach (var value in LoggedValueCollector.Collect(call))
        {
            if (state.Sensitivity.Judge(call, value, options) is { } finding && !IsInGeneratedPart(context.ContainingSymbol, call.Operation, state.Symbols.GeneratedCodeAttribute))
            {
                context.ReportDiagnostic(CreateDiagnostic(finding.Finding, call, finding.SafeMembers));
            }
        }
    }

    /// <summary>
    /// The compiler skips members and types marked [GeneratedCode] before calling back, but not an accessor whose
    /// property or event is marked, nor a marked local function: checked here, and only for a finding.
    /// </summary>
    private static bool IsInGeneratedPart(ISymbol containing, IOperation operation, INamedTypeSymbol? generatedCode)
    {
        if (generatedCode is null)
        {
            return false;
        }

        if (containing is IMethodSymbol { AssociatedSymbol: { } associated } && IsMarked(associated, generatedCode))
        {
            return true;
        }

        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is ILocalFunctionOperation { Symbol: var local } && IsMarked(local, generatedCode))
            {
                return true;
            }
        }

        return false;

        // As the compiler does: a symbol declared in several parts is never generated by its attribute alone.
        static bool IsMarked(ISymbol symbol, INamedTypeSymbol attributeType) =>
            symbol.DeclaringSyntaxReferences.Length <= 1 && ContentSymbols.HasAttribute(symbol, attributeType);
    }

    private static void AnalyzeLoggerMessageDeclaration(SymbolAnalysisContext context, LogSafetyCompilation state)
    {
        // A [LoggerMessage] method is a partial definition (the generator writes the implementation part, which is
        // skipped here): a flag that rules out nearly every method before its syntax is looked at.
        var method = (IMethodSymbol)context.Symbol;
        if (!method.IsPartialDefinition)
        {
            return;
        }

        if (!state.LogCalls.Recognizer.IsLoggerMessageMethod(method))
        {
            return;
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.Locations.IsEmpty || !parameter.Locations[0].IsInSource)
            {
                continue;
            }

            var options = state.OptionsFor(parameter.Locations[0].SourceTree!);
            var verdict = state.Sensitivity.JudgeLoggerMessageParameter(parameter, options);
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
        // An entry of a logged local is described by the local: that is what sits in the call.
        var properties = finding.Value.Holder is { } held
            ? LogCallProperties.For(call, held.Syntax, finding.Value.HolderForm).Add(DiagnosticProperties.LocalEntry, "true")
            : LogCallProperties.For(call, finding.Value);

        // The safe fields are the entry's, not the local's: a projection of the local would not compile.
        if (!safeMembers.IsDefaultOrEmpty && finding.Value.Holder is null)
        {
            properties = properties.Add(DiagnosticProperties.SafeMembers, string.Join(",", safeMembers));
        }

        if (finding.ConnectionStringBuilder is { } builder)
        {
            properties = properties.Add(DiagnosticProperties.ConnectionStringBuilder, builder);
        }

        if (finding.Value.Holder is { } holder)
        {
            // An entry put in the logged local before the call: reported on the local, in the call, with the entry as
            // location 1.
            return Diagnostic.Create(
                DescriptorFor(finding.Kind),
                holder.Syntax.GetLocation(),
                additionalLocations: new[] { call.Operation.Syntax.GetLocation(), finding.Value.Syntax.GetLocation() },
                properties: properties,
                ValueNames.Display(holder),
                $"holds '{ValueNames.Display(finding.Value.Value)}', which {finding.Reason.TrimEnd(',')},",
                call.SinkName);
        }

        return Diagnostic.Create(
            DescriptorFor(finding.Kind),
            finding.Value.Syntax.GetLocation(),
            // The invocation is additional location 0 (the fixer's); where a flowed value came from is location 1.
            additionalLocations: finding.Origin is { } origin
                ? new[] { call.Operation.Syntax.GetLocation(), origin }
                : new[] { call.Operation.Syntax.GetLocation() },
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
        SecretKind.ConnectionStringOrUrl => Descriptors.ConnectionStringOrUrl,
        _ => Descriptors.TokenOrSecret,
    };
}
