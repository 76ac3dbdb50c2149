using Microsoft.CodeAnalysis;

namespace LogSafety.CodeFixes.Removal;

/// <summary>
/// All removals inside one syntax node (an argument list, an interpolated string, a concatenation...), applied in one
/// rewrite so that two secrets in the same call go together and the template stays in step with its arguments.
/// Edits identify their items by position, never by node identity, because inner edits may already have replaced
/// nodes below them when <see cref="Apply"/> runs.
/// </summary>
internal abstract class ContainerEdit
{
    protected ContainerEdit(SyntaxNode node) => Node = node;

    /// <summary>The container in the original tree.</summary>
    public SyntaxNode Node { get; }

    /// <summary>Edits of the same node apply by this order (lowest first) after the inner nodes' edits.</summary>
    public virtual int Order => 0;

    /// <summary>Adds the items of another edit of the same kind on the same node.</summary>
    public abstract void MergeFrom(ContainerEdit other);

    /// <summary>Rewrites the current version of <see cref="Node"/>.</summary>
    public abstract SyntaxNode Apply(SyntaxNode current);
}
