using System.IO;
using System.Linq;
using System.Text.Json;

namespace LogSafety.Cli.Reports;

/// <summary>A flat JSON document for scripts: findings with fingerprints, counts and notes.</summary>
internal static class JsonReport
{
    public static void Write(TextWriter output, ReportContext context)
    {
        var result = context.Result;
        var document = new
        {
            tool = "logsafety",
            version = context.ToolVersion,
            root = result.Root,
            mode = result.Mode,
            findings = result.Findings.Select(f => new
            {
                ruleId = f.RuleId,
                severity = TextReport.SeverityName(f.Severity),
                message = f.Message,
                path = f.RelativePath,
                line = f.Line,
                column = f.Column,
                endLine = f.EndLine,
                endColumn = f.EndColumn,
                fingerprint = f.Fingerprint,
                helpUri = context.Rules.TryGetValue(f.RuleId, out var d) ? d.HelpLinkUri : null,
            }),
            summary = new
            {
                findings = result.Findings.Count,
                byRule = result.Findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
                projects = result.ProjectsAnalyzed,
                documents = result.DocumentsAnalyzed,
                filesSkipped = result.FilesSkipped,
                baselined = result.BaselinedCount,
            },
            notes = result.Notes,
        };
        output.Write(JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }));
        output.WriteLine();
    }
}
