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

/// <summary>LS0012: sets IdentityModelEventSource.ShowPII or LogCompleteSecurityArtifact to false.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TurnOffIdentityModelPiiCodeFix)), Shared]
public sealed class TurnOffIdentityModelPiiCodeFix : DocumentEditingCodeFix
{
    public const string Key = "LogSafety.TurnOffIdentityModelPii";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.IdentityModelPii);

    protected override string Title => "Set the switch to false";

    protected override string EquivalenceKey => Key;

    protected override SyntaxNode? FindTarget(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) as AssignmentExpressionSyntax;

    protected override void Apply(DocumentEditor editor, SyntaxNode target, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var value = ((AssignmentExpressionSyntax)target).Right;
        editor.ReplaceNode(value, SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression).WithTriviaFrom(value));
    }
}
