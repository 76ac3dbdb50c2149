using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LogSafety.Benchmarks;

/// <summary>
/// `--src DIR`: LogSafety, the floor and Microsoft's LoggerMessageDefineAnalyzer over a real code base's C# files, in
/// one process, interleaved. The folder need not build: its files go into one compilation against the benchmark's
/// references, and what its other dependencies declare stays unresolved (as in shared/tools/scan-dir).
/// </summary>
internal static class FolderMode
{
    private static readonly string[] SkippedFolders = { "bin", "obj", ".git", "test", "tests", "Test", "Tests" };

    public static async Task<int> RunAsync(string directory, int runs, bool concurrent, string? only)
    {
        if (!Directory.Exists(directory))
        {
            Console.Error.WriteLine($"--src: no folder '{directory}'");
            return 2;
        }

        var (compilation, _, configOptions) = Load(directory, concurrent);
        Console.WriteLine($"; {runs} runs, concurrentAnalysis={concurrent}");

        var sets = new[] { AnalyzerSets.LogSafety(), AnalyzerSets.Floor(), AnalyzerSets.MicrosoftLogging() };
        if (only is not null)
        {
            // `--set logsafety|floor|microsoft`: one set, run after run, for a profiler (no comparison printed).
            if (sets.FirstOrDefault(s => s.Name.StartsWith(only, StringComparison.OrdinalIgnoreCase)) is not { } chosen)
            {
                Console.Error.WriteLine($"--set: no analyzer set named '{only}' (logsafety, floor, microsoft)");
                return 2;
            }

            for (var run = 0; run <= runs; run++)
            {
                var sample = await Program.MeasureAsync(compilation, chosen, concurrent, configOptions);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(run == 0 ? "warm-up" : $"run {run}")}: {chosen.Name} {sample.AnalyzerMs:F1} ms, analysis wall {sample.WallMs:F1} ms"));
            }

            return 0;
        }

        foreach (var set in sets)
        {
            await Program.MeasureAsync(compilation, set, concurrent, configOptions);
        }

        var samples = sets.ToDictionary(s => s.Name, _ => new List<Program.Sample>());
        for (var run = 0; run < runs; run++)
        {
            for (var step = 0; step < sets.Length; step++)
            {
                var set = sets[(run + step) % sets.Length];
                samples[set.Name].Add(await Program.MeasureAsync(compilation, set, concurrent, configOptions));
            }
        }

        double Median(AnalyzerSet set) => Program.Median(samples[set.Name].Select(s => s.AnalyzerMs));
        var logSafety = Median(sets[0]);
        var floor = Median(sets[1]);
        var microsoft = Median(sets[2]);
        Console.WriteLine();
        // Callback time charges an analyzer for binding it asks for first, which the driver would otherwise do for every
        // analyzer's operation actions; the wall above the floor is what the analyzer adds to the whole analysis.
        double MedianWall(AnalyzerSet set) => Program.Median(samples[set.Name].Select(s => s.WallMs));
        Console.WriteLine("| Measured | analyzer ms (median) | min | max | analysis wall ms (median) | wall above the floor |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var set in sets)
        {
            var s = samples[set.Name];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {set.Name} | {Median(set):F1} | {s.Min(x => x.AnalyzerMs):F1} | {s.Max(x => x.AnalyzerMs):F1} | {MedianWall(set):F1} | {MedianWall(set) - MedianWall(sets[1]):F1} |"));
        }

        var perAnalyzer = sets[0].Analyzers.Select(a => a.GetType().Name)
            .Select(name => string.Create(CultureInfo.InvariantCulture, $"{name} {Program.Median(samples[sets[0].Name].Select(s => s.PerAnalyzerMs[name])):F1}"));
        Console.WriteLine("Per LogSafety analyzer (median ms): " + string.Join(", ", perAnalyzer));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio_vs_ms_logging = {logSafety / microsoft:F2}   ratio_vs_floor = {logSafety / floor:F2}"));
        return 0;
    }

    /// <summary>
    /// The folder's C# files (test folders skipped) in one compilation against the benchmark's references, with the
    /// options its .editorconfig files give; prints what was loaded, without ending the line.
    /// </summary>
    internal static (CSharpCompilation Compilation, List<SyntaxTree> Trees, Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider? ConfigOptions) Load(string directory, bool concurrent)
    {
        var files = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(directory, path).Split(Path.DirectorySeparatorChar).Any(part => SkippedFolders.Contains(part)))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();
        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = files.AsParallel().AsOrdered()
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parseOptions, path: path))
            .ToList();
        var lines = trees.Sum(t => t.GetText().Lines.Count);
        var compilation = CSharpCompilation.Create(
            "Folder",
            trees.Prepend(CSharpSyntaxTree.ParseText(ImplicitUsings, parseOptions, path: "ImplicitUsings.g.cs")),
            BenchReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: concurrent, allowUnsafe: true));
        var configOptions = EditorConfigOptions.For(directory, trees, SkippedFolders, out var configFiles);
        Console.Write($"Folder {directory}: {files.Count:N0} files, {lines:N0} lines, {configFiles} .editorconfig files");
        return (compilation, trees, configOptions);
    }

    /// <summary>A web project's implicit usings, as the SDK generates them.</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        """;
}
