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

    protected override void Apply(DocumentEditor editor, SyntaxNode target, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        SensitiveDataLoggingCall.Remove(editor, (InvocationExpressionSyntax)target, model, cancellationToken);
}

/// <summary>Finds the EnableSensitiveDataLogging(...) invocation an LS0010 diagnostic points at, and takes it away.</summary>
internal static class SensitiveDataLoggingCall
{
    public static InvocationExpressionSyntax? Find(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
            .FirstAncestorOrSelf<InvocationExpressionSyntax>() is { Expression: MemberAccessExpressionSyntax } invocation
            && invocation.Span.End == diagnostic.Location.SourceSpan.End
            ? invocation
            : null;

    /// <summary>Takes the call out of its chain, or drops the statement when nothing else is left.</summary>
    public static void Remove(SyntaxEditor editor, InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        var receiver = ((MemberAccessExpressionSyntax)invocation.Expression).Expression;
        var receiverIsStatement = receiver is InvocationExpressionSyntax or ObjectCreationExpressionSyntax or AwaitExpressionSyntax;
        if (!receiverIsStatement && invocation.Parent is ExpressionStatementSyntax statement)
        {
            // options.EnableSensitiveDataLogging(); — "options;" would not compile.
            Statements.Remove(editor, statement);
            return;
        }

        // o => o.EnableSensitiveDataLogging() becomes o => { }.
        if (!receiverIsStatement && Statements.TryEmptyLambdaBody(editor, model, invocation, cancellationToken))
        {
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
