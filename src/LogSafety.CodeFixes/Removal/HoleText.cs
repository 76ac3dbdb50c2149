using System;
using System.Collections.Generic;
using System.Text;
using LogSafety.Analyzers.Options;
using LogSafety.Analyzers.Sensitivity;

namespace LogSafety.CodeFixes.Removal;

/// <summary>
/// Message text with holes (template placeholders, interpolations, concatenated values), as a list of atoms that keep
/// their source spelling. Removing a hole also removes the label clearly attached to it ("password=", "token: ",
/// " password ") and one run of separators, so "User {UserId} password={Password}." reads "User {UserId}.".
/// Only whole atoms are ever deleted, so escape sequences survive intact.
/// </summary>
internal sealed class HoleText
{
    private const char HoleMark = '\uFFFC';
    private const char Opaque = '\uFFFD';
    private const int MaxLabelWords = 3;
    private const int MaxClauseWords = 4;

    /// <summary>Words that say what a value is ("My token is {Token}"): the clause says nothing once the value is gone.</summary>
    private static readonly HashSet<string> Copulas = new(StringComparer.OrdinalIgnoreCase) { "is", "was", "are", "were" };

    /// <summary>Words that join a clause to the text before it: "... {Url} and token was {Token}".</summary>
    private static readonly HashSet<string> Conjunctions = new(StringComparer.OrdinalIgnoreCase) { "and", "but", "while" };

    /// <summary>Words that only connect a value to the sentence ("signed in with {Token}"): they go with it.</summary>
    internal static readonly HashSet<string> Connectors = new(StringComparer.OrdinalIgnoreCase)
    {
        "with", "and", "or", "using", "via", "for", "is", "was", "as", "by", "of", "to", "from",
    };

    private readonly List<Atom> _atoms = new();
    private readonly LogSafetyOptions _options;

    public HoleText(LogSafetyOptions options) => _options = options;

    public int Count => _atoms.Count;

    public Atom this[int index] => _atoms[index];

    public void AddText(string raw, int owner, TextSpelling spelling)
    {
        var i = 0;
        while (i < raw.Length)
        {
            var length = OpaqueLength(raw, i, spelling);
            if (length > 0)
            {
                // "\n", "\t" and "\"" are kept as spelled but read as the line break, space or quote they stand for.
                var escaped = length == 2 && raw[i] == '\\'
                    ? raw[i + 1] switch { 'n' => '\n', 'r' => '\r', 't' => '\t', '"' => '"', '\'' => '\'', _ => Opaque }
                    : Opaque;
                _atoms.Add(new Atom(escaped, raw.Substring(i, length), owner, -1, null));
                i += length;
                continue;
            }

            _atoms.Add(new Atom(raw[i], raw[i].ToString(), owner, -1, null));
            i++;
        }
    }

    /// <param name="hints">Lower-case words of the value's own name: text made only of them labels the hole.</param>
    public void AddHole(int hole, string raw, int owner, ISet<string>? hints = null) => _atoms.Add(new Atom(HoleMark, raw, owner, hole, hints));

    /// <summary>Removes the holes with the given ids, each with its attached label and one separator run.</summary>
    public void RemoveHoles(ICollection<int> holes)
    {
        for (var index = _atoms.Count - 1; index >= 0; index--)
        {
            if (index < _atoms.Count && _atoms[index].IsHole && holes.Contains(_atoms[index].Hole))
            {
                var (start, end) = RangeToRemove(index);
                _atoms.RemoveRange(start, end - start);
                index = Math.Min(index, start);
            }
        }
    }

    public bool HasHoles()
    {
        foreach (var atom in _atoms)
        {
            if (atom.IsHole)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The source spelling of the atoms, holes written by <paramref name="writeHole"/>.</summary>
    public string Write(Func<Atom, string> writeHole, int owner = -1)
    {
        var builder = new StringBuilder();
        foreach (var atom in _atoms)
        {
            if (owner >= 0 && atom.Owner != owner)
            {
                continue;
            }

            builder.Append(atom.IsHole ? writeHole(atom) : atom.Raw);
        }

        return builder.ToString();
    }

    private (int Start, int End) RangeToRemove(int hole)
    {
        if (ClauseOfValue(hole) is { } clause)
        {
            return clause;
        }

        var start = hole;
        var end = hole + 1;

        // "'{Attempt}'", "({Token})": the quotes or brackets that only wrap the value go with it.
        if (start > 0 && end < _atoms.Count && Wraps(_atoms[start - 1].Char, _atoms[end].Char))
        {
            start--;
            end++;
        }

        var fragmentStart = hole;
        while (fragmentStart > 0 && !_atoms[fragmentStart - 1].IsHole)
        {
            fragmentStart--;
        }

        // Words before the value are a label to drop only as "key=" / "key: ", as a key between two values
        // ("User {0} token {1} attempt {2}"), or when the value ends the text ("... with password {Password}");
        // where they open the sentence ("Session {SessionId} created") they carry the event.
        var afterHole = end;
        while (afterHole < _atoms.Count && IsSeparator(_atoms[afterHole].Char))
        {
            afterHole++;
        }

        var holeEndsText = afterHole == _atoms.Count || IsClosing(_atoms[afterHole].Char) || IsLineBreak(_atoms[afterHole].Char);
        var (labelStart, keyEnd, hasMarker) = FindLabel(fragmentStart, start);
        var keyAfterValue = fragmentStart > 0 && _atoms[fragmentStart - 1].IsHole;
        if (labelStart >= 0 && (hasMarker || holeEndsText || keyAfterValue) && HasContentOutside(labelStart, end))
        {
            start = labelStart;
        }
        else if (hasMarker)
        {
            // "Reset token: {Token}": the words belong to the sentence; only ": " goes.
            start = keyEnd;
        }

        var before = start;
        while (before > 0 && IsSeparator(_atoms[before - 1].Char))
        {
            before--;
        }

        var after = end;
        while (after < _atoms.Count && IsSeparator(_atoms[after].Char))
        {
            after++;
        }

        var atEnd = after == _atoms.Count || IsClosing(_atoms[after].Char) || IsLineBreak(_atoms[after].Char);
        var atStart = before == 0 || IsOpening(_atoms[before - 1].Char) || IsLineBreak(_atoms[before - 1].Char);
        if (atEnd)
        {
            start = before;

            // "Notification:\n\n{Body}" at the very end: the separators and line breaks that only led to it go too.
            if (after == _atoms.Count)
            {
                while (start > 0 && (IsSeparator(_atoms[start - 1].Char) || IsLineBreak(_atoms[start - 1].Char)) && HasContentBefore(start - 1))
                {
                    start--;
                }
            }

            // A line of a multi-line template that held only the value goes with its line break.
            if (after < _atoms.Count && IsLineBreak(_atoms[after].Char) && start > 0 && IsLineBreak(_atoms[start - 1].Char))
            {
                var lineBreak = start - 1;
                if (lineBreak > 0 && _atoms[lineBreak].Char == '\n' && _atoms[lineBreak - 1].Char == '\r')
                {
                    lineBreak--;
                }

                if (HasContentBefore(lineBreak))
                {
                    start = lineBreak;
                }
            }

            // "Logged in using {Token}" ends "Logged in", not "Logged in using".
            while (ConnectorBefore(fragmentStart, start) is var connector && connector >= 0 && HasContentOutside(connector, end))
            {
                start = SkipSpacesBack(connector, 0);
            }
        }
        else if (atStart || (IsBullet(before - 1) && HasKeyMarker(end, after)))
        {
            // "- {Secret}: {Result}": a value that opens a line or list item was the key of what follows; its ': ' goes too.
            end = after;
        }
        else if (start > before && after > end)
        {
            start = before;
        }

        return (start, end);
    }

    /// <summary>
    /// A clause that only says what the value is ("My token is {MyToken}.", "(expected token was {TokenExpected})",
    /// "... and token in header was {TokenReceived}") says nothing once the value is gone: it goes whole, with the
    /// punctuation that opened or closed it. Only a short clause of plain words (at most <see cref="MaxClauseWords"/>)
    /// that a copula joins to the value, ending where the sentence, a parenthesis or the text ends; null otherwise.
    /// </summary>
    private (int Start, int End)? ClauseOfValue(int hole)
    {
        var holeStart = hole;
        var holeEnd = hole + 1;
        if (holeStart > 0 && holeEnd < _atoms.Count && Wraps(_atoms[holeStart - 1].Char, _atoms[holeEnd].Char))
        {
            holeStart--;
            holeEnd++;
        }

        // A copula right before the value, a space on each side of it.
        if (holeStart == 0 || !IsSpace(_atoms[holeStart - 1].Char)
            || WordBefore(0, holeStart, Copulas) is not (> 0 and var k) || !IsSpace(_atoms[k - 1].Char))
        {
            return null;
        }

        var after = SkipSpacesForward(holeEnd);

        var endChar = after < _atoms.Count ? _atoms[after].Char : '\0';
        if (endChar is not ('\0' or '.' or ',' or ';' or '!' or '?' or ')' or '(' or '\r' or '\n') || (after < _atoms.Count && _atoms[after].IsHole))
        {
            return null;
        }

        // The subject: plain words back to the punctuation, value or start that opens the clause.
        var i = k;
        while (i > 0 && !_atoms[i - 1].IsHole)
        {
            var c = _atoms[i - 1].Char;
            if (c is '.' or ',' or ';' or '!' or '?' or '(' or '\r' or '\n')
            {
                break;
            }

            if (!char.IsLetterOrDigit(c) && !IsSpace(c) && c is not ('_' or '-' or '\''))
            {
                return null;
            }

            i--;
        }

        var subject = Text(i, k).Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
        var afterValue = i > 0 && _atoms[i - 1].IsHole;
        var subjectWords = afterValue ? subject.Length - 1 : subject.Length;
        if (subjectWords < 1 || subjectWords > MaxClauseWords || (afterValue && !Conjunctions.Contains(subject[0])))
        {
            return null;
        }

        int start, end;
        var opening = i > 0 ? _atoms[i - 1].Char : '\0';
        if (afterValue)
        {
            // "{Url} and token in header was {TokenReceived}": from the value before to this one.
            (start, end) = (i, holeEnd);
        }
        else if (opening == '(')
        {
            if (endChar != ')')
            {
                return null;
            }

            start = SkipSpacesBack(i - 1, 0);

            end = after + 1;
        }
        else if (opening == ',')
        {
            // "Login failed, password was {Password}.": the comma goes, the sentence's end stays.
            (start, end) = (i - 1, holeEnd);
        }
        else
        {
            // A sentence of its own: it goes with its closing punctuation; the sentence before keeps its own.
            start = i;
            end = endChar is '.' or ',' or ';' or '!' or '?' ? after + 1 : holeEnd;
            if (i == 0)
            {
                end = SkipSpacesForward(end);
            }
        }

        return HasContentOutside(start, end) ? (start, end) : null;
    }

    /// <summary>
    /// The label right before a hole, which goes with it: "key=" / "key: ", or up to three words that name a secret or
    /// repeat the value's own name ("password ", "session "), with connecting words before them (" with password ").
    /// A label must start the text since the previous hole or punctuation: words inside a sentence stay.
    /// Returns where the label starts (-1 if none), where its key words end, and whether a '=' or ':' follows them.
    /// </summary>
    private (int LabelStart, int KeyEnd, bool HasMarker) FindLabel(int fragmentStart, int hole)
    {
        var j = SkipSpacesBack(hole, fragmentStart);

        var hasMarker = j > fragmentStart && _atoms[j - 1].Char is '=' or ':';
        var keyEnd = hasMarker ? SkipSpacesBack(j - 1, fragmentStart) : j;

        var hints = _atoms[hole].Hints;
        var wordStart = keyEnd;
        for (var words = 1; words <= MaxLabelWords; words++)
        {
            var k = words > 1 ? SkipSpacesBack(wordStart, fragmentStart) : wordStart;

            var start = WordStart(fragmentStart, k);
            if (start == k)
            {
                break;
            }

            wordStart = start;
            if (!IsLabelBoundary(fragmentStart, wordStart))
            {
                continue;
            }

            var phrase = Text(wordStart, keyEnd);
            if ((hasMarker && words == 1) || NameClassifier.Classify(phrase, _options).IsSensitive || AllIn(NameWords.Split(phrase), hints))
            {
                return (ExtendOverConnectors(fragmentStart, wordStart), keyEnd, hasMarker);
            }
        }

        return hasMarker && keyEnd == j - 1 && wordStart == keyEnd ? (j - 1, j - 1, true) : (-1, keyEnd, hasMarker);
    }

    private int WordStart(int fragmentStart, int end)
    {
        var start = end;
        while (start > fragmentStart && IsKeyChar(_atoms[start - 1].Char))
        {
            start--;
        }

        return start;
    }

    /// <summary>True when only spaces and connecting words lie between <paramref name="start"/> and the previous hole or punctuation.</summary>
    private bool IsLabelBoundary(int fragmentStart, int start)
    {
        var k = start;
        while (true)
        {
            k = SkipSpacesBack(k, fragmentStart);

            if (k == fragmentStart)
            {
                return true;
            }

            var c = _atoms[k - 1].Char;
            if (IsSeparator(c) || IsLineBreak(c) || IsOpening(c) || c is '.' or '!' or '?')
            {
                return true;
            }

            var wordStart = WordStart(fragmentStart, k);
            if (wordStart == k || !Connectors.Contains(Text(wordStart, k)))
            {
                return false;
            }

            k = wordStart;
        }
    }

    private int ExtendOverConnectors(int fragmentStart, int start)
    {
        while (ConnectorBefore(fragmentStart, start) is var connector && connector >= 0)
        {
            start = connector;
        }

        return start;
    }

    /// <summary>The start of a connecting word ("with", "using") right before <paramref name="start"/>, or -1.</summary>
    private int ConnectorBefore(int fragmentStart, int start) => WordBefore(fragmentStart, start, Connectors);

    /// <summary>The start of a word of <paramref name="words"/> right before <paramref name="start"/> (spaces between), or -1.</summary>
    private int WordBefore(int fragmentStart, int start, HashSet<string> words)
    {
        var k = SkipSpacesBack(start, fragmentStart);
        var wordStart = WordStart(fragmentStart, k);
        return wordStart < k && words.Contains(Text(wordStart, k)) && (wordStart == 0 || !IsKeyChar(_atoms[wordStart - 1].Char)) ? wordStart : -1;
    }

    private static bool AllIn(System.Collections.Immutable.ImmutableArray<string> words, ISet<string>? hints)
    {
        if (hints is null || words.IsDefaultOrEmpty)
        {
            return false;
        }

        foreach (var word in words)
        {
            if (!hints.Contains(word))
            {
                return false;
            }
        }

        return true;
    }

    private string Text(int start, int end)
    {
        var builder = new StringBuilder(end - start);
        for (var i = start; i < end; i++)
        {
            builder.Append(_atoms[i].Char);
        }

        return builder.ToString();
    }

    private bool AllSeparators(int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!IsSeparator(_atoms[i].Char))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when something other than separators would remain: the event text is never removed entirely.</summary>
    private bool HasContentOutside(int start, int end)
    {
        for (var i = 0; i < _atoms.Count; i++)
        {
            if ((i < start || i >= end) && !IsSeparator(_atoms[i].Char) && !IsLineBreak(_atoms[i].Char))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasContentBefore(int end)
    {
        for (var i = 0; i < end; i++)
        {
            if (!IsSeparator(_atoms[i].Char) && !IsLineBreak(_atoms[i].Char))
            {
                return true;
            }
        }

        return false;
    }

    private static int OpaqueLength(string raw, int i, TextSpelling spelling)
    {
        var c = raw[i];
        var next = i + 1 < raw.Length ? raw[i + 1] : '\0';
        if (spelling.HasFlag(TextSpelling.DoubledBraces) && (c, next) is ('{', '{') or ('}', '}'))
        {
            return 2;
        }

        if (spelling.HasFlag(TextSpelling.Verbatim) && c == '"' && next == '"')
        {
            return 2;
        }

        if (spelling.HasFlag(TextSpelling.BackslashEscapes) && c == '\\' && i + 1 < raw.Length)
        {
            var length = next switch
            {
                'u' => 6,
                'U' => 10,
                'x' => 2 + HexDigits(raw, i + 2, 4),
                _ => 2,
            };
            return Math.Min(length, raw.Length - i);
        }

        return 0;
    }

    private static int HexDigits(string raw, int start, int max)
    {
        var count = 0;
        while (count < max && start + count < raw.Length && Uri.IsHexDigit(raw[start + count]))
        {
            count++;
        }

        return count;
    }

    /// <summary>A list item's mark ("- ", "* ", "• ") at the start of the text or a line.</summary>
    private bool IsBullet(int index) =>
        index >= 0 && _atoms[index].Char is '-' or '*' or '\u2022'
        && (index == 0 || IsSpace(_atoms[index - 1].Char) || IsLineBreak(_atoms[index - 1].Char));

    private bool HasKeyMarker(int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (_atoms[i].Char is ':' or '=')
            {
                return true;
            }
        }

        return false;
    }

    private static bool Wraps(char open, char close) =>
        (open, close) is ('\'', '\'') or ('"', '"') or ('`', '`') or ('(', ')') or ('[', ']') or ('<', '>');

    private static bool IsSpace(char c) => c is ' ' or '\t';

    /// <summary>The start of the spaces right before <paramref name="index"/>, not going below <paramref name="limit"/>.</summary>
    private int SkipSpacesBack(int index, int limit)
    {
        while (index > limit && IsSpace(_atoms[index - 1].Char))
        {
            index--;
        }

        return index;
    }

    /// <summary>The end of the spaces that start at <paramref name="index"/>.</summary>
    private int SkipSpacesForward(int index)
    {
        while (index < _atoms.Count && IsSpace(_atoms[index].Char))
        {
            index++;
        }

        return index;
    }

    private static bool IsSeparator(char c) => c is ' ' or '\t' or ',' or ';' or '|' or '&' or ':' or '=' or '/';

    private static bool IsKeyChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '.';

    private static bool IsClosing(char c) => c is '.' or '!' or '?' or ')' or ']';

    private static bool IsOpening(char c) => c is '(' or '[';

    private static bool IsLineBreak(char c) => c is '\r' or '\n';

    internal readonly struct Atom
    {
        public Atom(char c, string raw, int owner, int hole, ISet<string>? hints)
        {
            Hints = hints;
            Char = c;
            Raw = raw;
            Owner = owner;
            Hole = hole;
        }

        /// <summary>The character the tidying rules see: the text itself, or a mark for holes and escapes.</summary>
        public char Char { get; }

        /// <summary>The source spelling.</summary>
        public string Raw { get; }

        /// <summary>Which source token or operand the atom came from.</summary>
        public int Owner { get; }

        public int Hole { get; }

        public bool IsHole => Hole >= 0;

        public ISet<string>? Hints { get; }
    }
}

/// <summary>How a piece of string source text spells characters that are not themselves.</summary>
[Flags]
internal enum TextSpelling
{
    Plain = 0,
    BackslashEscapes = 1,
    Verbatim = 2,
    DoubledBraces = 4,
}
