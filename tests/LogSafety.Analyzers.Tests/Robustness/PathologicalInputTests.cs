using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using LogSafety.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LogSafety.Analyzers.Tests.Robustness;

/// <summary>
/// Inputs built to hurt an analyzer: huge methods, deep and cyclic types, huge templates, thousands of calls.
/// Each must be analyzed without an exception or a stack overflow, and the analyzers' own time (telemetry, not
/// binding) must stay within a bound generous enough for a loaded CI machine; the benchmark reports real times.
/// The callback time is wall-clock time, so these tests run alone, after the parallel ones: on a two-core machine the
/// other test classes would otherwise share the cores with the callbacks being timed.
/// </summary>
[Collection(TimedTests.Name)]
public sealed class PathologicalInputTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

    private const string Usings = "using System;\nusing System.Collections.Generic;\nusing Microsoft.Extensions.Logging;\n\n";

    [Fact]
    public async Task MethodWith20000StatementsAnd5000Locals_FinishesInBudget()
    {
        var source = new StringBuilder(Usings).Append("class Big\n{\n    void M(ILogger logger, string password)\n    {\n");
        for (var i = 0; i < 5_000; i++)
        {
            source.Append($"        var local{i} = \"v{i}\";\n");
        }

        // 15,000 more statements, one log call in ten, the last one writing the password.
        for (var i = 0; i < 15_000; i++)
        {
            source.Append(i % 10 == 0
                ? $"        logger.LogInformation(\"Value {{Value}}\", local{i % 5_000});\n"
                : $"        local{i % 5_000} = local{(i + 1) % 5_000};\n");
        }

        source.Append("        logger.LogInformation(\"Secret {Secret}\", password);\n    }\n}\n");
        var result = await AnalyzeInBudgetAsync(source.ToString());
        Assert.Equal(1, result.Count(RuleIds.Password));
    }

    [Fact]
    public async Task TypeGraph50DeepAndSelfReferencingTypes_DestructuredWithAt_FinishesInBudget()
    {
        var source = new StringBuilder(Usings);
        for (var i = 0; i < 50; i++)
        {
            var next = i + 1 < 50 ? $"Level{i + 1}" : "Level0";
            source.Append($"public sealed class Level{i} {{ public {next}? Next {{ get; set; }} public string Name {{ get; set; }} = \"\"; public string Password{i} {{ get; set; }} = \"\"; public List<Level{i}> Siblings {{ get; }} = new(); }}\n");
        }

        source.Append("""
            public sealed class Node
            {
                public Node? Parent { get; set; }
                public List<Node> Children { get; } = new();
                public Dictionary<string, Node> ByName { get; } = new();
                public string AccessToken { get; set; } = "";
            }

            public sealed record Cycle(string Name, Cycle? Self, string ApiKey);

            class C
            {
                void M(ILogger logger, Level0 root, Node node, Cycle cycle, string password)
                {
                    logger.LogInformation("Graph {@Root}", root);
                    logger.LogInformation("Node {@Node}", node);
                    logger.LogInformation("Cycle {@Cycle}", cycle);
                    logger.LogInformation("Nested {@Nested}", new { root, node, cycle, Inner = new { root.Next, node.Parent } });
                    logger.LogInformation("Secret {Secret}", password);
                }
            }

            """);
        var result = await AnalyzeInBudgetAsync(source.ToString());
        Assert.True(result.Count(RuleIds.Password) >= 1);
    }

    [Fact]
    public async Task InterpolatedStringWith1000Holes_FinishesInBudget()
    {
        var holes = string.Concat(Enumerable.Range(0, 1_000).Select(i => i == 0 ? "{password}" : $" {{name}}{i}"));
        var source = Usings + "class C\n{\n    void M(ILogger logger, string name, string password)\n    {\n"
            + $"        logger.LogInformation($\"{holes}\");\n"
            + $"        Console.WriteLine($\"{holes}\");\n"
            + "    }\n}\n";
        var result = await AnalyzeInBudgetAsync(source);
        Assert.Equal(2, result.Count(RuleIds.Password));
    }

    [Fact]
    public async Task Template100000CharactersLong_FinishesInBudget()
    {
        var filler = new string('x', 100_000);
        var braces = string.Concat(Enumerable.Repeat("{ {{ }} {", 2_000));
        var source = Usings + "class C\n{\n    void M(ILogger logger, string email, string password)\n    {\n"
            + $"        logger.LogInformation(\"{filler} {{Email}} {filler.Substring(0, 1_000)} {{Password}}\", email, password);\n"
            + $"        logger.LogInformation(\"{braces}{filler}\", email, password);\n"
            + $"        logger.LogInformation(\"{{{filler}}}\", email);\n"
            + "    }\n}\n";
        var result = await AnalyzeInBudgetAsync(source);
        Assert.True(result.Count(RuleIds.Password) >= 1);
    }

    [Fact]
    public async Task TenThousandLogCallsInOneFile_FinishesInBudget()
    {
        var source = new StringBuilder(Usings).Append("class Many\n{\n");
        for (var method = 0; method < 100; method++)
        {
            source.Append($"    void M{method}(ILogger logger, string email, string password, int count)\n    {{\n");
            for (var call = 0; call < 100; call++)
            {
                source.Append((call % 4) switch
                {
                    0 => "        logger.LogInformation(\"Login {Email} {Count}\", email, count);\n",
                    1 => "        logger.LogDebug($\"Login {email} {count}\");\n",
                    2 => "        logger.LogWarning(\"Login \" + email + \" \" + count);\n",
                    _ => call == 99 ? "        logger.LogError(\"Secret {Password}\", password);\n" : "        logger.LogTrace(\"Entry {@Entry}\", new { email, count });\n",
                });
            }

            source.Append("    }\n\n");
        }

        source.Append("}\n");
        var result = await AnalyzeInBudgetAsync(source.ToString());
        Assert.Equal(100, result.Count(RuleIds.Password));
    }

    [Fact]
    public async Task DeepConcatenationAndNesting_NoStackOverflow()
    {
        var concatenation = string.Join(" + ", Enumerable.Range(0, 5_000).Select(i => i % 2 == 0 ? "email" : $"\"{i}\""));
        var nested = new StringBuilder("password");
        for (var i = 0; i < 500; i++)
        {
            nested.Insert(0, "(").Append(" ?? email)");
        }

        var source = Usings + "class C\n{\n    void M(ILogger logger, string email, string password)\n    {\n"
            + $"        logger.LogInformation({concatenation} + password);\n"
            + $"        logger.LogInformation(\"{{Value}}\", {nested});\n"
            + "    }\n}\n";
        var result = await AnalyzeInBudgetAsync(source);
        Assert.Empty(result.Exceptions);
    }

    /// <summary>
    /// A project that references no logging library and turns console/trace sinks off: the log-call analyzer returns at
    /// compilation start and registers no operation or symbol action. The same source with sinks on does register them.
    /// The configuration analyzer resolves its symbols on its first callback (so that compilation start never pays for
    /// binding the references) and then returns at once: it reports nothing.
    /// </summary>
    [Fact]
    public async Task NoLoggingLibraryAndConsoleSinksOff_RegistersNoOperationActions()
    {
        const string source = """
            using System;

            class C
            {
                void M(string password)
                {
                    Console.WriteLine(password);
                    Console.WriteLine(password.Length);
                }
            }
            """;
        var frameworkOnly = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>();
        var compilation = AnalyzerHost.Compile(new[] { source }, frameworkOnly);
        Assert.Null(compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger"));

        var off = await AnalyzerHost.AnalyzeAsync(compilation, new Dictionary<string, string> { ["logsafety.console_and_trace_sinks"] = "false" });
        Assert.Empty(off.Exceptions);
        Assert.Empty(off.Diagnostics);
        foreach (var (analyzer, telemetry) in off.Telemetry.Where(t => t.Key is not SecretLoggingConfigurationAnalyzer))
        {
            Assert.True(telemetry.OperationActionsCount == 0, $"{analyzer.GetType().Name} registered {telemetry.OperationActionsCount} operation actions");
            Assert.True(telemetry.OperationBlockActionsCount + telemetry.OperationBlockStartActionsCount == 0, $"{analyzer.GetType().Name} registered operation block actions");
            Assert.True(telemetry.SyntaxNodeActionsCount == 0, $"{analyzer.GetType().Name} registered {telemetry.SyntaxNodeActionsCount} syntax node actions");
            Assert.True(telemetry.SymbolActionsCount == 0, $"{analyzer.GetType().Name} registered {telemetry.SymbolActionsCount} symbol actions");
        }

        // The control: console sinks on (the default), the same project is analyzed and the password is found.
        var on = await AnalyzerHost.AnalyzeAsync(compilation);
        Assert.True(on.Telemetry.Values.Sum(t => t.OperationActionsCount) > 0);
        Assert.Equal(1, on.Count(RuleIds.Password));
    }

    private static async Task<AnalysisResult> AnalyzeInBudgetAsync(string source)
    {
        var compilation = AnalyzerHost.Compile(source);
        var result = await AnalyzerHost.AnalyzeAsync(compilation);
        Assert.Empty(result.Exceptions);
        Assert.True(result.AnalyzerTime < Budget, $"analyzers took {result.AnalyzerTime.TotalMilliseconds:F0} ms (budget {Budget.TotalMilliseconds:F0} ms)");
        return result;
    }
}

/// <summary>Tests that time the analyzers: run one at a time, when no other test competes for the cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimedTests
{
    public const string Name = "Timed tests";
}
