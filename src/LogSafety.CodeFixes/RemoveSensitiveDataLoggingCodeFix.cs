using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using LogSafety.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace LogSafety.CodeFixes;

/// <summary>LS0010: takes EnableSensitiveDataLogging() out of its chain, or drops the statement when nothing else is left.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveSensitiveDataLoggingCodeFix)), Shared]
public sealed class RemoveSensitiveDataLoggingCodeFix : DocumentEditingCodeFix
{
    public const string Key = "LogSafety.RemoveSensitiveDataLogging";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.EfSensitiveDataLogging);

    protected override string Title => "Remove EnableSensitiveDataLogging()";

    protected override string EquivalenceKey => Key;

    protected override SyntaxNode? FindTarget(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        SensitiveDataLoggingCall.Find(root, diagnostic);

    protected override void Apply(DocumentEditor editor, SyntaxNode target, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var invocation = (InvocationExpressionSyntax)target;
        var receiver = ((MemberAccessExpressionSyntax)invocation.Expression).Expression;
        var receiverIsStatement = receiver is InvocationExpressionSyntax or ObjectCreationExpressionSyntax or AwaitExpressionSyntax;
        if (!receiverIsStatement && invocation.Parent is ExpressionStatementSyntax statement)
        {
            // options.EnableSensitiveDataLogging(); — "options;" would not compile.
            Statements.Remove(editor, statement);
            return;
        }

        if (!receiverIsStatement
            && invocation.Parent is LambdaExpressionSyntax lambda
            && lambda.ExpressionBody == invocation
            && model.GetSymbolInfo(lambda, cancellationToken).Symbol is IMethodSymbol { ReturnsVoid: true })
        {
            // o => o.EnableSensitiveDataLogging() becomes o => { }.
            editor.ReplaceNode(lambda, (current, _) => ((LambdaExpressionSyntax)current)
                .WithExpressionBody(null)
                .WithBlock(SyntaxFactory.Block().WithTriviaFrom(invocation)));
            return;
        }

        // ...UseSqlServer(cs).EnableSensitiveDataLogging().EnableDetailedErrors() keeps the rest of the chain.
        editor.ReplaceNode(invocation, (current, _) =>
        {
            var currentInvocation = (InvocationExpressionSyntax)current;
            var currentReceiver = ((MemberAccessExpressionSyntax)currentInvocation.Expression).Expression;
            return currentReceiver.WithTrailingTrivia(currentInvocation.GetTrailingTrivia());
        });
    }
}

/// <summary>Removes a statement, or empties it where the language needs one (<c>if (x) s;</c>).</summary>
internal static class Statements
{
    public static void Remove(SyntaxEditor editor, StatementSyntax statement)
    {
        switch (statement.Parent)
        {
            case BlockSyntax or SwitchSectionSyntax:
                editor.RemoveNode(statement, SyntaxRemoveOptions.KeepUnbalancedDirectives);
                break;
            case GlobalStatementSyntax global:
                editor.RemoveNode(global, SyntaxRemoveOptions.KeepUnbalancedDirectives);
                break;
            default:
                editor.ReplaceNode(statement, SyntaxFactory.Block().WithTriviaFrom(statement));
                break;
        }
    }
}

/// <summary>Finds the EnableSensitiveDataLogging(...) invocation an LS0010 diagnostic points at.</summary>
internal static class SensitiveDataLoggingCall
{
    public static InvocationExpressionSyntax? Find(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
            .FirstAncestorOrSelf<InvocationExpressionSyntax>() is { Expression: MemberAccessExpressionSyntax } invocation
            && invocation.Span.End == diagnostic.Location.SourceSpan.End
            ? invocation
            : null;
}
