using System.Collections.Immutable;
using LogSafety.Analyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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
            var symbols = ConfigurationSymbols.Create(start.Compilation);
            if (!symbols.HasEntityFramework && !symbols.HasHttpLogging && !symbols.HasIdentityModel)
            {
                return;
            }

            var state = new ConfigurationState(symbols, start.Options);
            if (symbols.HasEntityFramework || symbols.HasHttpLogging)
            {
                start.RegisterOperationAction(c => AnalyzeInvocation(c, state), OperationKind.Invocation);
            }

            start.RegisterOperationAction(c => AnalyzeAssignment(c, state), OperationKind.SimpleAssignment, OperationKind.CompoundAssignment);
            if (symbols.HttpLoggingAttribute is not null)
            {
                start.RegisterSyntaxNodeAction(c => HttpLoggingConfiguration.AnalyzeAttribute(c, state), SyntaxKind.Attribute);
            }
        });
    }

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
            || state.Guard.IsGuarded(invocation))
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
