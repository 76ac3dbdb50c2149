using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LogSafety.Analyzers.Options;
using LogSafety.CodeFixes.Removal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Editing;

namespace LogSafety.CodeFixes;

/// <summary>
/// The removal of <see cref="RemoveLoggedValueCodeFixProvider"/> as a document edit, for the rewrites whose Fix All falls
/// back to it where no rewrite fits (LS0006 without a projection, LS0007 that is neither a Uri nor a connection string of
/// a known provider). Not exported: in the lightbulb, the removal is its own fixer. Removals that reach other documents
/// ([LoggerMessage] parameters, LoggerMessage.Define) are left to that fixer.
/// </summary>
internal sealed class RemoveInDocumentFix : DocumentEditingCodeFix
{
    public RemoveInDocumentFix(params string[] ids) => FixableDiagnosticIds = ImmutableArray.Create(ids);

    public override ImmutableArray<string> FixableDiagnosticIds { get; }

    protected override string Title => "Remove the value from the log call";

    protected override string EquivalenceKey => RemoveLoggedValueCodeFixProvider.EquivalenceKey;

    /// <summary>Whether the removal fits (the options only tune label text, so the defaults decide that).</summary>
    public static bool CanRemove(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        RemovalPlanner.PlanInDocument(root, model, LogSafetyOptions.Default, diagnostic, cancellationToken) is not null;

    /// <summary>The removal's edits, inner containers first, each on the current version of its node.</summary>
    public static void Remove(DocumentEditor editor, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = editor.OriginalRoot;
        var options = LogSafetyOptions.Parse(editor.OriginalDocument.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(root.SyntaxTree));
        if (RemovalPlanner.PlanInDocument(root, model, options, diagnostic, cancellationToken) is not { } removal)
        {
            return;
        }

        foreach (var edit in removal.Edits.OrderBy(e => e.Node.Span.Length).ThenBy(e => e.Order))
        {
            editor.ReplaceNode(edit.Node, (current, _) => edit.Apply(current));
        }
    }

    protected override SyntaxNode? FindTarget(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        CanRemove(root, model, diagnostic, cancellationToken) ? root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) : null;

    protected override void Apply(DocumentEditor editor, SyntaxNode target, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        Remove(editor, model, diagnostic, cancellationToken);
}
