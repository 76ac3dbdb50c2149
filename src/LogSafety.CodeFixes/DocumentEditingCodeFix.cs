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
public abstract class DocumentEditingCodeFix : CodeFixProvider
{
    protected abstract string Title { get; }

    protected abstract string EquivalenceKey { get; }

    public sealed override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixDocumentAsync);

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
            if (FindTarget(root, model, diagnostic, context.CancellationToken) is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    Title,
                    ct => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), ct),
                    EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>The node this fix rewrites for <paramref name="diagnostic"/>, or null when the fix does not apply.</summary>
    protected abstract SyntaxNode? FindTarget(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken);

    protected abstract void Apply(DocumentEditor editor, SyntaxNode target, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken);

    /// <summary>Runs once after every target of the document is rewritten (e.g. to add a using directive).</summary>
    protected virtual void Complete(DocumentEditor editor, SemanticModel model, CancellationToken cancellationToken)
    {
    }

    // Diagnostics this fix does not apply to (another LS0011 fixer's, say) have no target and are left alone.
    private async Task<Document?> FixDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics) =>
        await FixDocumentAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false);

    private async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var root = editor.OriginalRoot;
        var model = editor.SemanticModel;
        var applied = false;
        foreach (var diagnostic in diagnostics)
        {
            if (FindTarget(root, model, diagnostic, cancellationToken) is { } target)
            {
                Apply(editor, target, model, diagnostic, cancellationToken);
                applied = true;
            }
        }

        if (!applied)
        {
            return document;
        }

        Complete(editor, model, cancellationToken);
        return editor.GetChangedDocument();
    }
}
