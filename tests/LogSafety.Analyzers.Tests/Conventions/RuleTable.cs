using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;

namespace LogSafety.Analyzers.Tests.Conventions;

/// <summary>The README's rule table, generated from the descriptors and kept between two markers.</summary>
internal static class RuleTable
{
    public const string StartMarker = "<!-- rules:start -->";
    public const string EndMarker = "<!-- rules:end -->";

    public static string Generate(IEnumerable<DiagnosticDescriptor> descriptors)
    {
        var table = new StringBuilder();
        table.Append("| ID | Title | Severity | Category |\n");
        table.Append("|----|-------|----------|----------|\n");
        foreach (var descriptor in descriptors)
        {
            table.Append($"| [{descriptor.Id}](docs/rules/{descriptor.Id}.md) | {descriptor.Title} | {descriptor.DefaultSeverity} | {descriptor.Category} |\n");
        }

        return table.ToString();
    }

    /// <summary>The text between the markers, line endings normalized, without surrounding blank lines; null without markers.</summary>
    public static string? Extract(string readme)
    {
        var (start, end) = Bounds(readme);
        return start < 0 ? null : Normalize(readme.Substring(start, end - start));
    }

    public static string Replace(string readme, string table)
    {
        var (start, end) = Bounds(readme);
        if (start < 0)
        {
            throw new InvalidOperationException($"README.md has no '{StartMarker}' ... '{EndMarker}' section.");
        }

        return readme.Substring(0, start) + "\n" + table + readme.Substring(end);
    }

    public static string Normalize(string text) => text.Replace("\r\n", "\n").Trim('\n', ' ') + "\n";

    private static (int Start, int End) Bounds(string readme)
    {
        var start = readme.IndexOf(StartMarker, StringComparison.Ordinal);
        var end = readme.IndexOf(EndMarker, StringComparison.Ordinal);
        return start < 0 || end < start ? (-1, -1) : (start + StartMarker.Length, end);
    }
}
