using System.Collections.Generic;
using System.Collections.Immutable;

namespace LogSafety.Analyzers.Sensitivity;

/// <summary>
/// Splits identifiers, template placeholders and dictionary keys into lower-case words:
/// camelCase, PascalCase, snake_case, kebab-case, dotted and colon paths, digits and acronyms
/// ("APIKey" → api key, "x-api-key" → x api key, "JWTToken" → jwt token, "Jwt:Secret" → jwt secret).
/// </summary>
internal static class NameWords
{
    // Identifiers repeat across every log call of a code base (password, userId, request): their words are kept. The
    // words depend on the name alone; the cap bounds the memory a generated code base with endless names can take.
    private const int MaxCached = 50_000;
    private static readonly Roslyn.ReferenceCache<string, ImmutableArray<string>> Cache = new(System.StringComparer.Ordinal);

    public static ImmutableArray<string> Split(string name)
    {
        if (Cache.TryGetValue(name, out var known))
        {
            return known;
        }

        var words = Compute(name);
        if (Cache.Count < MaxCached)
        {
            Cache.TryAdd(name, words);
        }

        return words;
    }

    private static ImmutableArray<string> Compute(string name)
    {
        var words = ImmutableArray.CreateBuilder<string>();
        var length = name.Length;
        var start = -1;
        for (var i = 0; i < length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(name, ref start, i, words);
                continue;
            }

            if (start < 0)
            {
                start = i;
                continue;
            }

            var previous = name[i - 1];
            var boundary =
                (char.IsUpper(c) && char.IsLower(previous)) ||
                (char.IsDigit(c) != char.IsDigit(previous)) ||
                // "APIKey": the K starts a word when the next letter is lower case.
                (char.IsUpper(c) && char.IsUpper(previous) && i + 1 < length && char.IsLower(name[i + 1]));
            if (boundary)
            {
                Flush(name, ref start, i, words);
                start = i;
            }
        }

        Flush(name, ref start, length, words);
        return words.ToImmutable();
    }

    private static void Flush(string name, ref int start, int end, ImmutableArray<string>.Builder words)
    {
        if (start < 0)
        {
            return;
        }

        var word = name.Substring(start, end - start).ToLowerInvariant();
        start = -1;
        foreach (var part in SplitCompound(word))
        {
            words.Add(part);
        }
    }

    /// <summary>All-lower-case compounds such as "apikey", "accesstoken" or "sessionid" are split on known words.</summary>
    private static IEnumerable<string> SplitCompound(string word)
    {
        if (word.Length < 5 || SecretVocabulary.IsKnownWord(word))
        {
            yield return word;
            yield break;
        }

        foreach (var tail in SecretVocabulary.CompoundTails)
        {
            if (word.Length > tail.Length && word.EndsWith(tail, System.StringComparison.Ordinal))
            {
                var head = word.Substring(0, word.Length - tail.Length);
                if (SecretVocabulary.IsKnownWord(head))
                {
                    yield return head;
                    yield return tail;
                    yield break;
                }
            }
        }

        foreach (var first in SecretVocabulary.CompoundHeads)
        {
            if (word.Length > first.Length && word.StartsWith(first, System.StringComparison.Ordinal))
            {
                var rest = word.Substring(first.Length);
                if (SecretVocabulary.IsKnownWord(rest))
                {
                    yield return first;
                    yield return rest;
                    yield break;
                }
            }
        }

        yield return word;
    }
}
