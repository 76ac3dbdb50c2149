using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LogSafety.Analyzers.Baselines;
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
            // A multi-targeted project is loaded once per target framework: its files are analyzed once.
            var documents = project.Documents.Where(d => isReported(d.FilePath) && (d.FilePath is null || seenDocuments.Add(d.FilePath))).ToList();
            if (documents.Count == 0)
            {
                continue;
            }

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
            progress.Status($"Analyzing {project.Name} ({documents.Count} documents)");
            var reported = documents.Select(d => d.FilePath).OfType<string>().ToHashSet(StringComparer.Ordinal);
            // One call for the whole compilation: asking document by document costs far more than the analyzers do.
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.Location.SourceTree is not { } tree)
                {
                    if (diagnostic.Severity >= DiagnosticSeverity.Warning)
                    {
                        result.Notes.Add($"{project.Name}: {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
                    }

                    continue;
                }

                if (reported.Contains(tree.FilePath)
                    && ConfiguredSeverity.Of(diagnostic, project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree)) is { } severity)
                {
                    raw.Add((diagnostic, tree.FilePath, severity));
                }
            }

            done += documents.Count;
            result.DocumentsAnalyzed += documents.Count;
            progress.DocumentAnalyzed(done, total);
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

        result.Findings.AddRange(await ToFindingsAsync(raw, result.Root, result.FingerprintRoot, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<List<Finding>> ToFindingsAsync(List<(Diagnostic Diagnostic, string Path, DiagnosticSeverity Severity)> raw, string root, string fingerprintRoot, CancellationToken cancellationToken)
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

        var findings = new List<Finding>(unique.Count);
        foreach (var (diagnostic, path, severity, relative) in unique)
        {
            // The same code, root convention and path form as the build's BaselineSuppressor, so a baseline works in both.
            var fingerprintPath = BaselinePaths.Relative(fingerprintRoot, path);
            var syntaxRoot = await diagnostic.Location.SourceTree!.GetRootAsync(cancellationToken).ConfigureAwait(false);
            var fingerprint = Fingerprint.Of(diagnostic.Id, fingerprintPath, syntaxRoot, diagnostic.Location.SourceSpan);
            var span = diagnostic.Location.GetLineSpan();
            var text = diagnostic.Location.SourceTree!.GetText(cancellationToken);
            var line = text.Lines[span.StartLinePosition.Line];
            var markLength = span.EndLinePosition.Line == span.StartLinePosition.Line
                ? Math.Max(1, span.EndLinePosition.Character - span.StartLinePosition.Character)
                : Math.Max(1, line.End - line.Start - span.StartLinePosition.Character);
            findings.Add(new Finding(
                diagnostic.Id, severity, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
                path, relative, fingerprintPath,
                span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1,
                span.EndLinePosition.Line + 1, span.EndLinePosition.Character + 1,
                line.ToString(), span.StartLinePosition.Character, markLength, fingerprint));
        }

        return findings;
    }

    public static string RelativePath(string root, string path)
    {
        var relative = Path.IsPathRooted(path) ? Path.GetRelativePath(root, path) : path;
        return relative.Replace('\\', '/');
    }
}
