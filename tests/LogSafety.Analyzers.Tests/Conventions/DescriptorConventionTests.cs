using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace LogSafety.Analyzers.Tests.Conventions;

/// <summary>Every descriptor has a docs page with the fixed sections, a help link to it and a release-tracking row.</summary>
public sealed class DescriptorConventionTests
{
    /// <summary>The sections every rule page has, in this order (STYLE.md, "Docs").</summary>
    public static readonly IReadOnlyList<string> RequiredSections = new[]
    {
        "Cause", "Why it matters", "How to fix", "How to suppress", "Configuration",
    };

    public static TheoryData<string> RuleIds => new(RuleCatalog.Descriptors.Select(d => d.Id));

    [Fact]
    public void Catalog_FindsEveryAnalyzerAndDescriptor()
    {
        Assert.Contains(RuleCatalog.AnalyzerTypes, t => t == typeof(LogSafety.Analyzers.Rules.LoggedSecretAnalyzer));
        Assert.Contains(RuleCatalog.AnalyzerTypes, t => t == typeof(LogSafety.Analyzers.Rules.OptionsValidationAnalyzer));
        Assert.All(Descriptors.All, d => Assert.Contains(d, RuleCatalog.Descriptors));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Descriptor_IsDeclaredInRuleIdsAndDescriptors(string id)
    {
        var declaredIds = typeof(LogSafety.Analyzers.RuleIds).GetFields().Select(f => (string?)f.GetRawConstantValue());
        Assert.Contains(id, declaredIds);
        Assert.Contains(Descriptors.All, d => d.Id == id);
        Assert.Matches("^LS[0-9]{4}$", id);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Descriptor_HelpLinkPointsAtItsDocsPage(string id)
    {
        var descriptor = RuleCatalog.Descriptor(id);
        Assert.Equal(Descriptors.HelpLink(id), descriptor.HelpLinkUri);
        Assert.EndsWith($"/docs/rules/{id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Descriptor_HasDocsPageWithFixedSections(string id)
    {
        var path = Repository.PathOf("docs", "rules", id + ".md");
        Assert.True(File.Exists(path), $"docs/rules/{id}.md is missing.");
        var lines = File.ReadAllLines(path);

        var descriptor = RuleCatalog.Descriptor(id);
        Assert.Equal($"# {id}: {descriptor.Title}", lines.FirstOrDefault());

        var sections = lines.Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l.Substring(3).Trim()).ToList();
        var found = sections.Where(RequiredSections.Contains).ToList();
        Assert.True(
            found.SequenceEqual(RequiredSections),
            $"docs/rules/{id}.md must have the sections {string.Join(", ", RequiredSections.Select(s => "'## " + s + "'"))} once each, in that order; found {string.Join(", ", sections)}.");

        foreach (var section in RequiredSections)
        {
            Assert.False(string.IsNullOrWhiteSpace(SectionText(lines, section)), $"docs/rules/{id}.md: section '{section}' is empty.");
        }

        var text = string.Join("\n", lines);
        Assert.DoesNotMatch(new Regex(@"\b(TODO|TBD|FIXME|lorem ipsum)\b", RegexOptions.IgnoreCase), text);
        Assert.Contains($"dotnet_diagnostic.{id}.severity", SectionText(lines, "How to suppress"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Descriptor_HasReleaseTrackingRowWithItsCategoryAndSeverity(string id)
    {
        var rows = new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" }
            .SelectMany(file => File.ReadAllLines(Repository.PathOf("src", "LogSafety.Analyzers", file)))
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .Where(cells => cells.Length >= 3 && cells[0] == id)
            .ToList();
        Assert.True(rows.Count > 0, $"{id} has no row in src/LogSafety.Analyzers/AnalyzerReleases.Unshipped.md or Shipped.md.");

        // The last row wins: Unshipped comes after Shipped, and a "Changed Rules" row starts with the new category and severity.
        var row = rows[rows.Count - 1];
        var descriptor = RuleCatalog.Descriptor(id);
        Assert.Equal(descriptor.Category, row[1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), row[2]);
    }

    private static string SectionText(string[] lines, string section)
    {
        var start = Array.FindIndex(lines, l => l.Trim() == "## " + section);
        if (start < 0)
        {
            return string.Empty;
        }

        var body = lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal));
        return string.Join("\n", body);
    }
}
