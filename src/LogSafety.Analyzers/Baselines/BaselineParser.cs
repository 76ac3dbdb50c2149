using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace LogSafety.Analyzers.Baselines;

/// <summary>What reading a baseline gave: the baseline, or the line and the reason it was rejected.</summary>
internal sealed class BaselineParseResult
{
    private BaselineParseResult(Baseline? baseline, int line, string? error)
    {
        Baseline = baseline;
        Line = line;
        Error = error;
    }

    public Baseline? Baseline { get; }

    /// <summary>The 1-based line of the problem; 0 when the baseline was read.</summary>
    public int Line { get; }

    public string? Error { get; }

    public static BaselineParseResult Read(Baseline baseline) => new(baseline, 0, null);

    public static BaselineParseResult Rejected(int line, string error) => new(null, line, error);
}

/// <summary>
/// Reads logsafety.baseline.json: <c>{"version": 1, "findings": [{"fingerprint": "...", "ruleId": "LS0001", ...}]}</c>.
/// A file that is not exactly this shape is rejected with its line and the reason, never half read. Hand-written
/// (JSON with comments, nothing else) because the analyzer assembly may not bring System.Text.Json into the compiler;
/// the tool uses the same reader, so both accept and reject the same files. Never throws.
/// </summary>
internal static class BaselineParser
{
    public const int FormatVersion = 1;

    // Deeper nesting than any baseline has would only serve to overflow the compiler's stack.
    internal const int MaxDepth = 64;

    public static BaselineParseResult Parse(string text)
    {
        var reader = new BaselineJsonReader(text);
        try
        {
            return BaselineParseResult.Read(new Baseline(ReadDocument(ref reader)));
        }
        catch (MalformedBaselineException e)
        {
            return BaselineParseResult.Rejected(LineOf(text, e.Position), e.Message);
        }
    }

    private static ImmutableArray<BaselineEntry> ReadDocument(ref BaselineJsonReader reader)
    {
        var entries = ImmutableArray.CreateBuilder<BaselineEntry>();
        int? version = null;
        var sawFindings = false;
        reader.SkipWhitespace();
        if (reader.Peek() != '{')
        {
            throw new MalformedBaselineException(reader.Position, "expected a JSON object");
        }

        reader.Advance();
        var more = !reader.EndsEmpty('}');
        while (more)
        {
            reader.SkipWhitespace();
            if (reader.Peek() != '"')
            {
                throw new MalformedBaselineException(reader.Position, "expected a property name or the end of the object");
            }

            var at = reader.Position;
            var property = reader.ReadString();
            reader.Expect(':');
            reader.SkipWhitespace();
            switch (property)
            {
                case "version":
                    if (!(reader.Peek() == '-' || char.IsDigit(reader.Peek())) || reader.ReadNumber() != FormatVersion.ToString(CultureInfo.InvariantCulture))
                    {
                        throw new MalformedBaselineException(at, $"'version' must be {FormatVersion}");
                    }

                    version = FormatVersion;
                    break;
                case "findings":
                    if (reader.Peek() != '[')
                    {
                        throw new MalformedBaselineException(at, "'findings' must be an array");
                    }

                    sawFindings = true;
                    ReadFindings(ref reader, entries);
                    break;
                default:
                    reader.SkipValue(depth: 1);
                    break;
            }

            more = reader.NextMember('}');
        }

        reader.SkipWhitespace();
        if (!reader.AtEnd)
        {
            throw new MalformedBaselineException(reader.Position, "unexpected content after the end of the object");
        }

        if (version is null)
        {
            throw new MalformedBaselineException(reader.Position, "no 'version' property");
        }

        if (!sawFindings)
        {
            throw new MalformedBaselineException(reader.Position, "no 'findings' array");
        }

        return entries.ToImmutable();
    }

    private static void ReadFindings(ref BaselineJsonReader reader, ImmutableArray<BaselineEntry>.Builder entries)
    {
        reader.Advance();
        var more = !reader.EndsEmpty(']');
        while (more)
        {
            reader.SkipWhitespace();
            entries.Add(ReadEntry(ref reader));
            more = reader.NextMember(']');
        }
    }

    private static BaselineEntry ReadEntry(ref BaselineJsonReader reader)
    {
        var start = reader.Position;
        if (reader.Peek() != '{')
        {
            if (reader.AtEnd)
            {
                throw reader.Invalid("the text ends inside the 'findings' array");
            }

            throw new MalformedBaselineException(start, "each finding must be an object");
        }

        reader.Advance();
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var more = !reader.EndsEmpty('}');
        while (more)
        {
            reader.SkipWhitespace();
            if (reader.Peek() != '"')
            {
                throw reader.Invalid("expected a property name");
            }

            var property = reader.ReadString();
            reader.Expect(':');
            reader.SkipWhitespace();
            if (reader.Peek() != '"')
            {
                throw new MalformedBaselineException(reader.Position, $"'{property}' must be a string");
            }

            fields[property] = reader.ReadString();
            more = reader.NextMember('}');
        }

        if (!fields.TryGetValue("fingerprint", out var fingerprint) || fingerprint.Length != 32 || !IsHex(fingerprint))
        {
            throw new MalformedBaselineException(start, "a finding needs a 'fingerprint' of 32 hexadecimal digits");
        }

        if (!fields.TryGetValue("ruleId", out var ruleId) || !ruleId.StartsWith("LS", StringComparison.Ordinal))
        {
            throw new MalformedBaselineException(start, "a finding needs a 'ruleId' such as \"LS0001\"");
        }

        return new BaselineEntry(
            fingerprint.ToLowerInvariant(), ruleId,
            fields.TryGetValue("path", out var path) ? path : "",
            fields.TryGetValue("message", out var message) ? message : "");
    }

    private static bool IsHex(string text)
    {
        foreach (var c in text)
        {
            if (!(c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F'))
            {
                return false;
            }
        }

        return true;
    }

    private static int LineOf(string text, int position)
    {
        var line = 1;
        for (var i = 0; i < position && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }
}
