using Microsoft.CodeAnalysis;

namespace LogSafety.Cli.Analysis;

/// <summary>One LogSafety diagnostic as the tool reports it: where, what, and the fingerprint that finds it again.</summary>
internal sealed record Finding(
    string RuleId,
    DiagnosticSeverity Severity,
    string Message,
    string FullPath,
    string RelativePath,
    string FingerprintPath,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    string SourceLine,
    int MarkStart,
    int MarkLength,
    string Fingerprint);
