using System.Collections.Generic;
using LogSafety.Analyzers.Options;
using LogSafety.Analyzers.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LogSafety.Analyzers.Tests;

/// <summary>
/// <see cref="TreeOptions"/> parses each file's options once, and files with different settings get their own (what the
/// rules see per file is <c>Rules/OptionsTests.PerFileSections_...</c>); the misspelled-key check is left to LS9000.
/// </summary>
public sealed class TreeOptionsTests
{
    private static readonly SyntaxTree First = CSharpSyntaxTree.ParseText("class A { }", path: "/0/A.cs");
    private static readonly SyntaxTree Second = CSharpSyntaxTree.ParseText("class B { }", path: "/0/B.cs");

    [Fact]
    public void AFilesOptions_AreParsedOnce()
    {
        var options = new TreeOptions(new DictionaryOptionsProvider(new Dictionary<string, string> { ["logsafety.safe_names"] = "demoPassword" }));

        var first = options.For(First);

        Assert.Same(first, options.For(First));
        Assert.Contains("demoPassword", first.SafeNames);
        Assert.Contains("demoPassword", options.For(Second).SafeNames);
    }

    [Fact]
    public void UnknownKeys_AreLookedForOnlyWhenAsked()
    {
        var config = new DictionaryOptionsProvider(new Dictionary<string, string> { ["logsafety.safe_name"] = "demoPassword" }).GetOptions(First);

        Assert.Empty(LogSafetyOptions.Parse(config).Problems);
        Assert.Equal("logsafety.safe_name", Assert.Single(LogSafetyOptions.Parse(config, checkUnknownKeys: true).Problems).Key);
    }

    [Fact]
    public void FilesWithTheirOwnOptionsObject_AreParsedApart()
    {
        var provider = new PerTreeProvider(new Dictionary<SyntaxTree, AnalyzerConfigOptionsProvider>
        {
            [First] = new DictionaryOptionsProvider(new Dictionary<string, string> { ["logsafety.safe_names"] = "demoPassword" }),
            [Second] = new DictionaryOptionsProvider(new Dictionary<string, string> { ["logsafety.safe_names"] = "otherName" }),
        });
        var options = new TreeOptions(provider);

        Assert.Contains("demoPassword", options.For(First).SafeNames);
        Assert.DoesNotContain("demoPassword", options.For(Second).SafeNames);
        Assert.Contains("otherName", options.For(Second).SafeNames);
    }

    private sealed class PerTreeProvider : AnalyzerConfigOptionsProvider
    {
        private readonly Dictionary<SyntaxTree, AnalyzerConfigOptionsProvider> _byTree;

        public PerTreeProvider(Dictionary<SyntaxTree, AnalyzerConfigOptionsProvider> byTree) => _byTree = byTree;

        public override AnalyzerConfigOptions GlobalOptions => _byTree[First].GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _byTree[tree].GetOptions(tree);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;
    }
}
