using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis.Text;

namespace LogSafety.Analyzers.Roslyn;

/// <summary>
/// The names a stretch of source text may invoke, hashed: a filter that reads characters only, so that syntax is read
/// only where a name of interest may be called. It never misses one: the simple name of every invocation is a word
/// followed by its argument list (a word of a comment or a string may be taken too, which only lets more through).
/// Text that could spell a name in a form the scan does not follow (a Unicode escape) gives no words: anything may be
/// invoked in it.
/// </summary>
internal static class WordHashes
{
    private const uint Seed = 2166136261;
    private const uint Prime = 16777619;
    private static readonly int InvokeHash = Of("Invoke");

    /// <summary>The hash of one identifier's value text, as <see cref="Invoked"/> hashes a word.</summary>
    public static int Of(string name)
    {
        var hash = Seed;
        foreach (var c in name)
        {
            if (c < 128 || CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                hash = (hash ^ c) * Prime;
            }
        }

        return (int)hash;
    }

    /// <summary>The hashes of <paramref name="names"/>, sorted and distinct, for <see cref="ContainsAny"/>.</summary>
    public static int[] Sorted(IEnumerable<string> names)
    {
        var hashes = new List<int>();
        foreach (var name in names)
        {
            hashes.Add(Of(name));
        }

        return Distinct(hashes);
    }

    /// <summary>
    /// The distinct hashes of the words in <paramref name="span"/> of <paramref name="text"/> that may name an invoked
    /// method, sorted: each word followed by an argument list or type argument list (<c>Log(</c>, <c>Log&lt;T&gt;(</c>),
    /// or by a comment or directive that may hide one, and the receiver of <c>name.Invoke(</c>. Null when the span holds
    /// a Unicode escape (an identifier may be spelled with one), a character outside the basic plane, or an Invoke
    /// whose receiver the scan cannot name: then any name may be invoked there. Formatting characters are skipped, as
    /// the compiler skips them when it compares identifiers.
    /// </summary>
    public static int[]? Invoked(string text, TextSpan span, List<int> scratch)
    {
        scratch.Clear();
        return IsPlain(text, span) ? InvokedPlain(text, span, scratch) : InvokedScanned(text, span, scratch);
    }

    private static readonly char[] AfterInvokedName = { '(', '<', '/', '#' };

    /// <summary>
    /// Whether the span is ASCII without a Unicode escape: every word is then a run of letters, digits and underscores,
    /// and <see cref="InvokedPlain"/> gives the same hashes as <see cref="InvokedScanned"/>.
    /// </summary>
    private static bool IsPlain(string text, TextSpan span)
    {
        for (var i = span.Start; i < span.End; i++)
        {
            var c = text[i];
            if (c >= 128 || (c == '\\' && i + 1 < span.End && (text[i + 1] == 'u' || text[i + 1] == 'U')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <see cref="InvokedScanned"/> for plain text (<see cref="IsPlain"/>), from the other end: the runtime finds the
    /// few characters that may follow an invoked name, and only the word before each is read and hashed.
    /// </summary>
    private static int[]? InvokedPlain(string text, TextSpan span, List<int> scratch)
    {
        var start = span.Start;
        var end = span.End;
        var at = text.IndexOfAny(AfterInvokedName, start, end - start);
        while (at >= 0)
        {
            var i = at - 1;
            while (i >= start && char.IsWhiteSpace(text[i]))
            {
                i--;
            }

            var wordEnd = i + 1;
            while (i >= start && IsPlainWordChar(text[i]))
            {
                i--;
            }

            var wordStart = i + 1;
            if (wordStart < wordEnd)
            {
                var hash = Seed;
                for (var j = wordStart; j < wordEnd; j++)
                {
                    hash = (hash ^ text[j]) * Prime;
                }

                scratch.Add((int)hash);
                if ((int)hash == InvokeHash)
                {
                    if (ReceiverBefore(text, wordStart, start) is not { } receiver)
                    {
                        return null;
                    }

                    scratch.Add(receiver);
                }
            }

            at = at + 1 < end ? text.IndexOfAny(AfterInvokedName, at + 1, end - at - 1) : -1;
        }

        return Distinct(scratch);
    }

    private static bool IsPlainWordChar(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';

    /// <summary>The reference scan, character by character, for any text.</summary>
    internal static int[]? InvokedScanned(string text, TextSpan span, List<int> scratch)
    {
        scratch.Clear();
        var end = span.End;
        var i = span.Start;
        while (i < end)
        {
            if (Classify(text, i, end) == CharKind.Separator)
            {
                i++;
                continue;
            }

            var start = i;
            if (!ReadWord(text, ref i, end, out var hash, out _))
            {
                return null;
            }

            var next = i;
            while (next < end && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            if (next == end || text[next] is not ('(' or '<' or '/' or '#'))
            {
                continue;
            }

            scratch.Add((int)hash);
            if ((int)hash == InvokeHash)
            {
                // A delegate's Invoke is named after the delegate: s_logLogin.Invoke(...) calls s_logLogin.
                if (ReceiverBefore(text, start, span.Start) is not { } receiver)
                {
                    return null;
                }

                scratch.Add(receiver);
            }
        }

        return Distinct(scratch);
    }

    /// <summary>
    /// Where <paramref name="text"/> holds one of <paramref name="names"/> as a word: the offsets of the words' first
    /// characters. Null when the text may spell a name in a form the scan does not follow (a Unicode escape, a
    /// formatting character, a character outside the basic plane).
    /// </summary>
    public static List<int>? Mentions(string text, List<string> names)
    {
        var offsets = new List<int>();
        var i = 0;
        while (i < text.Length)
        {
            if (Classify(text, i, text.Length) == CharKind.Separator)
            {
                i++;
                continue;
            }

            var start = i;
            if (!ReadWord(text, ref i, text.Length, out _, out var skipped) || skipped)
            {
                return null;
            }

            foreach (var name in names)
            {
                if (name.Length == i - start && string.CompareOrdinal(text, start, name, 0, name.Length) == 0)
                {
                    offsets.Add(start);
                    break;
                }
            }
        }

        return offsets;
    }

    /// <summary>
    /// Reads the word that starts at <paramref name="i"/> up to the next separator, hashing its characters as
    /// <see cref="Of"/> does; false when it holds a character the scan cannot follow. <paramref name="skipped"/> says a
    /// formatting character was left out of the hash.
    /// </summary>
    private static bool ReadWord(string text, ref int i, int end, out uint hash, out bool skipped)
    {
        hash = Seed;
        skipped = false;
        for (; i < end; i++)
        {
            switch (Classify(text, i, end))
            {
                case CharKind.Unknown:
                    return false;
                case CharKind.Separator:
                    return true;
                case CharKind.Word:
                    hash = (hash ^ text[i]) * Prime;
                    break;
                default:
                    skipped = true;
                    break;
            }
        }

        return true;
    }

    private enum CharKind
    {
        Separator,
        Word,
        Skipped,
        Unknown,
    }

    private static CharKind Classify(string text, int i, int end)
    {
        var c = text[i];
        if (c < 128)
        {
            if (c == '\\' && i + 1 < end && (text[i + 1] == 'u' || text[i + 1] == 'U'))
            {
                return CharKind.Unknown;
            }

            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ? CharKind.Word : CharKind.Separator;
        }

        if (char.IsSurrogate(c))
        {
            // A character outside the basic plane may be a formatting character, which the compiler skips.
            return CharKind.Unknown;
        }

        if (char.IsWhiteSpace(c))
        {
            return CharKind.Separator;
        }

        return CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format ? CharKind.Skipped : CharKind.Word;
    }

    /// <summary>
    /// The hash of the simple name before <c>.Invoke</c> at <paramref name="invoke"/>; null when something else is
    /// there that may still be a name (a comment, a generic type, conditional access through a suppression).
    /// A receiver that is no name at all (<c>(a).Invoke</c>, <c>f().Invoke</c>) gives the hash of nothing, which no name has.
    /// </summary>
    private static int? ReceiverBefore(string text, int invoke, int start)
    {
        var i = invoke - 1;
        while (i >= start && char.IsWhiteSpace(text[i]))
        {
            i--;
        }

        if (i >= start && text[i] == '/')
        {
            return null;
        }

        if (i < start || text[i] != '.')
        {
            // Invoke(...) without a receiver is named Invoke itself.
            return unchecked((int)Seed);
        }

        i--;
        if (i >= start && text[i] == '?')
        {
            i--;
        }

        while (i >= start && char.IsWhiteSpace(text[i]))
        {
            i--;
        }

        if (i < start || text[i] is '/' or '>' or '!')
        {
            return null;
        }

        var end = i + 1;
        while (i >= start && Classify(text, i, end) is CharKind.Word or CharKind.Skipped)
        {
            i--;
        }

        var wordStart = i + 1;
        ReadWord(text, ref wordStart, end, out var hash, out _);
        return (int)hash;
    }

    /// <summary>Whether two bodies may invoke the same names: both hold the same hashes, or both may invoke any name (null).</summary>
    public static bool SameWords(int[]? a, int[]? b) => a is null || b is null ? a is null && b is null : System.Linq.Enumerable.SequenceEqual(a, b);

    /// <summary>Whether the two sorted sets share a hash; a null word set (see <see cref="Invoked"/>) shares every one.</summary>
    public static bool ContainsAny(int[]? words, int[] names)
    {
        if (words is null)
        {
            return true;
        }

        if (words.Length > names.Length)
        {
            (words, names) = (names, words);
        }

        foreach (var word in words)
        {
            if (Contains(names, word))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(int[] sorted, int value)
    {
        int low = 0, high = sorted.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var at = sorted[middle];
            if (at == value)
            {
                return true;
            }

            if (at < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return false;
    }

    private static int[] Distinct(List<int> hashes)
    {
        if (hashes.Count == 0)
        {
            return System.Array.Empty<int>();
        }

        hashes.Sort();
        var count = 1;
        for (var i = 1; i < hashes.Count; i++)
        {
            if (hashes[i] != hashes[count - 1])
            {
                hashes[count++] = hashes[i];
            }
        }

        var result = new int[count];
        hashes.CopyTo(0, result, 0, count);
        return result;
    }
}
