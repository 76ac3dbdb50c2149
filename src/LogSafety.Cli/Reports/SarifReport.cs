using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using LogSafety.Analyzers.Baselines;
using Microsoft.CodeAnalysis;

namespace LogSafety.Cli.Reports;

/// <summary>
/// SARIF 2.1.0 as GitHub code scanning reads it: rules with help URIs, tags (security, CWE-532) and a
/// security-severity; results with paths relative to the root and partialFingerprints that do not depend on lines.
/// </summary>
internal static class SarifReport
{
    public static void Write(TextWriter output, ReportContext context)
    {
        var ruleIds = context.Rules.Keys.Order(StringComparer.Ordinal).ToList();
        var rules = ruleIds.Select(id => context.Rules[id]).Select(d => new Dictionary<string, object?>
        {
            ["id"] = d.Id,
            ["name"] = string.Concat(d.Title.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..])),
            ["shortDescription"] = new { text = d.Title.ToString() },
            ["fullDescription"] = new { text = d.Description.ToString() },
            ["helpUri"] = d.HelpLinkUri,
            ["help"] = new { text = $"{d.Description} See {d.HelpLinkUri}" },
            ["defaultConfiguration"] = new { level = Level(d.DefaultSeverity) },
            ["properties"] = new Dictionary<string, object>
            {
                ["tags"] = d.Category == "Security" ? new[] { "security", "CWE-532" } : new[] { "configuration" },
                ["security-severity"] = d.Category == "Security" ? "7.5" : "2.0",
                ["precision"] = "high",
            },
        }).ToList();

        var results = context.Result.Findings.Select(f => new Dictionary<string, object?>
        {
            ["ruleId"] = f.RuleId,
            ["ruleIndex"] = ruleIds.IndexOf(f.RuleId),
            ["level"] = Level(f.Severity),
            ["message"] = new { text = f.Message },
            ["locations"] = new[]
            {
                new
                {
                    physicalLocation = new
                    {
                        artifactLocation = new { uri = Uri.EscapeDataString(f.RelativePath).Replace("%2F", "/", StringComparison.Ordinal), uriBaseId = "%SRCROOT%" },
                        region = new { startLine = f.Line, startColumn = f.Column, endLine = f.EndLine, endColumn = f.EndColumn },
                    },
                },
            },
            ["partialFingerprints"] = new Dictionary<string, string> { [Fingerprint.SarifKey] = f.Fingerprint },
        }).ToList();

        var root = context.Result.Root.Replace('\\', '/');
        var log = new Dictionary<string, object>
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["tool"] = new
                    {
                        driver = new
                        {
                            name = "LogSafety",
                            semanticVersion = context.ToolVersion,
                            informationUri = "https://github.com/logsafety/LogSafety.Analyzers",
                            rules,
                        },
                    },
                    ["originalUriBaseIds"] = new Dictionary<string, object> { ["%SRCROOT%"] = new { uri = new Uri(root.EndsWith('/') ? root : root + "/").AbsoluteUri } },
                    ["results"] = results,
                    ["columnKind"] = "utf16CodeUnits",
                },
            },
        };
        output.Write(JsonSerializer.Serialize(log, new JsonSerializerOptions { WriteIndented = true }));
        output.WriteLine();
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };
}
