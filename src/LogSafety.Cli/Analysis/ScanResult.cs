using System;
using System.Collections.Generic;

namespace LogSafety.Cli.Analysis;

/// <summary>What a scan found and what it could not look at.</summary>
internal sealed class ScanResult
{
    public required string Root { get; init; }
    public required string Mode { get; init; }
    /// <summary>
    /// The folder fingerprint paths are relative to: the baseline file's own folder when one is read or written (the
    /// build's suppressor uses the same), otherwise <see cref="Root"/>.
    /// </summary>
    public required string FingerprintRoot { get; init; }
    public List<Finding> Findings { get; } = new();
    /// <summary>Things the user must know to trust the result: skipped files and projects, unresolved types.</summary>
    public List<string> Notes { get; } = new();
    public int ProjectsAnalyzed { get; set; }
    public int DocumentsAnalyzed { get; set; }
    public int FilesSkipped { get; set; }
    public int BaselinedCount { get; set; }
    public int BaselineEntriesNotFound { get; set; }
    public Dictionary<string, TimeSpan> AnalyzerTimes { get; } = new(StringComparer.Ordinal);
}
