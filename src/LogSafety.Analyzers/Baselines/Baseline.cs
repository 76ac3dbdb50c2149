using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace LogSafety.Analyzers.Baselines;

/// <summary>
/// The accepted findings of a logsafety.baseline.json, indexed for the question asked once per diagnostic: is this
/// fingerprint accepted, and is anything accepted in this file for this rule at all (if not, no fingerprint is computed).
/// </summary>
internal sealed class Baseline
{
    public const string FileName = "logsafety.baseline.json";

    private readonly HashSet<string> _fingerprints;
    private readonly HashSet<(string RuleId, string Path)> _rulesByPath;

    public Baseline(ImmutableArray<BaselineEntry> entries)
    {
        Entries = entries;
        _fingerprints = new HashSet<string>(StringComparer.Ordinal);
        _rulesByPath = new HashSet<(string, string)>();
        foreach (var entry in entries)
        {
            _fingerprints.Add(entry.Fingerprint);
            _rulesByPath.Add((entry.RuleId, entry.Path));
        }
    }

    public ImmutableArray<BaselineEntry> Entries { get; }

    public bool Contains(string fingerprint) => _fingerprints.Contains(fingerprint);

    /// <summary>Whether an entry names this rule and path; entries written without a path make every file a candidate.</summary>
    public bool MayContain(string ruleId, string relativePath) =>
        _rulesByPath.Contains((ruleId, relativePath)) || _rulesByPath.Contains((ruleId, ""));

    /// <summary>Whether <paramref name="fileName"/> names a baseline file: logsafety.baseline.json in any folder, any case.</summary>
    public static bool IsBaselineFile(string fileName)
    {
        var normalized = fileName.Replace('\\', '/');
        var name = normalized.Substring(normalized.LastIndexOf('/') + 1);
        return string.Equals(name, FileName, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>One accepted finding: its fingerprint, and the rule, path and message that make the file reviewable.</summary>
internal sealed class BaselineEntry
{
    public BaselineEntry(string fingerprint, string ruleId, string path, string message)
    {
        Fingerprint = fingerprint;
        RuleId = ruleId;
        Path = path;
        Message = message;
    }

    public string Fingerprint { get; }

    public string RuleId { get; }

    public string Path { get; }

    public string Message { get; }
}
