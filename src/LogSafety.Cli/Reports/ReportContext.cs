using System.Collections.Generic;
using LogSafety.Cli.Analysis;
using Microsoft.CodeAnalysis;

namespace LogSafety.Cli.Reports;

/// <summary>What every report format needs: the result and the rules' metadata.</summary>
internal sealed record ReportContext(ScanResult Result, IReadOnlyDictionary<string, DiagnosticDescriptor> Rules, string ToolVersion);
