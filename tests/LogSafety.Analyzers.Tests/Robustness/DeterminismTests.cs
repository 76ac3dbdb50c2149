using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using LogSafety.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LogSafety.Analyzers.Tests.Robustness;

/// <summary>
/// Same input, same output: a build that warns on one run and not the next cannot fail CI. The wrapper index caches
/// per compilation, so the program below is built to make a visiting-order dependence show: wrappers reached at
/// different depths from different call sites, a cycle, an interface with two implementations in different files
/// that log the same parameter under different names, and call sites spread over many files.
/// </summary>
public sealed class DeterminismTests
{
    [Fact]
    public async Task ShuffledTreesAndConcurrentRuns_IdenticalDiagnostics()
    {
        var sources = Program().ToList();
        var expected = await DescribeAsync(Compile(sources, seed: null), concurrent: false);
        Assert.True(expected.Count >= 40, $"only {expected.Count} diagnostics: the program should report through every wrapper");
        Assert.Contains(expected, d => d.Contains("'password'", StringComparison.Ordinal) && d.Contains("Relay", StringComparison.Ordinal));

        for (var seed = 1; seed <= 6; seed++)
        {
            var actual = await DescribeAsync(Compile(sources, seed), concurrent: true);
            Assert.Equal(expected, actual);
        }
    }

    private static async Task<List<string>> DescribeAsync(Compilation compilation, bool concurrent)
    {
        var result = await AnalyzerHost.AnalyzeAsync(compilation, concurrent: concurrent);
        Assert.Empty(result.Exceptions);
        return result.Diagnostics.Select(AnalyzerHost.Describe).OrderBy(d => d, StringComparer.Ordinal).ToList();
    }

    /// <summary>The same files (same paths) in an order given by <paramref name="seed"/>, or in file order.</summary>
    private static CSharpCompilation Compile(IReadOnlyList<string> sources, int? seed)
    {
        var trees = sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, AnalyzerHost.ParseOptions, path: $"/src/File{i:D2}.cs")).ToList();
        if (seed is { } value)
        {
            var random = new Random(value);
            trees = trees.OrderBy(_ => random.Next()).ToList();
        }

        return CSharpCompilation.Create("Determinism", trees, TestReferences.All, AnalyzerHost.CompilationOptions);
    }

    private static IEnumerable<string> Program()
    {
        yield return """
            using Microsoft.Extensions.Logging;

            public interface IAudit
            {
                void Record(string name, object value);
            }

            public static class Chain
            {
                // Relay -> Forward -> Emit -> log: three levels; Shortcut reaches Emit directly.
                public static void Relay(ILogger logger, string value) => Forward(logger, value);
                public static void Forward(ILogger logger, string value) => Emit(logger, value);
                public static void Emit(ILogger logger, string value) => logger.LogInformation("Value {Value}", value);
                public static void Shortcut(ILogger logger, string value) => Emit(logger, value);

                // A cycle that also logs: its answer must not depend on which end is asked first.
                public static void Ping(ILogger logger, string value, int hops) { if (hops > 0) Pong(logger, value, hops - 1); else logger.LogDebug("{Value}", value); }
                public static void Pong(ILogger logger, string value, int hops) { if (hops > 0) Ping(logger, value, hops - 1); }
            }
            """;
        yield return """
            using Microsoft.Extensions.Logging;

            public sealed class FileAudit : IAudit
            {
                private readonly ILogger _logger;
                public FileAudit(ILogger logger) => _logger = logger;
                public void Record(string name, object value) => _logger.LogInformation("{Name}: {Value}", name, value);
            }
            """;
        yield return """
            using System;

            public sealed class ConsoleAudit : IAudit
            {
                public void Record(string name, object value) => Console.WriteLine($"{name} = {value}");
            }
            """;
        for (var i = 0; i < 24; i++)
        {
            yield return $$"""
                using Microsoft.Extensions.Logging;

                namespace Calls{{i}};

                public sealed class Caller{{i}}
                {
                    public void Run(ILogger logger, IAudit audit, string password, string accessToken, string email, string sessionId)
                    {
                        {{(i % 4) switch
                        {
                            0 => "Chain.Relay(logger, password);",
                            1 => "Chain.Shortcut(logger, accessToken);",
                            2 => "Chain.Ping(logger, sessionId, 2);",
                            _ => "Chain.Pong(logger, password, 3);",
                        }}}
                        audit.Record("login", accessToken);
                        Chain.Forward(logger, email);
                        logger.LogWarning("Login for {Email} with {Password}", email, password);
                    }
                }
                """;
        }
    }
}
