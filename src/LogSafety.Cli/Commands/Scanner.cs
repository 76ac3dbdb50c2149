using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LogSafety.Analyzers.Baselines;
using LogSafety.Cli.Analysis;
using LogSafety.Cli.Loading;
using Microsoft.CodeAnalysis;

namespace LogSafety.Cli.Commands;

/// <summary>From a path to findings: picks the mode, loads, analyzes.</summary>
internal static class Scanner
{
    /// <summary>A loaded workspace: the C# projects to analyze, and which of their files are reported on.</summary>
    public sealed record LoadedTarget(Workspace Workspace, IReadOnlyList<ProjectId> Projects, Func<string?, bool> IsReported, bool IsLoose) : IDisposable
    {
        public void Dispose() => Workspace.Dispose();
    }

    /// <param name="baselinePath">The baseline read or written, if any: fingerprints are then relative to its folder.</param>
    public static async Task<ScanResult> ScanAsync(ScanOptions options, string? baselinePath, IProgressReporter progress, Stopwatch clock, CancellationToken cancellationToken)
    {
        var target = ScanTarget.Resolve(options.Path, options.Loose);
        var fingerprintRoot = baselinePath is null ? target.Root : Path.GetDirectoryName(Path.GetFullPath(baselinePath))!;
        var result = new ScanResult { Root = target.Root, FingerprintRoot = fingerprintRoot, Mode = target.IsLoose ? "loose" : "project" };
        using var loaded = await LoadAsync(target, options, result, progress, clock, cancellationToken).ConfigureAwait(false);
        var projects = loaded.Projects.Select(id => loaded.Workspace.CurrentSolution.GetProject(id)!).ToList();
        var scanner = new ProjectScanner(LogSafetyRules.CreateAnalyzers(), progress, options.Timing);
        await scanner.ScanAsync(projects, result, loaded.IsReported, cancellationToken).ConfigureAwait(false);
        if (loaded.IsLoose)
        {
            var compilation = await projects[0].GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            LooseProjectLoader.NoteUnresolvedTypes(compilation!, result);
        }

        return result;
    }

    public static async Task<LoadedTarget> LoadAsync(ScanTarget target, ScanOptions options, ScanResult result, IProgressReporter progress, Stopwatch clock, CancellationToken cancellationToken)
    {
        if (target.IsLoose)
        {
            var workspace = new AdhocWorkspace();
            var project = LooseProjectLoader.Load(workspace, target.Root, new PathFilter(options.Excludes), result, progress);
            progress.Status($"Loaded {project.Documents.Count() - 1} documents in {clock.Elapsed.TotalSeconds:0.0}s; analyzing");
            return new LoadedTarget(workspace, [project.Id], path => path is not null && !IsGenerated(path), IsLoose: true);
        }

        var (msbuild, projects) = await MsBuildProjectLoader.LoadAsync(target.ProjectOrSolution!, !options.NoRestore, result, progress, cancellationToken).ConfigureAwait(false);
        var filter = new PathFilter(options.Excludes);
        progress.Status($"Loaded {projects.Count} C# project(s) in {clock.Elapsed.TotalSeconds:0.0}s; analyzing");
        return new LoadedTarget(msbuild, projects.Select(p => p.Id).ToList(),
            path => path is not null && !IsGenerated(path) && !filter.IsExcluded(ProjectScanner.RelativePath(target.Root, path)), IsLoose: false);
    }

    // Files MSBuild generates under obj/ (global usings, assembly info) are compiled but never reported on.
    private static bool IsGenerated(string path) =>
        path.Replace('\\', '/').Contains("/obj/", StringComparison.OrdinalIgnoreCase);

    public static void ApplyBaseline(ScanResult result, Baseline baseline)
    {
        var known = baseline.Entries.Select(e => e.Fingerprint).ToHashSet(StringComparer.Ordinal);
        var found = result.Findings.Select(f => f.Fingerprint).ToHashSet(StringComparer.Ordinal);
        result.BaselinedCount = result.Findings.RemoveAll(f => known.Contains(f.Fingerprint));
        result.BaselineEntriesNotFound = known.Count(k => !found.Contains(k));
    }
}
