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
                _atoms.Add(new Atom(Opaque, raw.Substring(i, length), owner, -1));
                i += length;
                continue;
            }

            _atoms.Add(new Atom(raw[i], raw[i].ToString(), owner, -1));
            i++;
        }
    }

    public void AddHole(int hole, string raw, int owner) => _atoms.Add(new Atom(HoleMark, raw, owner, hole));

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
        var start = hole;
        var end = hole + 1;
        var fragmentStart = hole;
        while (fragmentStart > 0 && !_atoms[fragmentStart - 1].IsHole)
        {
            fragmentStart--;
        }

        var (labelStart, keyEnd, hasMarker) = FindLabel(fragmentStart, hole);
        if (labelStart >= 0)
        {
            if (AllSeparators(fragmentStart, labelStart) && HasContentOutside(labelStart, end))
            {
                start = labelStart;
            }
            else if (hasMarker)
            {
                // "Reset token: {Token}": the words belong to the sentence; only ": " goes.
                start = keyEnd;
            }
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
        }
        else if (atStart)
        {
            end = after;
        }
        else if (start > before && after > end)
        {
            start = before;
        }

        return (start, end);
    }

    /// <summary>
    /// The label right before a hole: "key=" / "key: " (any key), or the shortest run of up to three words that itself
    /// names a secret ("password ", "session id "). Returns where it starts and where its key words end.
    /// </summary>
    private (int LabelStart, int KeyEnd, bool HasMarker) FindLabel(int fragmentStart, int hole)
    {
        var j = hole;
        while (j > fragmentStart && IsSpace(_atoms[j - 1].Char))
        {
            j--;
        }

        if (j > fragmentStart && _atoms[j - 1].Char is '=' or ':')
        {
            var keyEnd = j - 1;
            while (keyEnd > fragmentStart && IsSpace(_atoms[keyEnd - 1].Char))
            {
                keyEnd--;
            }

            var keyStart = keyEnd;
            while (keyStart > fragmentStart && IsKeyChar(_atoms[keyStart - 1].Char))
            {
                keyStart--;
            }

            if (keyStart < keyEnd && !AllSeparators(fragmentStart, keyStart))
            {
                // "api key: {Key}": a key of several words when together they name a secret.
                var wider = SensitiveWords(fragmentStart, keyEnd);
                if (wider >= 0)
                {
                    keyStart = wider;
                }
            }

            return (keyStart == keyEnd ? j - 1 : keyStart, keyEnd, true);
        }

        var label = SensitiveWords(fragmentStart, j);
        return label >= 0 ? (label, j, false) : (-1, -1, false);
    }

    /// <summary>
    /// Where the run of up to three words ending at <paramref name="wordEnd"/> starts when it fills the text since the
    /// previous hole and names a secret ("password", "session id"), or -1: words inside a sentence are not a label.
    /// </summary>
    private int SensitiveWords(int fragmentStart, int wordEnd)
    {
        var wordStart = wordEnd;
        for (var words = 0; words < MaxLabelWords; words++)
        {
            var k = wordStart;
            if (words > 0)
            {
                while (k > fragmentStart && IsSpace(_atoms[k - 1].Char))
                {
                    k--;
                }
            }

            var start = k;
            while (start > fragmentStart && IsKeyChar(_atoms[start - 1].Char))
            {
                start--;
            }

            if (start == k)
            {
                break;
            }

            wordStart = start;
            if (AllSeparators(fragmentStart, wordStart) && NameClassifier.Classify(Text(wordStart, wordEnd), _options).IsSensitive)
            {
                return wordStart;
            }
        }

        return -1;
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

    private static bool IsSpace(char c) => c is ' ' or '\t';

    private static bool IsSeparator(char c) => c is ' ' or '\t' or ',' or ';' or '|' or '&' or ':' or '=' or '/';

    private static bool IsKeyChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '.';

    private static bool IsClosing(char c) => c is '.' or '!' or '?' or ')' or ']';

    private static bool IsOpening(char c) => c is '(' or '[';

    private static bool IsLineBreak(char c) => c is '\r' or '\n';

    internal readonly struct Atom
    {
        public Atom(char c, string raw, int owner, int hole)
        {
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
