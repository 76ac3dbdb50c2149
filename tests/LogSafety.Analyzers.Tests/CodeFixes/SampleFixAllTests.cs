using System.Linq;
using System.Threading.Tasks;
using LogSafety.Analyzers.Tests.Conventions;
using Xunit;
using Xunit.Abstractions;

namespace LogSafety.Analyzers.Tests.CodeFixes;

/// <summary>
/// The README's main job, in process: <c>dotnet format analyzers</c> over the sample fixes every LS0001–LS0006
/// finding, whatever order the diagnostics arrive in, and gives the same files every time.
/// </summary>
public sealed class SampleFixAllTests
{
    private readonly ITestOutputHelper _output;

    public SampleFixAllTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Sample_FixAllInShuffledOrders_FixesEverythingTheSameWayEachTime()
    {
        var sources = FormatAnalyzersHost.SourcesUnder(Repository.PathOf("samples", "LogSafety.Sample"));
        var solution = FormatAnalyzersHost.CreateSolution(sources);

        FormatRun? first = null;
        foreach (var seed in new[] { 1, 2, 3, 4, 5 })
        {
            var run = await FormatAnalyzersHost.RunAsync(solution, FormatAnalyzersHost.SecretRuleIds, seed);
            _output.WriteLine($"seed {seed}: {run.FindingsBefore} findings, {run.FindingsAfter.Length} left, fixed share {run.FixedShare:P0}");
            Assert.Empty(run.Problems);
            Assert.Empty(run.CompileErrors);
            Assert.Empty(run.FindingsAfter);
            if (first is null)
            {
                first = run;
                continue;
            }

            Assert.Equal(first.Texts.Keys, run.Texts.Keys);
            foreach (var path in first.Texts.Keys)
            {
                Assert.Equal(first.Texts[path], run.Texts[path]);
            }
        }
    }
}
