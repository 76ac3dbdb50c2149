using System;
using System.Collections.Generic;
using LogSafety.Analyzers.Sensitivity;

namespace LogSafety.CodeFixes.Removal;

/// <summary>The words that name a removed value (its own name, its placeholder's name): message text made of them is its label.</summary>
internal static class Hints
{
    public static ISet<string> Of(IEnumerable<string>? words, string? name = null)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (words is not null)
        {
            set.UnionWith(words);
        }

        if (name is not null)
        {
            set.UnionWith(NameWords.Split(name));
        }

        return set;
    }
}
