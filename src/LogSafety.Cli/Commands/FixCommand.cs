using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LogSafety.Cli.Analysis;
using LogSafety.Cli.Loading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LogSafety.Cli.Commands;

/// <summary>
/// `logsafety fix`: the package's own fixers, through their Fix All providers, project by project. Files are written
/// only when the fixed code compiles with no new error, each to a temporary file first and then moved into place.
/// </summary>
internal static class FixCommand
{
    public static async Task<int> RunAsync(ScanOptions options, IReadOnlyCollection<string> rules, bool dryRun, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        try
        {
            var clock = Stopwatch.StartNew();
            var progress = new ConsoleProgress(stderr, terminal: Terminal.IsStandardError(stderr), options.Quiet);
            var target = ScanTarget.Resolve(options.Path, options.Loose);
            var result = new ScanResult { Root = target.Root, FingerprintRoot = target.Root, Mode = target.IsLoose ? "loose" : "project" };
            using var loaded = await Scanner.LoadAsync(target, options, result, progress, clock, cancellationToken).ConfigureAwait(false);
            var analyzers = LogSafetyRules.CreateAnalyzers();
            var fixers = LogSafetyRules.CreateCodeFixProviders();
            var original = loaded.Workspace.CurrentSolution;
            var solution = original;
            var allIds = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Where(id => rules.Count == 0 || rules.Contains(id)).ToHashSet();
            var found = await CountAsync(solution, loaded, analyzers, allIds, cancellationToken).ConfigureAwait(false);
            foreach (var projectId in loaded.Projects)
            {
                foreach (var fixer in fixers)
                {
                    foreach (var id in fixer.FixableDiagnosticIds.Where(id => rules.Count == 0 || rules.Contains(id)))
                    {
                        var project = solution.GetProject(projectId)!;
                        var diagnostics = await DiagnosticsAsync(project, analyzers, [id], loaded.IsReported, cancellationToken).ConfigureAwait(false);
                        if (diagnostics.IsEmpty)
                        {
                            continue;
                        }

                        var fixedSolution = await FixAllAsync(project, fixer, id, diagnostics, analyzers, loaded.IsReported, cancellationToken).ConfigureAwait(false);
                        solution = fixedSolution ?? solution;
                    }
                }
            }

            var changed = solution.GetChanges(original).GetProjectChanges().SelectMany(p => p.GetChangedDocuments()).Distinct().ToList();
            if (changed.Count == 0)
            {
                stdout.WriteLine("Nothing to fix.");
                return 0;
            }

            var newErrors = await NewErrorsAsync(original, solution, loaded.Projects, cancellationToken).ConfigureAwait(false);
            foreach (var documentId in changed)
            {
                var before = await original.GetDocument(documentId)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
                var after = await solution.GetDocument(documentId)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
                var path = original.GetDocument(documentId)!.FilePath!;
                if (dryRun)
                {
                    WriteDiff(stdout, ProjectScanner.RelativePath(target.Root, path), before, after);
                }
            }

            if (newErrors.Count > 0)
            {
                stderr.WriteLine($"logsafety: error: the fixed code does not compile ({newErrors.Count} new error(s)); no file was written:");
                foreach (var error in newErrors.Take(10))
                {
                    stderr.WriteLine("  " + error);
                }

                return 1;
            }

            if (!dryRun)
            {
                foreach (var documentId in changed)
                {
                    var document = solution.GetDocument(documentId)!;
                    var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
                    WriteAtomically(original.GetDocument(documentId)!.FilePath!, text);
                }
            }

            var remaining = await CountAsync(solution, loaded, analyzers, allIds, cancellationToken).ConfigureAwait(false);
            stdout.WriteLine($"{(dryRun ? "Would fix" : "Fixed")} {found - remaining} of {found} finding(s) in {changed.Count} file(s); the fixed code compiles with no new error"
                + (dryRun ? " (dry run: no file written)." : ".") + (remaining > 0 ? $" {remaining} finding(s) have no automatic fix." : ""));
            return 0;
        }
        catch (UsageException e)
        {
            stderr.WriteLine("logsafety: error: " + e.Message);
            return 2;
        }
    }

    private static async Task<int> CountAsync(Solution solution, Scanner.LoadedTarget loaded, ImmutableArray<DiagnosticAnalyzer> analyzers,
        IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var id in loaded.Projects)
        {
            count += (await DiagnosticsAsync(solution.GetProject(id)!, analyzers, ids, loaded.IsReported, cancellationToken).ConfigureAwait(false)).Length;
        }

        return count;
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Project project, ImmutableArray<DiagnosticAnalyzer> analyzers,
        IReadOnlyCollection<string> ids, Func<string?, bool> isReported, CancellationToken cancellationToken)
    {
        var all = await AllDiagnosticsAsync(project, analyzers, isReported, cancellationToken).ConfigureAwait(false);
        return all.Where(d => ids.Contains(d.Id)).ToImmutableArray();
    }

    /// <summary>
    /// Every reported LogSafety diagnostic of one project snapshot, computed once: asking for each rule in turn, then
    /// for Fix All, then for the count, would otherwise bind every method body of the project again each time. A fixed
    /// project is a new snapshot, so it is analyzed afresh.
    /// </summary>
    private static Task<ImmutableArray<Diagnostic>> AllDiagnosticsAsync(Project project, ImmutableArray<DiagnosticAnalyzer> analyzers,
        Func<string?, bool> isReported, CancellationToken cancellationToken)
    {
        var cached = Analyzed.GetValue(project, _ => new AnalyzedProject());
        lock (cached)
        {
            if (cached.Diagnostics is null || cached.Analyzers != analyzers)
            {
                cached.Analyzers = analyzers;
                cached.Diagnostics = AnalyzeAsync(project, analyzers, isReported, cancellationToken);
            }

            return cached.Diagnostics;
        }
    }

    private static readonly ConditionalWeakTable<Project, AnalyzedProject> Analyzed = new();

    private sealed class AnalyzedProject
    {
        public ImmutableArray<DiagnosticAnalyzer> Analyzers;
        public Task<ImmutableArray<Diagnostic>>? Diagnostics;
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project, ImmutableArray<DiagnosticAnalyzer> analyzers,
        Func<string?, bool> isReported, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null)
        {
            return ImmutableArray<Diagnostic>.Empty;
        }

        var diagnostics = await compilation.WithAnalyzers(analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        return diagnostics.Where(d => d.Location.SourceTree is { } tree && isReported(tree.FilePath)
                && ConfiguredSeverity.Of(d, project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree)) is not null)
            .ToImmutableArray();
    }

    private static async Task<Solution?> FixAllAsync(Project project, CodeFixProvider fixer, string id, ImmutableArray<Diagnostic> diagnostics,
        ImmutableArray<DiagnosticAnalyzer> analyzers, Func<string?, bool> isReported, CancellationToken cancellationToken)
    {
        var fixAll = fixer.GetFixAllProvider();
        if (fixAll is null)
        {
            return null;
        }

        // Fix All starts from one fixable diagnostic: the first may have no fix (its value cannot be taken out) while
        // the others do.
        var actions = new List<CodeAction>();
        Document? document = null;
        foreach (var diagnostic in diagnostics)
        {
            document = project.GetDocument(diagnostic.Location.SourceTree);
            if (document is null)
            {
                continue;
            }

            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken)).ConfigureAwait(false);
            if (actions.Count > 0)
            {
                break;
            }
        }

        if (actions.Count == 0 || document is null)
        {
            return null;
        }

        var provider = new AnalyzerDiagnosticProvider(analyzers, isReported);
        var context = new FixAllContext(document, fixer, FixAllScope.Project, actions[0].EquivalenceKey, [id], provider, cancellationToken);
        var fix = await fixAll.GetFixAsync(context).ConfigureAwait(false);
        if (fix is null)
        {
            return null;
        }

        var operations = await fix.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
        return operations.OfType<ApplyChangesOperation>().FirstOrDefault()?.ChangedSolution;
    }

    private static async Task<List<string>> NewErrorsAsync(Solution before, Solution after, IReadOnlyList<ProjectId> projects, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        foreach (var id in projects)
        {
            var old = await before.GetProject(id)!.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            var @new = await after.GetProject(id)!.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            static IEnumerable<string> Keys(Compilation? c) => c is null ? [] : c.GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => $"{Path.GetFileName(d.Location.SourceTree?.FilePath)}: {d.Id}");
            // By file and error code, not message: a fix that changes a signature changes the text of an error that was already there.
            var known = Keys(old).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
            foreach (var key in Keys(@new))
            {
                if (known.TryGetValue(key, out var count) && count > 0)
                {
                    known[key] = count - 1;
                }
                else
                {
                    errors.Add(key);
                }
            }
        }

        return errors;
    }

    /// <summary>A unified diff of the lines, with two lines of context around each change.</summary>
    private static void WriteDiff(TextWriter output, string path, SourceText before, SourceText after)
    {
        output.WriteLine($"--- a/{path}");
        output.WriteLine($"+++ b/{path}");
        foreach (var hunk in LineDiff.Hunks(before.Lines.Select(l => l.ToString()).ToArray(), after.Lines.Select(l => l.ToString()).ToArray(), context: 2))
        {
            output.WriteLine(hunk);
        }
    }

    private static void WriteAtomically(string path, SourceText text)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var writer = new StreamWriter(temporary, append: false, text.Encoding ?? new UTF8Encoding(false)))
            {
                text.Write(writer);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>What Fix All asks for: the LogSafety diagnostics of a document or a project, from the same analyzers.</summary>
    private sealed class AnalyzerDiagnosticProvider(ImmutableArray<DiagnosticAnalyzer> analyzers, Func<string?, bool> isReported) : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var all = await GetAllDiagnosticsAsync(document.Project, cancellationToken).ConfigureAwait(false);
            return all.Where(d => d.Location.SourceTree?.FilePath == document.FilePath);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            await DiagnosticsAsync(project, analyzers, analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet(), isReported, cancellationToken).ConfigureAwait(false);
    }
}
