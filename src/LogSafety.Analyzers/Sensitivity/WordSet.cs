using System;
using System.Collections.Generic;

namespace LogSafety.Analyzers.Sensitivity;

/// <summary>
/// A fixed set of words, written as one space-separated string. The vocabularies are hundreds of words: as array
/// initializers they made one static constructor of about 5 KB of IL, with a string literal to resolve per word, which
/// the first log call judged paid for in JIT time; split from one literal, they cost a few hundred bytes.
/// </summary>
internal sealed class WordSet
{
    private static readonly char[] Separators = { ' ', '\n', '\r', '\t' };

    private readonly HashSet<string> _words;

    public WordSet(string words, StringComparer? comparer = null)
    {
        _words = new HashSet<string>(words.Split(Separators, StringSplitOptions.RemoveEmptyEntries), comparer ?? StringComparer.Ordinal);
    }

    public bool Contains(string word) => _words.Contains(word);
}
