using System;
using System.Collections.Immutable;
using System.Threading;
using LogSafety.Analyzers.Configuration;
using LogSafety.Analyzers.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace LogSafety.Analyzers.Rules;

/// <summary>
/// LS0010–LS0012: start-up configuration that makes a framework log secrets (EF Core sensitive data logging, HTTP
/// logging of bodies and credential headers, IdentityModel PII), unless it only runs in development.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretLoggingConfigurationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.EfSensitiveDataLogging, Descriptors.HttpLoggingOfSecrets, Descriptors.IdentityModelPii);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // Resolved on the first callback whose names may configure logging, not at compilation start (see
            // LoggedSecretAnalyzer); null when the compilation references none of the frameworks these rules are about.
            var compilation = start.Compilation;
            var options = start.Options;
            var lazyState = new Lazy<ConfigurationState?>(() => CreateState(compilation, options), LazyThreadSafetyMode.ExecutionAndPublication);
            start.RegisterOperationAction(
                c =>
                {
                    if (ConfigurationSymbols.MayConfigure((IInvocationOperation)c.Operation)
                        && lazyState.Value is { } state
                        && (state.Symbols.HasEntityFramework || state.Symbols.HasHttpLogging))
                    {
                        AnalyzeInvocation(c, state);
                    }
                },
                OperationKind.Invocation);
            start.RegisterOperationAction(
                c =>
                {
                    if (ConfigurationSymbols.MayConfigure((IAssignmentOperation)c.Operation) && lazyState.Value is { } state)
                    {
                        AnalyzeAssignment(c, state);
                    }
                },
                OperationKind.SimpleAssignment,
                OperationKind.CompoundAssignment);
            start.RegisterOperationAction(
                c =>
                {
                    // [HttpLogging(fields)] on a controller or an action: the compiler hands over the attributes it binds
                    // anyway, where a syntax-node action would make it walk every node of every file. A function's
                    // attributes are read below, so a compiler that also hands those over reports nothing twice.
                    // Every attribute of the code base comes here: the name is checked before anything is allocated.
                    var attribute = (IAttributeOperation)c.Operation;
                    if (HttpLoggingConfiguration.MayBeHttpLogging(attribute)
                        && attribute.Syntax.Parent?.Parent is not (LambdaExpressionSyntax or LocalFunctionStatementSyntax))
                    {
                        HttpLoggingConfiguration.AnalyzeAttribute(c.ReportDiagnostic, attribute, lazyState);
                    }
                },
                OperationKind.Attribute);
            start.RegisterOperationAction(
                c =>
                {
                    // Attributes of lambdas and local functions (minimal-API handlers) are not handed to operation
                    // actions: they are read from the function's syntax.
                    var lists = c.Operation.Syntax switch
                    {
                        LambdaExpressionSyntax lambda => lambda.AttributeLists,
                        LocalFunctionStatementSyntax function => function.AttributeLists,
                        _ => default,
                    };
                    if (lists.Count > 0)
                    {
                        HttpLoggingConfiguration.AnalyzeFunctionAttributes(c, lists, lazyState);
                    }
                },
                OperationKind.AnonymousFunction,
                OperationKind.LocalFunction);
        });
    }

    private static ConfigurationState? CreateState(Compilation compilation, AnalyzerOptions options)
    {
        var symbols = ConfigurationSymbols.Create(compilation);
        return (symbols.HasEntityFramework || symbols.HasHttpLogging || symbols.HasIdentityModel) && !IsTestProject(compilation)
            ? new ConfigurationState(symbols, options)
            : null;
    }

    /// <summary>
    /// A project that references a test framework (xUnit, NUnit, MSTest, TUnit) or ASP.NET Core's WebApplicationFactory
    /// is not deployed: sensitive data logging, HTTP body logging or PII in its fixtures reach no production log.
    /// </summary>
    private static bool IsTestProject(Compilation compilation) =>
        TypeLookup.Find(compilation, "Xunit.FactAttribute") is not null
        || TypeLookup.Find(compilation, "NUnit.Framework.TestAttribute") is not null
        || TypeLookup.Find(compilation, "Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodAttribute") is not null
        || TypeLookup.Find(compilation, "TUnit.Core.TestAttribute") is not null
        || TypeLookup.Find(compilation, "Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory`1") is not null;

    private static void AnalyzeInvocation(OperationAnalysisContext context, ConfigurationState state)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod.OriginalDefinition;
        if (state.Symbols.EnableSensitiveDataLogging.Contains(method))
        {
            AnalyzeSensitiveDataLogging(context, invocation, state);
            return;
        }

        HttpLoggingConfiguration.AnalyzeInvocation(context, invocation, state);
    }

    private static void AnalyzeSensitiveDataLogging(OperationAnalysisContext context, IInvocationOperation invocation, ConfigurationState state)
    {
        // EnableSensitiveDataLogging() means true; an argument is reported only when it is surely true.
        if (invocation.Arguments.Length == 1
            && invocation.Arguments[0].ArgumentKind != ArgumentKind.DefaultValue
            && !SwitchValue.IsTrue(invocation.Arguments[0].Value))
        {
            return;
        }

        // A half-typed call (no closing parenthesis yet) waits until it is written.
        if (invocation.Syntax is not InvocationExpressionSyntax { ArgumentList.CloseParenToken.IsMissing: false } syntax
            || state.Guard.IsGuarded(invocation)
            || IsInDesignTimeFactory(context.ContainingSymbol, state.Symbols.DesignTimeDbContextFactory))
        {
            return;
        }

        var start = syntax.Expression is MemberAccessExpressionSyntax access ? access.Name.SpanStart : syntax.SpanStart;
        var location = Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(start, syntax.Span.End));
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.EfSensitiveDataLogging,
            location,
            invocation.TargetMethod.Name + syntax.ArgumentList,
            "remove it, or turn it on only in development (EnableSensitiveDataLogging(builder.Environment.IsDevelopment()))"));
    }

    /// <summary>
    /// Code of an IDesignTimeDbContextFactory&lt;T&gt; runs when the EF Core tools (migrations, scaffolding) create a
    /// context, not when the application serves requests.
    /// </summary>
    private static bool IsInDesignTimeFactory(ISymbol containing, INamedTypeSymbol? factory) =>
        Sensitivity.ContentSymbols.IsOrDerives(containing as INamedTypeSymbol ?? containing.ContainingType, factory);

    private static void AnalyzeAssignment(OperationAnalysisContext context, ConfigurationState state)
    {
        var assignment = (IAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: { } property })
        {
            return;
        }

        if (state.Symbols.LoggingFieldsProperties.Contains(property.OriginalDefinition))
        {
            if (assignment is ISimpleAssignmentOperation or ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Or })
            {
                HttpLoggingConfiguration.AnalyzeFields(context.ReportDiagnostic, assignment.Value, property.Type, state);
            }

            return;
        }

        if (assignment is ISimpleAssignmentOperation
            && state.Symbols.PiiSwitches.Contains(property.OriginalDefinition)
            && SwitchValue.IsTrue(assignment.Value)
            && !state.Guard.IsGuarded(assignment))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.IdentityModelPii,
                assignment.Syntax.GetLocation(),
                property.ContainingType.Name + "." + property.Name + " = " + assignment.Value.Syntax,
                "set it to false, or turn it on only in development (if (builder.Environment.IsDevelopment()))"));
        }
    }
}
