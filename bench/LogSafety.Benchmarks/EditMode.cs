using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LogSafety.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LogSafety.Benchmarks;

/// <summary>
/// `--src DIR --edits N`: what a keystroke costs in the IDE. After one whole analysis (the editor has analyzed the
/// project before), each edit types a space at the start of a line in the middle of a file that logs, makes the
/// edited compilation (the other files' syntax trees are the same objects, as in the IDE), has the compiler bind the
/// edited file (the IDE shows its errors anyway), and then runs each analyzer set on that one document, as the IDE's
/// document diagnostics do: syntax and semantic diagnostics of the edited tree only, without the analyzers that report
/// only at compilation end. Each set gets its own edited
/// compilation, so none is charged for binding another's; sets are interleaved in a rotating order.
/// </summary>
internal static class EditMode
{
    public static async Task<int> RunAsync(string directory, int edits, bool concurrent, string? only)
    {
        var (compilation, trees, configOptions) = FolderMode.Load(directory, concurrent);
        var logging = trees.Where(t => Logs(t.GetText().ToString())).ToList();
        Console.WriteLine($"; {edits} edits over {logging.Count:N0} files that log, concurrentAnalysis={concurrent}");
        if (logging.Count == 0)
        {
            return 2;
        }

        var sets = new[] { AnalyzerSets.LogSafety(), AnalyzerSets.Floor(), AnalyzerSets.MicrosoftLogging() };
        if (only is not null)
        {
            // `--set NAME`: that set alone, for a profiler (no ratio printed).
            sets = sets.Where(s => s.Name.StartsWith(only, StringComparison.OrdinalIgnoreCase)).ToArray();
            if (sets.Length == 0)
            {
                Console.Error.WriteLine($"--set: no analyzer set named '{only}' (logsafety, floor, microsoft)");
                return 2;
            }
        }

        foreach (var set in sets)
        {
            // The project as the editor last analyzed it: outlines and the like exist for every file.
            await Program.MeasureAsync(compilation, set, concurrent, configOptions);
        }

        // The IDE leaves analyzers whose every rule is reported at compilation end (LS9000) out of a document's analysis:
        // they run in builds and full-solution analysis.
        sets = sets.Select(s => s with { Analyzers = s.Analyzers.Where(a => !a.SupportedDiagnostics.All(IsCompilationEnd)).ToImmutableArray() }).ToArray();
        var samples = sets.ToDictionary(s => s.Name, _ => new List<double>());
        var walls = sets.ToDictionary(s => s.Name, _ => new List<double>());
        var perAnalyzer = new Dictionary<string, List<double>>();
        var reused = 0;
        for (var edit = 0; edit < edits; edit++)
        {
            // Evenly spread over the files that log, the same files on every run.
            var tree = logging[(int)((long)edit * logging.Count / edits)];
            var text = tree.GetText();
            var line = text.Lines[text.Lines.Count / 2];
            var edited = tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(line.Start, 0), " ")));
            for (var step = 0; step < sets.Length; step++)
            {
                var set = sets[(edit + step) % sets.Length];
                var (analyzerMs, wallMs, perAnalyzerMs) = await MeasureDocumentAsync(compilation.ReplaceSyntaxTree(tree, edited), edited, set, concurrent, configOptions);
                samples[set.Name].Add(analyzerMs);
                Program.AddPerAnalyzer(perAnalyzer, perAnalyzerMs);

                walls[set.Name].Add(wallMs);
            }

            if (sets[0].Analyzers.Any(a => a is LoggedSecretAnalyzer))
            {
                // Asked of the edited trees the analysis above saw: whether it took the wrapper candidates over.
                reused += LogSafetyCompilation.Create(compilation.ReplaceSyntaxTree(tree, edited), Program.AnalyzerOptionsFor(configOptions)).LogCalls.Wrappers.CandidatesReused ? 1 : 0;
            }
        }

        Console.WriteLine();
        Console.WriteLine("| Measured, per edit | analyzer ms (median) | p90 | max | document analysis wall ms (median) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var set in sets)
        {
            var s = samples[set.Name];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {set.Name} | {Program.Median(s):F2} | {Percentile(s, 0.9):F2} | {s.Max():F2} | {Program.Median(walls[set.Name]):F2} |"));
        }

        Console.WriteLine($"Wrapper candidates taken over from the previous compilation in {reused} of {edits} edits");
        Console.WriteLine("Per analyzer (median ms, p90): " + string.Join(", ", perAnalyzer.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {Program.Median(p.Value):F2}, {Percentile(p.Value, 0.9):F2}"))));
        if (sets.Length < 3)
        {
            return 0;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"edit_ratio_vs_ms_logging = {Program.Median(samples[sets[0].Name]) / Program.Median(samples[sets[2].Name]):F2}"));
        return 0;
    }

    private static async Task<(double AnalyzerMs, double WallMs, Dictionary<string, double> PerAnalyzerMs)> MeasureDocumentAsync(
        CSharpCompilation edited, SyntaxTree tree, AnalyzerSet set, bool concurrent, AnalyzerConfigOptionsProvider? configOptions)
    {
        var compilation = edited.WithOptions(edited.Options.WithSpecificDiagnosticOptions(set.EnabledDiagnostics));
        var model = compilation.GetSemanticModel(tree);
        _ = model.GetDiagnostics();
        var withAnalyzers = compilation.WithAnalyzers(set.Analyzers, Program.AnalysisOptions(concurrent, configOptions));
        var stopwatch = Stopwatch.StartNew();
        var syntax = await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, CancellationToken.None);
        var semantic = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, CancellationToken.None);
        stopwatch.Stop();
        if (syntax.Concat(semantic).FirstOrDefault(d => d.Id == "AD0001") is { } crash)
        {
            throw new InvalidOperationException($"{set.Name} threw: {crash.GetMessage(CultureInfo.InvariantCulture)}");
        }

        var total = 0.0;
        var perAnalyzer = new Dictionary<string, double>();
        foreach (var analyzer in set.Analyzers)
        {
            var ms = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime.TotalMilliseconds;
            perAnalyzer[analyzer.GetType().Name] = ms;
            total += ms;
        }

        return (total, stopwatch.Elapsed.TotalMilliseconds, perAnalyzer);
    }

    private static bool IsCompilationEnd(DiagnosticDescriptor descriptor) => descriptor.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>A file with a call that reads like logging: where a developer who cares about this analyzer types.</summary>
    private static bool Logs(string text) =>
        text.Contains("Log", StringComparison.Ordinal) && (text.Contains(".Log", StringComparison.Ordinal) || text.Contains(".Info(", StringComparison.Ordinal)
            || text.Contains(".Debug(", StringComparison.Ordinal) || text.Contains(".Error(", StringComparison.Ordinal) || text.Contains(".Warn", StringComparison.Ordinal));

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
