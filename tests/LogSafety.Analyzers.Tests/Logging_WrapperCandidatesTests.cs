using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LogSafety.Analyzers.Rules;
using LogSafety.Analyzers.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LogSafety.Analyzers.Tests;

/// <summary>
/// Which source methods wrapper inference may bind at all: a call reaches an application method by name only where
/// its receiver can be of a type that declares one, so a common name (Add) does not chain unrelated methods together.
/// </summary>
public sealed class Logging_WrapperCandidatesTests
{
    private const string Source = """
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;

        public sealed class ErrorLog
        {
            private readonly ILogger<ErrorLog> _logger;
            public ErrorLog(ILogger<ErrorLog> logger) => _logger = logger;
            public void Add(string message) => _logger.LogError("{Message}", message);
        }

        public sealed class Form
        {
            private readonly List<string> _errors = new();
            private readonly ErrorLog _log;
            public Form(ErrorLog log) => _log = log;

            public void AddError(string message) => _errors.Add(message);
            public void AddLocal(string message) { var items = new List<string>(); items.Add(message); }
            public void AddTyped(List<string> items, string message) => items.Add(message);
            public void AddStatic(string message) => Registry.Add(message);
            public void Report(string message) => _log.Add(message);
            public void ReportThis(string message) => this._log.Add(message);
        }

        public static class Registry
        {
            private static readonly HashSet<string> Names = new();
            public static void Add(string name) => Names.Add(name);
        }

        public sealed class Generic<T> where T : ErrorLog
        {
            public void Report(T log, string message) => log.Add(message);
        }

        public abstract class ImportBase
        {
            protected ErrorLog Errors { get; } = null!;
        }

        public sealed class Importer : ImportBase
        {
            public void Fail(string message) => Errors.Add(message);
        }
        """;

    [Theory]
    [InlineData("Form.AddError", false)]
    [InlineData("Form.AddLocal", false)]
    [InlineData("Form.AddTyped", false)]
    [InlineData("Form.AddStatic", false)]
    [InlineData("Registry.Add", false)]
    [InlineData("ErrorLog.Add", true)]
    [InlineData("Form.Report", true)]
    [InlineData("Form.ReportThis", true)]
    [InlineData("Generic.Report", true)]
    [InlineData("Importer.Fail", true)]
    public void Candidate_OnlyWhereTheReceiverCanDeclareIt(string method, bool expected)
    {
        var compilation = AnalyzerHost.Compile(Source);
        var state = LogSafetyCompilation.Create(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));
        var parts = method.Split('.');
        var symbol = compilation.GetSymbolsWithName(parts[0], SymbolFilter.Type)
            .OfType<INamedTypeSymbol>().Single()
            .GetMembers(parts[1]).OfType<IMethodSymbol>().Single();

        Assert.Equal(expected, state.LogCalls.Wrappers.MayBeWrapper(symbol));
    }

    private const string Defined = "private static readonly System.Action<ILogger, string, System.Exception?> s_failed = LoggerMessage.Define<string>(LogLevel.Error, default, \"Failed {M}\"); ";

    /// <summary>
    /// Bodies are read only where their text holds a name that can make them candidates, so every way C# lets an
    /// identifier be written must still be found: a Unicode escape, a verbatim @name, a formatting character the
    /// compiler ignores, a comment or line break before the argument list, a name in a nested generic call.
    /// </summary>
    [Theory]
    [InlineData("public void Escaped(string m) => _logger.\\u004CogError(\"{M}\", m);", "Escaped")]
    [InlineData("public void Verbatim(string m) => _logger.@LogError(\"{M}\", m);", "Verbatim")]
    [InlineData("public void Soft(string m) => _logger.Log\u00ADError(\"{M}\", m);", "Soft")]
    [InlineData("public void Commented(string m) => _logger.LogError/* why */\n(\"{M}\", m);", "Commented")]
    [InlineData("public void Outer(string m) => Inner<string>(m); private void Inner<T>(T m) => _logger.LogError(\"{M}\", m);", "Outer")]
    [InlineData("public void Escaped\\u0032(string m) => Inner2(m); private void Inner2(string m) => _logger.LogError(\"{M}\", m);", "Escaped2")]
    [InlineData("public void Caller(string m) => Inner\\u0033(m); private void Inner3(string m) => _logger.LogError(\"{M}\", m);", "Caller")]
    [InlineData("public void Directive(string m) => _logger.LogError\n#if DEBUG\n(\"{M}\", m);\n#else\n(\"{M}!\", m);\n#endif", "Directive")]
    [InlineData("public void Generic(string m) => _logger.Log<string>(LogLevel.Error, default, m, null, (s, e) => s);", "Generic")]
    [InlineData(Defined + "public void Delegate(string m) => s_failed.Invoke(_logger, m, null);", "Delegate")]
    [InlineData(Defined + "public void Spaced(string m) => s_failed\n    .Invoke(_logger, m, null);", "Spaced")]
    [InlineData(Defined + "public void Direct(string m) => s_failed(_logger, m, null);", "Direct")]
    [InlineData("public void VerbatimParameter(string @event) => _logger.LogError(\"{M}\", @event);", "VerbatimParameter")]
    [InlineData("public void EscapedParameter(string m) => _logger.LogError(\"{M}\", \\u006D);", "EscapedParameter")]
    [InlineData("public void SoftParameter(string mm) => _logger.LogError(\"{M}\", m\u00ADm);", "SoftParameter")]
    [InlineData("public void MentionedFirst(string m) { /* m */ var s = \"m\"; _logger.LogError(\"{M} {S}\", m, s); }", "MentionedFirst")]
    [InlineData("public void Astral(string m) => _logger.LogError(\"{M} \U0001F600\", m);", "Astral")]
    public void Candidate_FoundHoweverItsNamesAreSpelled(string members, string method)
    {
        var compilation = AnalyzerHost.Compile($$"""
            using Microsoft.Extensions.Logging;

            public sealed class Spelled
            {
                private readonly ILogger<Spelled> _logger = null!;
                {{members}}
            }
            """);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var state = LogSafetyCompilation.Create(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));
        var symbol = compilation.GetSymbolsWithName("Spelled", SymbolFilter.Type)
            .OfType<INamedTypeSymbol>().Single()
            .GetMembers(method).OfType<IMethodSymbol>().Single();

        Assert.True(state.LogCalls.Wrappers.MayBeWrapper(symbol));
        Assert.NotNull(state.LogCalls.Wrappers.Get(symbol, default));
    }

    /// <summary>A cancelled search (the IDE cancels on every keystroke) leaves nothing half-made behind: the next answer is whole.</summary>
    [Fact]
    public void CancelledSearch_Throws_AndTheNextAnswerIsWhole()
    {
        var compilation = AnalyzerHost.Compile(Source);
        var state = LogSafetyCompilation.Create(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));
        var report = compilation.GetSymbolsWithName("Form", SymbolFilter.Type).OfType<INamedTypeSymbol>().Single()
            .GetMembers("Report").OfType<IMethodSymbol>().Single();
        using var cancelled = new System.Threading.CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<System.OperationCanceledException>(() => state.LogCalls.Wrappers.MayBeWrapper(report, cancelled.Token));
        Assert.True(state.LogCalls.Wrappers.MayBeWrapper(report));
    }

    /// <summary>
    /// A wrapper body is bound once and shared: a caller whose request is cancelled gets the cancellation, and the
    /// callers after it (and any waiting on the same binding) still get the whole answer, not the cancellation.
    /// </summary>
    [Fact]
    public void CancelledWrapperQuestion_Throws_AndTheSharedAnswerIsWhole()
    {
        var compilation = AnalyzerHost.Compile(Source);
        var state = LogSafetyCompilation.Create(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));
        var report = compilation.GetSymbolsWithName("Form", SymbolFilter.Type).OfType<INamedTypeSymbol>().Single()
            .GetMembers("Report").OfType<IMethodSymbol>().Single();
        Assert.True(state.LogCalls.Wrappers.MayBeWrapper(report));
        using var cancelled = new System.Threading.CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<System.OperationCanceledException>(() => state.LogCalls.Wrappers.Get(report, cancelled.Token));
        var answers = System.Linq.Enumerable.Range(0, 8).AsParallel().Select(_ => state.LogCalls.Wrappers.Get(report, default)).ToList();
        Assert.All(answers, info => Assert.NotNull(info));
    }

    [Fact]
    public void Candidates_SameAnswer_WhateverTheOrderOfTrees()
    {
        var halves = Source.Split("public sealed class Form");
        var first = AnalyzerHost.Compile(halves[0], "using System.Collections.Generic;\npublic sealed class Form" + halves[1]);
        var second = AnalyzerHost.Compile("using System.Collections.Generic;\npublic sealed class Form" + halves[1], halves[0]);
        Assert.Equal(CandidateNames(first), CandidateNames(second));
    }

    private static IEnumerable<string> CandidateNames(Compilation compilation)
    {
        var state = LogSafetyCompilation.Create(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));
        return compilation.GetSymbolsWithName(_ => true, SymbolFilter.Member)
            .OfType<IMethodSymbol>()
            .Where(m => state.LogCalls.Wrappers.MayBeWrapper(m))
            .Select(m => m.ContainingType.Name + "." + m.Name)
            .OrderBy(n => n, System.StringComparer.Ordinal)
            .ToList();
    }
}
