using System;
using System.Globalization;
using System.Text;

namespace LogSafety.Analyzers.Baselines;

/// <summary>A cursor over the text: whitespace and comments, strings with escapes, numbers, and values skipped whole.</summary>
internal struct BaselineJsonReader(string text)
{
    private readonly string _text = text;

    public int Position { get; private set; }

    public readonly bool AtEnd => Position >= _text.Length;

    public readonly char Peek() => Position < _text.Length ? _text[Position] : '\0';

    public void Advance() => Position++;

    public readonly MalformedBaselineException Invalid(string reason) =>
        new(Position, AtEnd ? "not valid JSON (the text ends too early)" : $"not valid JSON ({reason}, found '{_text[Position]}')");

    public void Expect(char expected)
    {
        SkipWhitespace();
        if (Peek() != expected)
        {
            throw Invalid($"expected '{expected}'");
        }

        Advance();
    }

    /// <summary>Just inside '{' or '[': consumes <paramref name="close"/> and says so when the container is empty.</summary>
    public bool EndsEmpty(char close)
    {
        SkipWhitespace();
        if (Peek() != close)
        {
            return false;
        }

        Advance();
        return true;
    }

    /// <summary>After a member: true when a ',' announces another, false when <paramref name="close"/> ends the container.</summary>
    public bool NextMember(char close)
    {
        SkipWhitespace();
        if (Peek() == ',')
        {
            Advance();
            SkipWhitespace();
            if (Peek() == close)
            {
                throw Invalid($"a trailing comma before '{close}'");
            }

            return true;
        }

        if (Peek() != close)
        {
            throw Invalid($"expected ',' or '{close}'");
        }

        Advance();
        return false;
    }

    public void SkipWhitespace()
    {
        while (!AtEnd)
        {
            var c = Peek();
            if (c is ' ' or '\t' or '\r' or '\n' || (c == '\uFEFF' && Position == 0))
            {
                Advance();
            }
            else if (c == '/' && Position + 1 < _text.Length && _text[Position + 1] == '/')
            {
                while (!AtEnd && Peek() != '\n')
                {
                    Advance();
                }
            }
            else if (c == '/' && Position + 1 < _text.Length && _text[Position + 1] == '*')
            {
                var end = _text.IndexOf("*/", Position + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw Invalid("an unterminated comment");
                }

                Position = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    public string ReadString()
    {
        Advance();
        var value = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw Invalid("an unterminated string");
            }

            var c = Peek();
            if (c == '"')
            {
                Advance();
                return value.ToString();
            }

            if (c < ' ')
            {
                throw Invalid("a control character inside a string");
            }

            Advance();
            if (c != '\\')
            {
                value.Append(c);
                continue;
            }

            var escape = Peek();
            Advance();
            switch (escape)
            {
                case '"' or '\\' or '/':
                    value.Append(escape);
                    break;
                case 'b':
                    value.Append('\b');
                    break;
                case 'f':
                    value.Append('\f');
                    break;
                case 'n':
                    value.Append('\n');
                    break;
                case 'r':
                    value.Append('\r');
                    break;
                case 't':
                    value.Append('\t');
                    break;
                case 'u' when Position + 4 <= _text.Length
                    && int.TryParse(_text.Substring(Position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    value.Append((char)code);
                    Position += 4;
                    break;
                default:
                    Position--;
                    throw Invalid("an invalid escape sequence");
            }
        }
    }

    public string ReadNumber()
    {
        var start = Position;
        while (!AtEnd && (char.IsDigit(Peek()) || Peek() is '-' or '+' or '.' or 'e' or 'E'))
        {
            Advance();
        }

        if (Position == start)
        {
            throw Invalid("expected a number");
        }

        return _text.Substring(start, Position - start);
    }

    public void SkipValue(int depth)
    {
        if (depth > BaselineParser.MaxDepth)
        {
            throw new MalformedBaselineException(Position, "values nested too deeply");
        }

        SkipWhitespace();
        var c = Peek();
        if (c == '"')
        {
            ReadString();
        }
        else if (c is '{' or '[')
        {
            var close = c == '{' ? '}' : ']';
            Advance();
            var more = !EndsEmpty(close);
            while (more)
            {
                if (c == '{')
                {
                    SkipWhitespace();
                    if (Peek() != '"')
                    {
                        throw Invalid("expected a property name");
                    }

                    ReadString();
                    Expect(':');
                }

                SkipValue(depth + 1);
                more = NextMember(close);
            }
        }
        else if (c is '-' || char.IsDigit(c))
        {
            ReadNumber();
        }
        else if (!SkipLiteral("true") && !SkipLiteral("false") && !SkipLiteral("null"))
        {
            throw Invalid("expected a value");
        }
    }

    private bool SkipLiteral(string literal)
    {
        if (string.CompareOrdinal(_text, Position, literal, 0, literal.Length) != 0)
        {
            return false;
        }

        Position += literal.Length;
        return true;
    }
}

/// <summary>Thrown inside <see cref="BaselineParser"/> only, and always caught there: where the text went wrong and why.</summary>
internal sealed class MalformedBaselineException(int position, string message) : Exception(message)
{
    public int Position { get; } = position;
}
