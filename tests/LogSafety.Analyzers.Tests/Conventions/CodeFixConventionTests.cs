using System;
using System.Collections.Generic;
using System.Composition;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using LogSafety.Analyzers.Tests.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit;

namespace LogSafety.Analyzers.Tests.Conventions;

/// <summary>
/// Every code fix is sealed, [Shared], has a public const equivalence key that its actions use, fixes only IDs declared
/// in Descriptors, offers Fix All in document, project and solution, and is named with its titles in the "Code fix"
/// row of its rules' docs pages. Found by reflection, so fixers added later are covered.
/// </summary>
public sealed class CodeFixConventionTests
{
    public static TheoryData<string> FixerNames => new(FormatAnalyzersHost.FixersInLoadOrder.Select(f => f.GetType().Name).OrderBy(n => n, StringComparer.Ordinal));

    [Fact]
    public void Fixers_AreFound() => Assert.True(FormatAnalyzersHost.FixersInLoadOrder.Length >= 7);

    [Theory]
    [MemberData(nameof(FixerNames))]
    public void Fixer_IsSealedSharedAndExportedForCSharp(string name)
    {
        var type = Fixer(name).GetType();
        Assert.True(type.IsSealed, $"{name} is not sealed.");
        Assert.NotNull(type.GetCustomAttribute<SharedAttribute>());
        var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
        Assert.NotNull(export);
        Assert.Contains(LanguageNames.CSharp, export!.Languages);
        Assert.Equal(name, export.Name);
    }

    [Theory]
    [MemberData(nameof(FixerNames))]
    public void Fixer_HasOnePublicConstEquivalenceKey(string name)
    {
        var keys = EquivalenceKeys(Fixer(name));
        Assert.True(keys.Count == 1, $"{name} must declare exactly one public const string equivalence key ('LogSafety.…'); found {keys.Count}.");
        Assert.StartsWith("LogSafety.", keys[0], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(FixerNames))]
    public void Fixer_FixesOnlyDeclaredRulesAndOffersFixAllInEveryScope(string name)
    {
        var fixer = Fixer(name);
        Assert.NotEmpty(fixer.FixableDiagnosticIds);
        Assert.All(fixer.FixableDiagnosticIds, id => Assert.Contains(Descriptors.All, d => d.Id == id));
        var fixAll = fixer.GetFixAllProvider();
        Assert.NotNull(fixAll);
        Assert.Equal(new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution }, fixAll!.GetSupportedFixAllScopes().Intersect(new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution }));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void DocsPage_CodeFixRow_NamesTheFixersOfTheRule(string id)
    {
        var row = CodeFixRow(id);
        var documented = Regex.Matches(row, @"`(\w+CodeFix(?:Provider)?)`").Select(m => m.Groups[1].Value).Distinct().OrderBy(n => n, StringComparer.Ordinal);
        var fixers = FormatAnalyzersHost.FixersInLoadOrder.Where(f => f.FixableDiagnosticIds.Contains(id)).Select(f => f.GetType().Name).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(fixers, documented);
        if (!fixers.Any())
        {
            Assert.Equal("None", row);
        }
    }

    /// <summary>
    /// On the coverage app every fixer offers an action, under its const key, for the findings it fixes, and the title
    /// (its quoted value written as '…') is the one in the docs page's "Code fix" row.
    /// </summary>
    [Fact]
    public async Task CoverageApp_EveryFixerOffersItsActionUnderItsKeyWithTheDocumentedTitle()
    {
        var solution = FormatAnalyzersHost.CreateSolution(FormatAnalyzersHost.SourcesUnder(Repository.PathOf("tests", "LogSafety.FixCoverage.App")));
        var diagnostics = await FormatAnalyzersHost.AnalyzeAsync(solution.Projects.Single(), FormatAnalyzersHost.AllFixableRuleIds, random: null);
        var offered = new HashSet<string>();
        foreach (var diagnostic in diagnostics)
        {
            var document = solution.GetDocument(diagnostic.Location.SourceTree)!;
            foreach (var fixer in FormatAnalyzersHost.FixersInLoadOrder.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var actions = new List<CodeAction>();
                await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                foreach (var action in actions)
                {
                    offered.Add(fixer.GetType().Name);
                    Assert.Equal(EquivalenceKeys(fixer).Single(), action.EquivalenceKey);
                    var title = Regex.Replace(action.Title, "'[^']*'", "'…'");
                    Assert.Contains(title, CodeFixRow(diagnostic.Id), StringComparison.Ordinal);
                }
            }
        }

        Assert.Equal(FormatAnalyzersHost.FixersInLoadOrder.Select(f => f.GetType().Name).OrderBy(n => n), offered.OrderBy(n => n));
    }

    public static TheoryData<string> RuleIds => new(RuleCatalog.Descriptors.Select(d => d.Id));

    private static CodeFixProvider Fixer(string name) => FormatAnalyzersHost.FixersInLoadOrder.Single(f => f.GetType().Name == name);

    private static IReadOnlyList<string> EquivalenceKeys(CodeFixProvider fixer) =>
        fixer.GetType().GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name.EndsWith("Key", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

    private static string CodeFixRow(string id)
    {
        var line = File.ReadAllLines(Repository.PathOf("docs", "rules", id + ".md")).FirstOrDefault(l => l.StartsWith("| Code fix |", StringComparison.Ordinal));
        Assert.True(line is not null, $"docs/rules/{id}.md has no '| Code fix |' row.");
        return line!.Substring("| Code fix |".Length).TrimEnd().TrimEnd('|').Trim();
    }
}
