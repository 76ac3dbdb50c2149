using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LogSafety.Cli.Analysis;
using LogSafety.Cli.Loading;
using Microsoft.CodeAnalysis;

namespace LogSafety.Cli.Commands;

/// <summary>From a path to findings: picks the mode, loads, analyzes.</summary>
internal static class Scanner
{
    public static async Task<ScanResult> ScanAsync(ScanOptions options, IProgressReporter progress, Stopwatch clock, CancellationToken cancellationToken)
    {
        var target = ScanTarget.Resolve(options.Path, options.Loose);
        var result = new ScanResult { Root = target.Root, Mode = target.IsLoose ? "loose" : "project" };
        var analyzers = LogSafetyRules.CreateAnalyzers();
        var scanner = new ProjectScanner(analyzers, progress, options.Timing);
        if (target.IsLoose)
        {
            using var workspace = new AdhocWorkspace();
            var project = LooseProjectLoader.Load(workspace, target.Root, new PathFilter(options.Excludes), result, progress);
            progress.Status($"Loaded {project.Documents.Count() - 1} documents in {clock.Elapsed.TotalSeconds:0.0}s; analyzing");
            await scanner.ScanAsync([project], result, path => path is not null && !IsGenerated(path), cancellationToken).ConfigureAwait(false);
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            LooseProjectLoader.NoteUnresolvedTypes(compilation!, result);
        }
        else
        {
            var (workspace, projects) = await MsBuildProjectLoader.LoadAsync(target.ProjectOrSolution!, !options.NoRestore, result, progress, cancellationToken).ConfigureAwait(false);
            using (workspace)
            {
                var filter = new PathFilter(options.Excludes);
                progress.Status($"Loaded {projects.Count} C# project(s) in {clock.Elapsed.TotalSeconds:0.0}s; analyzing");
                await scanner.ScanAsync(projects, result,
                    path => path is not null && !IsGenerated(path) && !filter.IsExcluded(ProjectScanner.RelativePath(target.Root, path)), cancellationToken).ConfigureAwait(false);
            }
        }

        return result;
    }

    // Files MSBuild generates under obj/ (global usings, assembly info) are compiled but never reported on.
    private static bool IsGenerated(string path) =>
        path.Replace('\\', '/').Contains("/obj/", StringComparison.OrdinalIgnoreCase);

    public static void ApplyBaseline(ScanResult result, IReadOnlyList<Baselines.BaselineFile.Entry> baseline)
    {
        var known = baseline.Select(e => e.Fingerprint).ToHashSet(StringComparer.Ordinal);
        var found = result.Findings.Select(f => f.Fingerprint).ToHashSet(StringComparer.Ordinal);
        result.BaselinedCount = result.Findings.RemoveAll(f => known.Contains(f.Fingerprint));
        result.BaselineEntriesNotFound = known.Count(k => !found.Contains(k));
    }
}
