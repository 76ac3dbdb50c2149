using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using LogSafety.Cli.Analysis;
using LogSafety.Cli.Loading;

namespace LogSafety.Cli.Baselines;

/// <summary>
/// logsafety.baseline.json: the fingerprints of accepted findings, one per line so that reviews and merges stay readable.
/// A file that is not exactly this shape is rejected with its line and the reason, never ignored.
/// </summary>
internal static class BaselineFile
{
    public const int FormatVersion = 1;

    public sealed record Entry(string Fingerprint, string RuleId, string Path, string Message);

    public static string Write(IEnumerable<Finding> findings)
    {
        var text = new StringBuilder();
        text.Append("{\n  \"version\": ").Append(FormatVersion).Append(",\n  \"tool\": \"logsafety\",\n  \"findings\": [");
        var first = true;
        foreach (var finding in findings)
        {
            text.Append(first ? "\n    " : ",\n    ");
            first = false;
            text.Append(JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["fingerprint"] = finding.Fingerprint,
                ["ruleId"] = finding.RuleId,
                ["path"] = finding.RelativePath,
                ["message"] = finding.Message,
            }));
        }

        return text.Append(first ? "]\n}\n" : "\n  ]\n}\n").ToString();
    }

    public static IReadOnlyList<Entry> Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: the baseline cannot be read: {e.Message}");
        }

        return Parse(bytes, path);
    }

    public static IReadOnlyList<Entry> Parse(byte[] bytes, string name)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        int LineOf(long index) => bytes.AsSpan(0, (int)Math.Min(index, bytes.Length)).Count((byte)'\n') + 1;
        UsageException Bad(long index, string reason) => new($"{name}({LineOf(index)}): malformed baseline: {reason}");

        var entries = new List<Entry>();
        int? version = null;
        var sawFindings = false;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw Bad(reader.TokenStartIndex, "expected a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var property = reader.GetString();
                var at = reader.TokenStartIndex;
                reader.Read();
                switch (property)
                {
                    case "version":
                        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var v) || v != FormatVersion)
                        {
                            throw Bad(at, $"'version' must be {FormatVersion}");
                        }

                        version = v;
                        break;
                    case "findings":
                        if (reader.TokenType != JsonTokenType.StartArray)
                        {
                            throw Bad(at, "'findings' must be an array");
                        }

                        sawFindings = true;
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        {
                            entries.Add(ReadEntry(ref reader, Bad));
                        }

                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject)
            {
                throw Bad(reader.TokenStartIndex, "expected a property name or the end of the object");
            }

            if (reader.Read())
            {
                throw Bad(reader.TokenStartIndex, "unexpected content after the end of the object");
            }
        }
        catch (JsonException e)
        {
            throw new UsageException($"{name}({(e.LineNumber ?? 0) + 1}): malformed baseline: not valid JSON ({e.Message.Split(" Path:")[0].Split(" LineNumber:")[0]})");
        }

        if (version is null)
        {
            throw Bad(bytes.Length, "no 'version' property");
        }

        if (!sawFindings)
        {
            throw Bad(bytes.Length, "no 'findings' array");
        }

        return entries;
    }

    private delegate UsageException BadInput(long index, string reason);

    private static Entry ReadEntry(ref Utf8JsonReader reader, BadInput bad)
    {
        var start = reader.TokenStartIndex;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw bad(start, "each finding must be an object");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = reader.GetString()!;
            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
            {
                throw bad(reader.TokenStartIndex, $"'{property}' must be a string");
            }

            fields[property] = reader.GetString()!;
        }

        if (!fields.TryGetValue("fingerprint", out var fingerprint) || fingerprint.Length != 32 || !fingerprint.All(Uri.IsHexDigit))
        {
            throw bad(start, "a finding needs a 'fingerprint' of 32 hexadecimal digits");
        }

        if (!fields.TryGetValue("ruleId", out var ruleId) || !ruleId.StartsWith("LS", StringComparison.Ordinal))
        {
            throw bad(start, "a finding needs a 'ruleId' such as \"LS0001\"");
        }

        return new Entry(fingerprint.ToLowerInvariant(), ruleId, fields.GetValueOrDefault("path", ""), fields.GetValueOrDefault("message", ""));
    }
}
