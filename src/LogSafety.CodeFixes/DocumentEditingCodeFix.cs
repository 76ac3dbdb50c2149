using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace LogSafety.CodeFixes;

/// <summary>
/// A fix that edits one document with a <see cref="DocumentEditor"/>. Fix All applies every diagnostic of a document
/// to one editor, so statements and list elements removed side by side (two headers in one initializer) all go in one
/// pass without conflicting text changes.
/// </summary>
/// <remarks>
/// Fix All does not depend on the equivalence key it is asked for: <c>dotnet format</c> asks for the key of the action
/// registered for the first diagnostic it holds, which may be another rule's (then the key is null), and the order of
/// diagnostics changes from run to run. Each fixer has one action, so every diagnostic with a target is fixed.
/// Diagnostics this fix and its <see cref="FallbackFixes"/> do not apply to have no target and are left alone.
/// </remarks>
public abstract class DocumentEditingCodeFix : CodeFixProvider
{
    protected abstract string Title { get; }

    protected abstract string EquivalenceKey { get; }

    public sealed override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixDocumentAsync);

    /// <summary>The title of the fix for <paramref name="target"/>; <see cref="Title"/> unless the target names it.</summary>
    protected virtual string TitleFor(SyntaxNode target, Diagnostic diagnostic) => Title;

    /// <summary>
    /// The other fixers of the same rule, whose rewrite this fixer's Fix All applies to the findings it has no target
    /// for (a guard that does not bind falls back to removal; a header and a body field of LS0011 each have their own
    /// rewrite). Fix All of a rule then fixes every finding of it, and <c>dotnet format</c>, which runs each fixer of a
    /// rule once with the diagnostics computed before the first, gets the same result whatever diagnostic it starts from.
    /// </summary>
    protected virtual ImmutableArray<DocumentEditingCodeFix> FallbackFixes => ImmutableArray<DocumentEditingCodeFix>.Empty;

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (FindTarget(root, model, diagnostic, context.CancellationToken) is not { } target)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    TitleFor(target, diagnostic),
                    ct => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), withFallbacks: false, ct),
                    EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>The node this fix rewrites for <paramref name="diagnostic"/>, or null when the fix does not apply.</summary>
    protected abstract SyntaxNode? FindTarget(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken);

    protected abstract void Apply(DocumentEditor editor, SyntaxNode target, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken);

    /// <summary>Runs once after every target of the document is rewritten (e.g. to add a using directive).</summary>
    protected virtual void Complete(DocumentEditor editor, SemanticModel model, IReadOnlyList<SyntaxNode> targets, CancellationToken cancellationToken)
    {
    }

    private async Task<Document?> FixDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics) =>
        await FixDocumentAsync(document, diagnostics, withFallbacks: true, context.CancellationToken).ConfigureAwait(false);

    private async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, bool withFallbacks, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var root = editor.OriginalRoot;
        var model = editor.SemanticModel;
        var fixers = withFallbacks ? FallbackFixes.Insert(0, this) : ImmutableArray.Create(this);
        var targets = new Dictionary<DocumentEditingCodeFix, List<SyntaxNode>>();
        foreach (var diagnostic in diagnostics)
        {
            // A diagnostic computed on an earlier version of the document (another fixer of the same rule ran since)
            // points at text that may have moved: it is not fixed here.
            if (diagnostic.Location.SourceTree is { } tree && tree != root.SyntaxTree)
            {
                continue;
            }

            foreach (var fixer in fixers)
            {
                if (fixer.FixableDiagnosticIds.Contains(diagnostic.Id) && fixer.FindTarget(root, model, diagnostic, cancellationToken) is { } target)
                {
                    fixer.Apply(editor, target, model, diagnostic, cancellationToken);
                    if (!targets.TryGetValue(fixer, out var fixedTargets))
                    {
                        targets[fixer] = fixedTargets = new List<SyntaxNode>();
                    }

                    fixedTargets.Add(target);
                    break;
                }
            }
        }

        if (targets.Count == 0)
        {
            return document;
        }

        foreach (var pair in targets)
        {
            pair.Key.Complete(editor, model, pair.Value, cancellationToken);
        }

        return editor.GetChangedDocument();
    }
}
