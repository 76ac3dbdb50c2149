using System.Collections.Immutable;

namespace LogSafety.Analyzers.Logging;

/// <summary>One hole of a message template or composite format string: "{Password}", "{@Request}", "{0,10:x}".</summary>
internal readonly struct TemplateHole
{
    public TemplateHole(string name, int start, int length, bool destructure, bool stringify)
    {
        Name = name;
        Start = start;
        Length = length;
        Destructure = destructure;
        Stringify = stringify;
    }

    /// <summary>The property name without '@'/'$', alignment or format ("Password", "0").</summary>
    public string Name { get; }

    /// <summary>Offset of '{' in the template text, and the length up to and including '}'.</summary>
    public int Start { get; }
    public int Length { get; }
    public bool Destructure { get; }
    public bool Stringify { get; }

    public bool IsPositional => Name.Length > 0 && IsDigits(Name);

    public int Position => IsPositional && int.TryParse(Name, out var value) ? value : -1;

    private static bool IsDigits(string text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// Parses message templates (Microsoft.Extensions.Logging, Serilog, NLog) and composite format strings
/// (string.Format, Console, log4net) into holes. Linear, allocation-light and tolerant of malformed text.
/// </summary>
internal sealed class MessageTemplate
{
    private MessageTemplate(string text, ImmutableArray<TemplateHole> holes, int firstValue = 0)
    {
        Text = text;
        Holes = holes;
        FirstValue = firstValue;
    }

    public string Text { get; }
    public ImmutableArray<TemplateHole> Holes { get; }

    /// <summary>
    /// The index of the value that fills the first named hole: 0 for a whole template, more for the constant tail of
    /// a template built at run time, whose holes take the last values.
    /// </summary>
    public int FirstValue { get; }

    /// <summary>True when every hole is numeric: values pair with holes by number, not by order.</summary>
    public bool IsPositional
    {
        get
        {
            if (Holes.IsEmpty)
            {
                return false;
            }

            foreach (var hole in Holes)
            {
                if (!hole.IsPositional)
                {
                    return false;
                }
            }

            return true;
        }
    }

    public static MessageTemplate Parse(string text)
    {
        var holes = ImmutableArray.CreateBuilder<TemplateHole>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '{')
            {
                if (i + 1 < text.Length && text[i + 1] == '{')
                {
                    i += 2;
                    continue;
                }

                var close = text.IndexOf('}', i + 1);
                if (close < 0)
                {
                    break;
                }

                var inner = text.Substring(i + 1, close - i - 1);
                var destructure = inner.Length > 0 && inner[0] == '@';
                var stringify = inner.Length > 0 && inner[0] == '$';
                var nameStart = destructure || stringify ? 1 : 0;
                var nameEnd = inner.Length;
                for (var k = nameStart; k < inner.Length; k++)
                {
                    if (inner[k] is ',' or ':')
                    {
                        nameEnd = k;
                        break;
                    }
                }

                var name = inner.Substring(nameStart, nameEnd - nameStart).Trim();
                if (name.Length > 0 && name.IndexOf('{') < 0)
                {
                    holes.Add(new TemplateHole(name, i, close - i + 1, destructure, stringify));
                }

                i = close + 1;
                continue;
            }

            i++;
        }

        return new MessageTemplate(text, holes.ToImmutable());
    }

    /// <summary>
    /// The constant tail of a template built at run time (message + ", {@Details}"): its named holes take the last of
    /// the <paramref name="valueCount"/> values, whatever the head holds; numbered holes keep their numbers. Null when
    /// the tail has more named holes than there are values.
    /// </summary>
    public static MessageTemplate? ParseTail(string tail, int valueCount)
    {
        var template = Parse(tail);
        if (template.IsPositional)
        {
            return template;
        }

        var firstValue = valueCount - template.Holes.Length;
        return firstValue < 0 ? null : new MessageTemplate(tail, template.Holes, firstValue);
    }

    /// <summary>The hole that the value at <paramref name="argumentIndex"/> fills, if any.</summary>
    public TemplateHole? HoleFor(int argumentIndex)
    {
        if (argumentIndex < 0)
        {
            return null;
        }

        if (IsPositional)
        {
            foreach (var hole in Holes)
            {
                if (hole.Position == argumentIndex)
                {
                    return hole;
                }
            }

            return null;
        }

        var index = argumentIndex - FirstValue;
        return index >= 0 && index < Holes.Length ? Holes[index] : null;
    }
}
