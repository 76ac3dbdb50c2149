using System;
using System.IO;
using System.Linq;
using LogSafety.Cli.Analysis;
using Microsoft.CodeAnalysis;

namespace LogSafety.Cli.Reports;

/// <summary>
/// Findings grouped by file: "path(line,col): LS0001 message", the source line with the value marked, then a summary
/// per rule. ANSI colours only when writing to a terminal.
/// </summary>
internal static class TextReport
{
    public static void Write(TextWriter output, ReportContext context, bool color)
    {
        string Paint(string text, string code) => color ? $"\u001b[{code}m{text}\u001b[0m" : text;
        var result = context.Result;
        foreach (var file in result.Findings.GroupBy(f => f.RelativePath))
        {
            output.WriteLine(Paint(file.Key, "1"));
            foreach (var finding in file)
            {
                var severity = SeverityName(finding.Severity);
                output.WriteLine($"  {finding.RelativePath}({finding.Line},{finding.Column}): {Paint(severity + " " + finding.RuleId, finding.Severity == DiagnosticSeverity.Error ? "31" : "33")} {finding.Message}");
                var line = finding.SourceLine.Replace('\t', ' ');
                var indent = line.Length - line.TrimStart().Length;
                var start = Math.Clamp(finding.MarkStart, indent, line.Length);
                var length = Math.Clamp(finding.MarkLength, 1, Math.Max(1, line.Length - start));
                output.WriteLine("      " + line[indent..start] + Paint(line.Substring(start, Math.Min(length, line.Length - start)), "1;31") + line[Math.Min(line.Length, start + length)..]);
                output.WriteLine("      " + new string(' ', start - indent) + Paint(new string('^', length), "31"));
            }

            output.WriteLine();
        }

        output.WriteLine(Paint("Summary", "1"));
        foreach (var rule in result.Findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var title = context.Rules.TryGetValue(rule.Key, out var descriptor) ? descriptor.Title.ToString() : "";
            output.WriteLine($"  {rule.Key}  {rule.Count(),4}  {title}");
        }

        var files = result.Findings.Select(f => f.RelativePath).Distinct().Count();
        output.WriteLine($"  {result.Findings.Count} finding(s) in {files} file(s); {result.DocumentsAnalyzed} document(s) analyzed in {result.ProjectsAnalyzed} project(s) ({result.Mode} mode)"
            + (result.FilesSkipped > 0 ? $"; {result.FilesSkipped} file(s) skipped" : "")
            + (result.BaselinedCount > 0 ? $"; {result.BaselinedCount} known finding(s) hidden by the baseline" : "")
            + (result.BaselineEntriesNotFound > 0 ? $"; {result.BaselineEntriesNotFound} baseline entr(ies) no longer found" : "") + ".");
        foreach (var note in result.Notes)
        {
            output.WriteLine(Paint("  note: ", "36") + note);
        }
    }

    public static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };
}
