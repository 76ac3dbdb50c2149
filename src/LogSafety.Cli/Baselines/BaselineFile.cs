using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using LogSafety.Analyzers.Baselines;
using LogSafety.Cli.Analysis;
using LogSafety.Cli.Loading;

namespace LogSafety.Cli.Baselines;

/// <summary>
/// logsafety.baseline.json: the fingerprints of accepted findings, one per line so that reviews and merges stay readable.
/// Read with the analyzer package's own <see cref="BaselineParser"/>, so that the tool and the build accept and reject
/// the same files; a file that is not exactly this shape is rejected with its line and the reason, never ignored.
/// </summary>
internal static class BaselineFile
{
    /// <summary>Each entry's path is the one in its fingerprint: relative to the baseline file's folder.</summary>
    public static string Write(IEnumerable<Finding> findings)
    {
        var text = new StringBuilder();
        text.Append("{\n  \"version\": ").Append(BaselineParser.FormatVersion).Append(",\n  \"tool\": \"logsafety\",\n  \"findings\": [");
        var first = true;
        foreach (var finding in findings)
        {
            text.Append(first ? "\n    " : ",\n    ");
            first = false;
            text.Append(JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["fingerprint"] = finding.Fingerprint,
                ["ruleId"] = finding.RuleId,
                ["path"] = finding.FingerprintPath,
                ["message"] = finding.Message,
            }));
        }

        return text.Append(first ? "]\n}\n" : "\n  ]\n}\n").ToString();
    }

    public static Baseline Read(string path)
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

    public static Baseline Parse(byte[] bytes, string name)
    {
        var result = BaselineParser.Parse(new UTF8Encoding(false).GetString(bytes));
        return result.Baseline ?? throw new UsageException($"{name}({result.Line}): malformed baseline: {result.Error}");
    }
}
