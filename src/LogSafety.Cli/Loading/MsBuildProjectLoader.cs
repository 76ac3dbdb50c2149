using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using LogSafety.Cli.Analysis;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace LogSafety.Cli.Loading;

/// <summary>Project mode: restore, then load a solution or project with MSBuildWorkspace, as a build would see it.</summary>
internal static class MsBuildProjectLoader
{
    public static async Task<(Workspace Workspace, IReadOnlyList<Project> Projects)> LoadAsync(
        string path, bool restore, ScanResult result, IProgressReporter progress, CancellationToken cancellationToken)
    {
        if (restore)
        {
            progress.Status($"Restoring {Path.GetFileName(path)} (skip with --no-restore)");
            await RestoreAsync(path, cancellationToken).ConfigureAwait(false);
        }

        if (!MSBuildLocator.IsRegistered)
        {
            var instances = MSBuildLocator.QueryVisualStudioInstances().ToList();
            if (instances.Count == 0)
            {
                throw new UsageException($"{path}: no .NET SDK found to load it with MSBuild; pass --loose to scan the sources without it");
            }

            MSBuildLocator.RegisterInstance(instances.OrderByDescending(i => i.Version).First());
        }

        return await OpenAsync(path, result, progress, cancellationToken).ConfigureAwait(false);
    }

    // Kept apart so that no MSBuild type is loaded before the locator has registered the SDK's MSBuild.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<(Workspace, IReadOnlyList<Project>)> OpenAsync(
        string path, ScanResult result, IProgressReporter progress, CancellationToken cancellationToken)
    {
        var workspace = MSBuildWorkspace.Create();
        var failures = new List<string>();
        workspace.WorkspaceFailed += (_, e) =>
        {
            // Warnings (duplicate items, restore notices) do not change what is analyzed; failures do.
            if (e.Diagnostic.Kind != WorkspaceDiagnosticKind.Failure)
            {
                return;
            }

            lock (failures)
            {
                failures.Add(e.Diagnostic.Message);
            }
        };

        var loadProgress = new Progress<ProjectLoadProgress>(p =>
        {
            if (p.Operation == ProjectLoadOperation.Resolve)
            {
                progress.Status($"Loaded {Path.GetFileName(p.FilePath)}{(p.TargetFramework is null ? "" : $" ({p.TargetFramework})")}");
            }
        });
        Solution solution;
        ProjectId? only = null;
        try
        {
            if (Path.GetExtension(path).Equals(".csproj", StringComparison.OrdinalIgnoreCase))
            {
                // The projects it references are loaded to compile it, not scanned: scan the solution for those.
                var project = await workspace.OpenProjectAsync(path, loadProgress, cancellationToken).ConfigureAwait(false);
                (solution, only) = (project.Solution, project.Id);
            }
            else
            {
                solution = await workspace.OpenSolutionAsync(path, loadProgress, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new UsageException($"{path}: cannot be loaded: {e.Message}" + (failures.Count > 0 ? "\n  " + string.Join("\n  ", failures) : ""));
        }

        foreach (var failure in failures.Distinct(StringComparer.Ordinal))
        {
            result.Notes.Add("MSBuild: " + failure);
        }

        foreach (var other in solution.Projects.Where(p => p.Language != LanguageNames.CSharp))
        {
            result.Notes.Add($"skipped {other.Name}: a {other.Language} project, LogSafety analyzes C# only");
        }

        var projects = solution.Projects.Where(p => p.Language == LanguageNames.CSharp && (only is null || p.Id == only)).ToList();
        if (projects.Count == 0)
        {
            throw new UsageException($"{path}: no C# project could be loaded" + (failures.Count > 0 ? ":\n  " + string.Join("\n  ", failures.Distinct()) : ""));
        }

        return (workspace, projects);
    }

    private static async Task RestoreAsync(string path, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "restore", path, "-nologo", "-v", "q" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new UsageException($"{path}: could not start 'dotnet restore'");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            var lines = ((await output.ConfigureAwait(false)) + "\n" + (await error.ConfigureAwait(false)))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(line => line.Contains("error", StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.Ordinal)
                .Take(10);
            throw new UsageException($"{path}: 'dotnet restore' failed (exit code {process.ExitCode}); pass --no-restore to load it as it is, or --loose\n  "
                + string.Join("\n  ", lines));
        }
    }
}
