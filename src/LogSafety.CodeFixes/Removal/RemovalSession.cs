using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LogSafety.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Editing;

namespace LogSafety.CodeFixes.Removal;

/// <summary>A planned removal: what the fix is called and the container edits it makes, possibly in several documents.</summary>
internal sealed class PlannedRemoval
{
    public PlannedRemoval(string valueText, IReadOnlyList<(DocumentId Document, ContainerEdit Edit)> edits)
    {
        ValueText = valueText;
        Edits = edits;
    }

    public string ValueText { get; }
    public IReadOnlyList<(DocumentId Document, ContainerEdit Edit)> Edits { get; }
}

/// <summary>
/// The state of one fix or Fix All run over a solution: each document's root and semantic model fetched once, and the
/// edits gathered per document and container before one rewrite each.
/// </summary>
internal sealed class RemovalSession
{
    private readonly Dictionary<DocumentId, (SyntaxNode Root, SemanticModel Model)> _documents = new();

    public RemovalSession(Solution solution) => Solution = solution;

    public Solution Solution { get; }

    public async Task<(SyntaxNode Root, SemanticModel Model)?> GetAsync(DocumentId id, CancellationToken cancellationToken)
    {
        if (_documents.TryGetValue(id, out var cached))
        {
            return cached;
        }

        var document = Solution.GetDocument(id);
        if (document is null)
        {
            return null;
        }

        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        _documents[id] = (root, model);
        return (root, model);
    }

    public LogSafetyOptions OptionsFor(Document document, SyntaxTree tree) =>
        LogSafetyOptions.Parse(document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree));

    /// <summary>Merges edits on the same container, then rewrites each document once, innermost containers first.</summary>
    public async Task<Solution> ApplyAsync(IEnumerable<PlannedRemoval> removals, CancellationToken cancellationToken)
    {
        var byDocument = new Dictionary<DocumentId, Dictionary<(SyntaxNode, System.Type), ContainerEdit>>();
        foreach (var removal in removals)
        {
            foreach (var (documentId, edit) in removal.Edits)
            {
                if (!byDocument.TryGetValue(documentId, out var containers))
                {
                    containers = new Dictionary<(SyntaxNode, System.Type), ContainerEdit>();
                    byDocument[documentId] = containers;
                }

                var key = (edit.Node, edit.GetType());
                if (containers.TryGetValue(key, out var existing))
                {
                    existing.MergeFrom(edit);
                }
                else
                {
                    containers[key] = edit;
                }
            }
        }

        var solution = Solution;
        foreach (var pair in byDocument)
        {
            var state = await GetAsync(pair.Key, cancellationToken).ConfigureAwait(false);
            if (state is null)
            {
                continue;
            }

            var editor = new SyntaxEditor(state.Value.Root, Solution.Services);
            foreach (var edit in pair.Value.Values.OrderBy(e => e.Node.Span.Length).ThenBy(e => e.Node.SpanStart).ThenBy(e => e.Order))
            {
                editor.ReplaceNode(edit.Node, (current, _) => edit.Apply(current));
            }

            solution = solution.WithDocumentSyntaxRoot(pair.Key, editor.GetChangedRoot());
        }

        return solution;
    }
}
