using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace LogSafety.Cli.Commands;

/// <summary>The command line of `scan` and `baseline`, parsed.</summary>
internal sealed record ScanOptions(
    string Path,
    bool Loose,
    bool NoRestore,
    IReadOnlyList<string> Excludes,
    string Format,
    string? Output,
    DiagnosticSeverity? FailLevel,
    string? Baseline,
    bool Timing,
    bool Quiet);
