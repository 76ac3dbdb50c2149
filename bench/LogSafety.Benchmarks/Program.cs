using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LogSafety.Benchmarks;

/// <summary>
/// Measures LogSafety's analyzers against an empty analyzer that registers the same actions (the floor), Microsoft's
/// LoggerMessageDefineAnalyzer, and the compiler's own diagnostics, on a generated corpus, in one process.
/// Usage: dotnet run -c Release --project bench/LogSafety.Benchmarks -- [--quick] [--files N] [--runs N] [--concurrent]
///        [--no-scaling] [--src DIR [--set NAME | --edits N]]
/// </summary>
internal static class Program
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static async Task<int> Main(string[] args)
    {
        var quick = args.Contains("--quick");
        var files = IntArgument(args, "--files") ?? (quick ? 60 : 1500);
        var runs = Math.Max(1, IntArgument(args, "--runs") ?? 5);
        var concurrent = args.Contains("--concurrent");
        var total = Stopwatch.StartNew();
        if (Array.IndexOf(args, "--src") is var src and >= 0)
        {
            var only = Array.IndexOf(args, "--set") is var set and >= 0 && set + 1 < args.Length ? args[set + 1] : null;
            if (src + 1 >= args.Length)
            {
                return 2;
            }

            return IntArgument(args, "--edits") is { } edits
                ? await EditMode.RunAsync(args[src + 1], Math.Max(1, edits), concurrent, only)
                : await FolderMode.RunAsync(args[src + 1], runs, concurrent, only);
        }

        Console.WriteLine($"LogSafety benchmark: {(quick ? "quick" : "full")} mode, {runs} runs, concurrentAnalysis={concurrent}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, Roslyn {typeof(Compilation).Assembly.GetName().Version}");
        var sets = new[] { AnalyzerSets.LogSafety(), AnalyzerSets.Floor(), AnalyzerSets.MicrosoftLogging() };
        Console.WriteLine("LogSafety analyzers: " + string.Join(", ", sets[0].Analyzers.Select(a => a.GetType().Name)));

        var corpus = CorpusGenerator.Generate(files);
        var compilation = Compile(corpus);
        Console.WriteLine($"Corpus: {corpus.Files.Count:N0} files, {corpus.Lines:N0} lines, {corpus.LogCalls:N0} log calls (one line in {(double)corpus.Lines / corpus.LogCalls:F1})");
        if (!CheckCompiles(compilation))
        {
            return 2;
        }

        // Warm-up: JIT and metadata for every set, not counted.
        foreach (var set in sets)
        {
            await MeasureAsync(compilation, set, concurrent);
        }

        MeasureCompile(compilation);

        var samples = sets.ToDictionary(s => s.Name, _ => new List<Sample>());
        var perAnalyzer = new Dictionary<string, List<double>>();
        var compileSamples = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            // Interleaved, in a rotating order, so drift on a shared machine hits every set alike.
            for (var step = 0; step < sets.Length + 1; step++)
            {
                var index = (run + step) % (sets.Length + 1);
                if (index == sets.Length)
                {
                    compileSamples.Add(MeasureCompile(compilation));
                    continue;
                }

                var sample = await MeasureAsync(compilation, sets[index], concurrent);
                samples[sets[index].Name].Add(sample);
                AddPerAnalyzer(perAnalyzer, sample.PerAnalyzerMs);
            }

            Console.WriteLine($"  run {run + 1}/{runs} done ({total.Elapsed.TotalSeconds:F0} s)");
        }

        var logSafety = samples[sets[0].Name];
        var floor = samples[sets[1].Name];
        var microsoft = samples[sets[2].Name];

        Console.WriteLine();
        Console.WriteLine("| Measured | analyzer ms (median) | min | max | wall ms (median) | diagnostics |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var set in sets)
        {
            var s = samples[set.Name];
            Console.WriteLine($"| {set.Name} | {F(Median(s.Select(x => x.AnalyzerMs)))} | {F(s.Min(x => x.AnalyzerMs))} | {F(s.Max(x => x.AnalyzerMs))} | {F(Median(s.Select(x => x.WallMs)))} | {s[0].Diagnostics:N0} |");
        }

        Console.WriteLine($"| Compiler diagnostics (GetDiagnostics) | {F(Median(compileSamples))} | {F(compileSamples.Min())} | {F(compileSamples.Max())} | {F(Median(compileSamples))} | |");
        Console.WriteLine();
        Console.WriteLine("Per LogSafety analyzer (median ms): " + string.Join(", ",
            sets[0].Analyzers.Select(a => a.GetType().Name).Select(n => $"{n} {F(Median(perAnalyzer[n]))}")));

        var allocationPerThousand = (Median(logSafety.Select(x => (double)x.AllocatedBytes)) - Median(floor.Select(x => (double)x.AllocatedBytes))) / corpus.LogCalls * 1000;
        Console.WriteLine($"Allocation: LogSafety run {Median(logSafety.Select(x => (double)x.AllocatedBytes)) / 1048576:F1} MB, floor run {Median(floor.Select(x => (double)x.AllocatedBytes)) / 1048576:F1} MB; above the floor {allocationPerThousand / 1024:F1} KB per 1,000 log calls");

        compilation = null!;
        if (!args.Contains("--no-scaling"))
        {
            await ScalingAsync(Math.Max(CorpusGenerator.FilesPerUnit, files / 4), quick ? 3 : runs, concurrent);
        }

        // logsafety_ms, ms_logging_ms: time inside the analyzers' callbacks (telemetry), compared with each other and with
        // the compiler's own diagnostics. The floor's callbacks take no time at all, so the floor is compared by wall
        // time: the whole analysis run with LogSafety against the whole run with the empty analyzer (both pay the
        // driver's binding and operation trees), and floor_ms is the floor run's wall time.
        var logSafetyMs = Median(logSafety.Select(x => x.AnalyzerMs));
        var logSafetyWallMs = Median(logSafety.Select(x => x.WallMs));
        var floorMs = Median(floor.Select(x => x.WallMs));
        var microsoftMs = Median(microsoft.Select(x => x.AnalyzerMs));
        var compileMs = Median(compileSamples);
        Console.WriteLine($"Total benchmark time {total.Elapsed.TotalSeconds:F0} s");
        Console.WriteLine("logsafety_ms, ms_logging_ms: analyzer callback time (median); floor_ms: the floor run's wall time; ratio_vs_floor: LogSafety run wall / floor run wall; compile_ms: GetDiagnostics wall time.");
        Console.WriteLine(string.Create(Invariant,
            $"logsafety_ms={logSafetyMs:F1} floor_ms={floorMs:F1} ms_logging_ms={microsoftMs:F1} compile_ms={compileMs:F1} ratio_vs_ms_logging={logSafetyMs / microsoftMs:F3} ratio_vs_floor={logSafetyWallMs / floorMs:F3} ratio_vs_compile={logSafetyMs / compileMs:F4}"));
        return 0;
    }

    internal sealed record Sample(double AnalyzerMs, double WallMs, long AllocatedBytes, int Diagnostics, IReadOnlyDictionary<string, double> PerAnalyzerMs);

    internal static CSharpCompilation Compile(Corpus corpus)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = corpus.Files.AsParallel().AsOrdered()
            .Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, path: "/corpus/" + f.Path))
            .ToList();
        return CSharpCompilation.Create(
            "Corpus",
            trees,
            BenchReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: true));
    }

    private static bool CheckCompiles(CSharpCompilation compilation)
    {
        var errors = compilation.Clone().GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count == 0)
        {
            return true;
        }

        Console.Error.WriteLine($"The generated corpus has {errors.Count} compile errors:");
        foreach (var error in errors.Take(20))
        {
            Console.Error.WriteLine("  " + error);
        }

        return false;
    }

    private static double MeasureCompile(CSharpCompilation compilation)
    {
        var clone = compilation.Clone();
        var stopwatch = Stopwatch.StartNew();
        _ = clone.GetDiagnostics();
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    internal static async Task<Sample> MeasureAsync(CSharpCompilation baseCompilation, AnalyzerSet set, bool concurrent, AnalyzerConfigOptionsProvider? configOptions = null)
    {
        var compilation = baseCompilation.WithOptions(baseCompilation.Options.WithSpecificDiagnosticOptions(set.EnabledDiagnostics));
        var withAnalyzers = compilation.WithAnalyzers(set.Analyzers, AnalysisOptions(concurrent, configOptions));

        // The compiler's own declaration work (merging every reference's namespaces, declaring the source symbols) is
        // done first, as in a build where binding runs before and beside the analyzers: whichever analyzer touched a
        // type first used to be charged for it.
        _ = compilation.GetDeclarationDiagnostics();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        stopwatch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        var crashes = diagnostics.Where(d => d.Id == "AD0001").ToList();
        if (crashes.Count > 0)
        {
            throw new InvalidOperationException($"{set.Name} threw {crashes.Count} times; first: {crashes[0].GetMessage(Invariant)}");
        }

        var perAnalyzer = new Dictionary<string, double>();
        var total = 0.0;
        foreach (var analyzer in set.Analyzers)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
            perAnalyzer[analyzer.GetType().Name] = telemetry.ExecutionTime.TotalMilliseconds;
            total += telemetry.ExecutionTime.TotalMilliseconds;
        }

        return new Sample(total, stopwatch.Elapsed.TotalMilliseconds, allocated, diagnostics.Length, perAnalyzer);
    }

    /// <summary>Runs a corpus at 1x and 4x (a quarter of the main corpus, then the main corpus' size): LogSafety's cost must grow linearly (at most 4.4x).</summary>
    private static async Task ScalingAsync(int baseFiles, int runs, bool concurrent)
    {
        var set = AnalyzerSets.LogSafety();
        var floorSet = AnalyzerSets.Floor();
        // Whole units of six files, so that 4x is exactly four times the code.
        var units = Math.Max(1, baseFiles / CorpusGenerator.FilesPerUnit);
        var small = CorpusGenerator.Generate(units * CorpusGenerator.FilesPerUnit, seed: 7);
        var large = CorpusGenerator.Generate(units * 4 * CorpusGenerator.FilesPerUnit, seed: 7);
        var smallCompilation = Compile(small);
        var largeCompilation = Compile(large);
        await MeasureAsync(smallCompilation, set, concurrent);
        await MeasureAsync(largeCompilation, set, concurrent);
        var smallTimes = new List<double>();
        var largeTimes = new List<double>();
        var smallFloor = new List<double>();
        var largeFloor = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            smallTimes.Add((await MeasureAsync(smallCompilation, set, concurrent)).AnalyzerMs);
            largeTimes.Add((await MeasureAsync(largeCompilation, set, concurrent)).AnalyzerMs);
            smallFloor.Add((await MeasureAsync(smallCompilation, floorSet, concurrent)).AnalyzerMs);
            largeFloor.Add((await MeasureAsync(largeCompilation, floorSet, concurrent)).AnalyzerMs);
        }

        var ratio = Median(largeTimes) / Median(smallTimes);
        Console.WriteLine();
        Console.WriteLine($"Scaling: 1x = {small.Files.Count:N0} files / {small.Lines:N0} lines / {small.LogCalls:N0} log calls: LogSafety {F(Median(smallTimes))} ms (floor {F(Median(smallFloor))} ms)");
        Console.WriteLine($"         4x = {large.Files.Count:N0} files / {large.Lines:N0} lines / {large.LogCalls:N0} log calls: LogSafety {F(Median(largeTimes))} ms (floor {F(Median(largeFloor))} ms)");
        Console.WriteLine(string.Create(Invariant, $"Scaling ratio 4x/1x = {ratio:F2} (linear target <= 4.4): {(ratio <= 4.4 ? "holds" : "MISSED")}"));
    }

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>The driver's options for a measured run: callback times logged, the folder's .editorconfig options if any.</summary>
    internal static CompilationWithAnalyzersOptions AnalysisOptions(bool concurrent, AnalyzerConfigOptionsProvider? configOptions) =>
        new(
            AnalyzerOptionsFor(configOptions),
            onAnalyzerException: null,
            concurrentAnalysis: concurrent,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);

    internal static AnalyzerOptions AnalyzerOptionsFor(AnalyzerConfigOptionsProvider? configOptions) =>
        configOptions is null ? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty) : new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, configOptions);

    /// <summary>Adds one run's time of each analyzer to the list of that analyzer's times.</summary>
    internal static void AddPerAnalyzer(Dictionary<string, List<double>> perAnalyzer, IReadOnlyDictionary<string, double> run)
    {
        foreach (var pair in run)
        {
            if (!perAnalyzer.TryGetValue(pair.Key, out var list))
            {
                perAnalyzer[pair.Key] = list = new List<double>();
            }

            list.Add(pair.Value);
        }
    }

    private static string F(double value) => value.ToString("F1", Invariant);

    private static int? IntArgument(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : null;
    }
}
