using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LogSafety.Cli.Baselines;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LogSafety.Cli.Analysis;

/// <summary>Runs the LogSafety analyzers over C# projects, document by document, and turns diagnostics into findings.</summary>
internal sealed class ProjectScanner(ImmutableArray<DiagnosticAnalyzer> analyzers, IProgressReporter progress, bool timing)
{
    private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers = analyzers;

    public async Task ScanAsync(IReadOnlyList<Project> projects, ScanResult result, Func<string?, bool> isReported, CancellationToken cancellationToken)
    {
        var raw = new List<(Diagnostic Diagnostic, string Path, DiagnosticSeverity Severity)>();
        var seenDocuments = new HashSet<string>(StringComparer.Ordinal);
        var total = projects.Sum(p => p.Documents.Count(d => isReported(d.FilePath)));
        var done = 0;
        foreach (var project in projects)
        {
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (compilation is null)
            {
                result.Notes.Add($"{project.Name}: no compilation, skipped");
                continue;
            }

            var options = new CompilationWithAnalyzersOptions(
                project.AnalyzerOptions, onAnalyzerException: null, concurrentAnalysis: true,
                logAnalyzerExecutionTime: timing, reportSuppressedDiagnostics: false);
            var withAnalyzers = compilation.WithAnalyzers(_analyzers, options);
            foreach (var document in project.Documents.Where(d => isReported(d.FilePath)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                done++;
                // A multi-targeted project is loaded once per target framework: its files are analyzed once.
                if (document.FilePath is { } path && !seenDocuments.Add(path))
                {
                    progress.DocumentAnalyzed(done, total);
                    continue;
                }

                var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                if (model is null)
                {
                    continue;
                }

                var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, cancellationToken).ConfigureAwait(false);
                var syntax = await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(model.SyntaxTree, cancellationToken).ConfigureAwait(false);
                var configured = project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(model.SyntaxTree);
                foreach (var diagnostic in diagnostics.Concat(syntax))
                {
                    if (ConfiguredSeverity.Of(diagnostic, configured) is { } severity)
                    {
                        raw.Add((diagnostic, document.FilePath ?? document.Name, severity));
                    }
                }
                result.DocumentsAnalyzed++;
                progress.DocumentAnalyzed(done, total);
            }

            // Compilation-end diagnostics only: the documents are analyzed one by one above, for progress.
#pragma warning disable CS0618 // GetAnalysisResultAsync would analyze the whole compilation at once, without progress
            var compilationWide = await withAnalyzers.GetAnalyzerCompilationDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
#pragma warning restore CS0618
            raw.AddRange(compilationWide.Where(d => d.Location.IsInSource && isReported(d.Location.SourceTree!.FilePath)).Select(d => (d, d.Location.SourceTree!.FilePath, d.Severity)));
            result.Notes.AddRange(compilationWide.Where(d => !d.Location.IsInSource && d.Severity >= DiagnosticSeverity.Warning)
                .Select(d => $"{project.Name}: {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}"));
            result.ProjectsAnalyzed++;

            if (timing)
            {
                foreach (var analyzer in _analyzers)
                {
                    var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken).ConfigureAwait(false);
                    var name = analyzer.GetType().Name;
                    result.AnalyzerTimes[name] = result.AnalyzerTimes.GetValueOrDefault(name) + telemetry.ExecutionTime;
                }
            }
        }

        result.Findings.AddRange(await ToFindingsAsync(raw, result.Root, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<List<Finding>> ToFindingsAsync(List<(Diagnostic Diagnostic, string Path, DiagnosticSeverity Severity)> raw, string root, CancellationToken cancellationToken)
    {
        var unique = raw
            .Where(r => r.Diagnostic.Location.IsInSource && !r.Diagnostic.IsSuppressed && r.Severity != DiagnosticSeverity.Hidden)
            .Where(r => r.Diagnostic.Id.StartsWith("LS", StringComparison.Ordinal) || r.Diagnostic.Id == "AD0001")
            .GroupBy(r => (r.Diagnostic.Id, r.Path, r.Diagnostic.Location.SourceSpan))
            .Select(g => g.First())
            .Select(r => (r.Diagnostic, r.Path, r.Severity, Relative: RelativePath(root, r.Path)))
            .OrderBy(r => r.Relative, StringComparer.Ordinal)
            .ThenBy(r => r.Diagnostic.Location.SourceSpan.Start)
            .ThenBy(r => r.Diagnostic.Id, StringComparer.Ordinal)
            .ToList();

        var keys = new List<(string, string, string, string)>(unique.Count);
        foreach (var (diagnostic, _, _, relative) in unique)
        {
            var syntaxRoot = await diagnostic.Location.SourceTree!.GetRootAsync(cancellationToken).ConfigureAwait(false);
            var (call, value) = Fingerprint.Subject(syntaxRoot, diagnostic.Location.SourceSpan);
            keys.Add((diagnostic.Id, relative, call, value));
        }

        var fingerprints = Fingerprint.ComputeAll(keys);
        var findings = new List<Finding>(unique.Count);
        for (var i = 0; i < unique.Count; i++)
        {
            var (diagnostic, path, severity, relative) = unique[i];
            var span = diagnostic.Location.GetLineSpan();
            var text = diagnostic.Location.SourceTree!.GetText(cancellationToken);
            var line = text.Lines[span.StartLinePosition.Line];
            var markLength = span.EndLinePosition.Line == span.StartLinePosition.Line
                ? Math.Max(1, span.EndLinePosition.Character - span.StartLinePosition.Character)
                : Math.Max(1, line.End - line.Start - span.StartLinePosition.Character);
            findings.Add(new Finding(
                diagnostic.Id, severity, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
                path, relative,
                span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1,
                span.EndLinePosition.Line + 1, span.EndLinePosition.Character + 1,
                line.ToString(), span.StartLinePosition.Character, markLength, fingerprints[i]));
        }

        return findings;
    }

    public static string RelativePath(string root, string path)
    {
        var relative = Path.IsPathRooted(path) ? Path.GetRelativePath(root, path) : path;
        return relative.Replace('\\', '/');
    }
}
