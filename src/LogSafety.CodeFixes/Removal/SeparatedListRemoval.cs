using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LogSafety.CodeFixes.Removal;

/// <summary>Removes elements from a comma-separated list without leaving a dangling comma or losing the layout.</summary>
internal static class SeparatedListRemoval
{
    public static SeparatedSyntaxList<T> Remove<T>(SeparatedSyntaxList<T> list, ICollection<int> indices)
        where T : SyntaxNode
    {
        var count = list.Count;
        var kept = new List<int>(count);
        for (var i = 0; i < count; i++)
        {
            if (!indices.Contains(i))
            {
                kept.Add(i);
            }
        }

        if (kept.Count == count)
        {
            return list;
        }

        if (kept.Count == 0)
        {
            return default;
        }

        var trailingSeparator = list.SeparatorCount == count;
        var items = new List<SyntaxNodeOrToken>(2 * kept.Count);
        for (var k = 0; k < kept.Count; k++)
        {
            var index = kept[k];
            var node = list[index];
            var isLast = k == kept.Count - 1;
            if (k == 0 && index > 0)
            {
                // The new first element takes the place (and indentation) of the old first one.
                node = node.WithLeadingTrivia(list[0].GetLeadingTrivia());
            }

            if (isLast && index < count - 1 && !trailingSeparator)
            {
                // What followed the old last element ("\n" before a closing brace) follows the new one.
                node = node.WithTrailingTrivia(node.GetTrailingTrivia().AddRange(list[count - 1].GetTrailingTrivia()));
            }

            items.Add(node);
            if (!isLast || trailingSeparator)
            {
                items.Add(index < list.SeparatorCount ? list.GetSeparator(index) : SyntaxFactory.Token(SyntaxKind.CommaToken));
            }
        }

        return SyntaxFactory.SeparatedList<T>(items);
    }
}
