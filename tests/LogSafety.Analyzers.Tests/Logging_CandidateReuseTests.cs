using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using LogSafety.Analyzers.Logging;
using LogSafety.Analyzers.Rules;
using LogSafety.Analyzers.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LogSafety.Analyzers.Tests;

/// <summary>
/// The IDE makes a compilation per keystroke. Wrapper candidates are taken over from the previous compilation when the
/// edited file outlines to the same answer, and searched for anew otherwise; either way the findings must be those of
/// a fresh analysis.
/// </summary>
public sealed class Logging_CandidateReuseTests
{
    private const string Audit = """
        using Microsoft.Extensions.Logging;

        public sealed class Audit
        {
            private readonly ILogger<Audit> _logger;
            public Audit(ILogger<Audit> logger) => _logger = logger;
            public void Record(string what, string detail) => _logger.LogInformation("{What}: {Detail}", what, detail);
            public void Count(string what) { var n = what.Length; System.GC.KeepAlive(n); }
        }
        """;

    private const string Login = """
        public sealed class Login
        {
            private readonly Audit _audit;
            public Login(Audit audit) => _audit = audit;

            public void SignIn(string user, string password)
            {
                _audit.Record("sign-in", password);
                _audit.Count(password);
            }
        }
        """;

    private const string Shapes = """
        public class Shape { public virtual string Describe(string name) => name; }
        public sealed class Circle : Shape { }
        """;

    [Theory]
    // A space, a statement that calls nothing with a parameter, a comment elsewhere: the same answer.
    [InlineData(0, "public void Count", "    public void Count", true, 1)]
    [InlineData(0, "System.GC.KeepAlive(n); }", "System.GC.KeepAlive(n); System.Console.Beep(); }", true, 1)]
    [InlineData(1, "public sealed class Login", "// signs users in\npublic sealed class Login", true, 1)]
    // A body that now logs its parameter, one that stops logging, a rename, a new base list, a joined body that changed.
    [InlineData(0, "{ var n = what.Length; System.GC.KeepAlive(n); }", "=> _logger.LogInformation(\"{What}\", what);", false, 2)]
    [InlineData(0, "=> _logger.LogInformation(\"{What}: {Detail}\", what, detail);", "{ }", false, 0)]
    [InlineData(0, "public void Count(string what)", "public void Tally(string what)", false, 1)]
    [InlineData(2, "public sealed class Circle : Shape { }", "public sealed class Circle { }", false, 1)]
    [InlineData(1, "_audit.Record(\"sign-in\", password);", "System.Console.Beep();", false, 0)]
    // Code being typed: a missing semicolon, a missing closing brace (the parser's recovery keeps the same methods).
    [InlineData(0, "var n = what.Length;", "var n = what.Length", true, 1)]
    [InlineData(0, "System.GC.KeepAlive(n); }", "System.GC.KeepAlive(n);", true, 1)]
    // Another call of a candidate the body already calls: the outline is the same (which parameter goes where is bound later).
    [InlineData(1, "_audit.Count(password);", "_audit.Count(password); _audit.Record(\"user\", user);", true, 1)]
    public async Task Edit_ReusesOnlyWhatGivesTheSameFindings(int file, string before, string after, bool reused, int findings)
    {
        var sources = new[] { Audit, Login, Shapes };
        var original = AnalyzerHost.Compile(sources);
        Assert.False(Candidates(original).CandidatesReused);

        var tree = original.SyntaxTrees.ElementAt(file);
        var text = tree.GetText().ToString();
        Assert.Contains(before, text, StringComparison.Ordinal);
        var edited = original.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().Replace(text.IndexOf(before, StringComparison.Ordinal), before.Length, after)));
        Assert.Equal(reused, Candidates(edited).CandidatesReused);
        var afterEdit = await AnalyzerHost.LogSafetyFindingsAsync(edited);

        // The same files parsed anew, so that nothing is taken over: what a fresh start reports.
        var fresh = AnalyzerHost.Compile(edited.SyntaxTrees.Select(t => t.GetText().ToString()));
        Assert.False(Candidates(fresh).CandidatesReused);
        Assert.Equal(await AnalyzerHost.LogSafetyFindingsAsync(fresh), afterEdit);
        Assert.Equal(findings, afterEdit.Length);
    }

    [Fact]
    public async Task Edits_OneAfterAnother_KeepTakingOverAndFindTheSame()
    {
        var compilation = AnalyzerHost.Compile(Audit, Login, Shapes);
        Assert.False(Candidates(compilation).CandidatesReused);
        for (var i = 0; i < 5; i++)
        {
            // Typing in the wrapper's file, then in the caller's: each compilation starts from the one before.
            var tree = compilation.SyntaxTrees.ElementAt(i % 2);
            compilation = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().Replace(0, 0, "// edit " + i + "\n")));
            Assert.True(Candidates(compilation).CandidatesReused, "edit " + i);
            var findings = await AnalyzerHost.LogSafetyFindingsAsync(compilation);
            Assert.Single(findings);
            Assert.Contains("'password'", findings[0], StringComparison.Ordinal);
        }

        var fresh = AnalyzerHost.Compile(compilation.SyntaxTrees.Select(t => t.GetText().ToString()));
        Assert.False(Candidates(fresh).CandidatesReused);
        Assert.Equal(await AnalyzerHost.LogSafetyFindingsAsync(fresh), await AnalyzerHost.LogSafetyFindingsAsync(compilation));
    }

    /// <summary>
    /// Each file that differs from the outlines the candidates were found for keeps its old syntax alive for the
    /// comparison, so after 64 such files the candidates are searched for anew, and taken over again after that.
    /// </summary>
    [Fact]
    public void ManyFilesEdited_SearchAnewOnceTheDriftIsLarge()
    {
        var sources = new[] { Audit, Login, Shapes }.Concat(Enumerable.Range(0, 70).Select(i => $"public static class Helper{i} {{ public static int Twice(int x) => x * 2; }}"));
        var compilation = AnalyzerHost.Compile(sources);
        Assert.False(Candidates(compilation).CandidatesReused);
        var answers = new List<bool>();
        for (var i = 0; i < 70; i++)
        {
            var tree = compilation.SyntaxTrees.ElementAt(3 + i);
            compilation = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().Replace(0, 0, "// edited\n")));
            answers.Add(Candidates(compilation).CandidatesReused);
        }

        Assert.All(answers.Take(64), Assert.True);
        Assert.False(answers[64]);
        Assert.All(answers.Skip(65), Assert.True);
    }

    private static WrapperIndex Candidates(Compilation compilation) =>
        LogSafetyCompilation.Create(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty)).LogCalls.Wrappers;
}
