using System;
using System.IO;
using Xunit;
using Xunit.Abstractions;

namespace LogSafety.Analyzers.Tests.Conventions;

/// <summary>
/// The README's rule table is generated from the descriptors. To regenerate it after changing a descriptor, run
/// <c>LOGSAFETY_UPDATE_README=1 dotnet test LogSafety.Analyzers.sln --filter FullyQualifiedName~ReadmeRuleTableTests</c>.
/// </summary>
public sealed class ReadmeRuleTableTests
{
    public const string UpdateVariable = "LOGSAFETY_UPDATE_README";

    private readonly ITestOutputHelper _output;

    public ReadmeRuleTableTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void ReadmeRuleTable_MatchesDescriptors()
    {
        var path = Repository.PathOf("README.md");
        var readme = File.ReadAllText(path);
        var expected = RuleTable.Generate(RuleCatalog.Descriptors);

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1" && RuleTable.Extract(readme) != expected)
        {
            readme = RuleTable.Replace(readme.Replace("\r\n", "\n"), expected);
            File.WriteAllText(path, readme);
            _output.WriteLine("README.md rule table regenerated.");
        }

        var actual = RuleTable.Extract(readme);
        if (actual != expected)
        {
            _output.WriteLine($"Expected README.md between {RuleTable.StartMarker} and {RuleTable.EndMarker}:");
            _output.WriteLine(expected);
        }

        Assert.True(actual is not null, $"README.md has no {RuleTable.StartMarker} ... {RuleTable.EndMarker} section.");
        Assert.True(
            actual == expected,
            $"README.md's rule table is out of date. Regenerate it with {UpdateVariable}=1 dotnet test --filter FullyQualifiedName~ReadmeRuleTableTests, or paste:\n{expected}");
    }

    [Fact]
    public void RuleTable_ListsEveryDescriptorWithItsDocsLink()
    {
        var table = RuleTable.Generate(RuleCatalog.Descriptors);
        foreach (var descriptor in RuleCatalog.Descriptors)
        {
            Assert.Contains(
                $"| [{descriptor.Id}](docs/rules/{descriptor.Id}.md) | {descriptor.Title} | {descriptor.DefaultSeverity} | {descriptor.Category} |",
                table,
                StringComparison.Ordinal);
        }
    }
}
