using System.Linq;
using System.Threading.Tasks;
using LogSafety.Analyzers.Tests.Conventions;
using Xunit;
using Xunit.Abstractions;

namespace LogSafety.Analyzers.Tests.CodeFixes;

/// <summary>
/// Fix All over tests/LogSafety.FixCoverage.App, an application that logs every kind of secret in every shape a call
/// can take and configures EF Core, HTTP logging and IdentityModel to log them: every LS0001–LS0006 and
/// LS0010–LS0012 finding is fixed, the same way whatever order the diagnostics arrive in, and the result compiles.
/// </summary>
public sealed class FixCoverageAppTests
{
    private readonly ITestOutputHelper _output;

    public FixCoverageAppTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task CoverageApp_FixAllInShuffledOrders_FixesEveryFindingTheSameWayEachTime()
    {
        var sources = FormatAnalyzersHost.SourcesUnder(Repository.PathOf("tests", "LogSafety.FixCoverage.App"));
        var solution = FormatAnalyzersHost.CreateSolution(sources);

        FormatRun? first = null;
        foreach (var seed in new[] { 11, 12, 13 })
        {
            var run = await FormatAnalyzersHost.RunAsync(solution, FormatAnalyzersHost.AllFixableRuleIds, seed);
            _output.WriteLine($"seed {seed}: {run.FindingsBefore} findings, {run.FindingsAfter.Length} left, fixed share {run.FixedShare:P0}");
            foreach (var left in run.FindingsAfter.Concat(run.Problems).Concat(run.CompileErrors))
            {
                _output.WriteLine("  " + left);
            }

            // LOGSAFETY_FIX_OUTPUT=dir writes the fixed files there, to read the diff.
            if (System.Environment.GetEnvironmentVariable("LOGSAFETY_FIX_OUTPUT") is { Length: > 0 } output)
            {
                foreach (var (path, text) in run.Texts)
                {
                    var target = System.IO.Path.Combine(output, path.TrimStart('/'));
                    System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
                    System.IO.File.WriteAllText(target, text);
                }
            }

            Assert.Empty(run.Problems);
            Assert.Empty(run.CompileErrors);
            Assert.Empty(run.FindingsAfter);
            if (first is null)
            {
                first = run;
                continue;
            }

            foreach (var path in first.Texts.Keys)
            {
                Assert.Equal(first.Texts[path], run.Texts[path]);
            }
        }
    }
}
