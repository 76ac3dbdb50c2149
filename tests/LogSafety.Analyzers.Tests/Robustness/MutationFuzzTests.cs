using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LogSafety.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Abstractions;

namespace LogSafety.Analyzers.Tests.Robustness;

/// <summary>
/// Seeded mutation fuzzing: the rule tests' programs and the sample, with tokens and lines deleted, files truncated,
/// braces and quotes unbalanced. Every analyzer runs on every variant and every code fix on every diagnostic it
/// can fix (one by one and with its Fix All provider): none may throw, and every fixed document must parse;
/// a document that parsed cleanly before the fix must parse cleanly after it.
/// </summary>
public sealed class MutationFuzzTests
{
    private const int Variants = 300;
    private const int Seed = 20_261_127;

    private static readonly string[] Insertions = { "{", "}", "\"", "(", ")", "\"\"\"", "$\"{", "/*", "'", "@", ";", "<", "[", "#if X\n", "=>" };

    private readonly ITestOutputHelper _output;

    public MutationFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task MutatedSources_NoAnalyzerOrFixerThrows_AndFixesParse()
    {
        var seeds = SeedSources.All;
        Assert.NotEmpty(seeds);
        var random = new Random(Seed);
        var failures = new List<string>();
        var diagnosticsSeen = 0;
        var fixesApplied = 0;
        for (var variant = 0; variant < Variants; variant++)
        {
            var seed = seeds[random.Next(seeds.Count)];
            // One in ten variants is the program unchanged, so fixes run on valid code too.
            var text = variant % 10 == 0 ? seed : Mutate(seed, random);
            var (diagnostics, fixes) = await RunAsync(text, failures, $"variant {variant}");
            diagnosticsSeen += diagnostics;
            fixesApplied += fixes;
        }

        _output.WriteLine($"{Variants} variants of {seeds.Count} programs: {diagnosticsSeen} diagnostics, {fixesApplied} fixes applied, {AnalyzerHost.AllCodeFixes.Length} fixers");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(5)));
        Assert.True(diagnosticsSeen > 0, "the fuzzer never produced a diagnostic: the seeds or the harness are broken");
    }

    internal static string Mutate(string text, Random random)
    {
        var mutations = random.Next(1, 4);
        for (var i = 0; i < mutations && text.Length > 0; i++)
        {
            text = random.Next(6) switch
            {
                0 => DeleteToken(text, random),
                1 => DeleteLine(text, random),
                2 => text.Substring(0, random.Next(text.Length)),
                3 => text.Insert(random.Next(text.Length + 1), Insertions[random.Next(Insertions.Length)]),
                4 => DeleteRange(text, random),
                _ => DuplicateLine(text, random),
            };
        }

        return text;
    }

    private static string DeleteToken(string text, Random random)
    {
        var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToList();
        if (tokens.Count == 0)
        {
            return text;
        }

        var span = tokens[random.Next(tokens.Count)].Span;
        return text.Remove(span.Start, span.Length);
    }

    private static string DeleteLine(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        lines.RemoveAt(random.Next(lines.Count));
        return string.Join("\n", lines);
    }

    private static string DuplicateLine(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var index = random.Next(lines.Count);
        lines.Insert(random.Next(lines.Count + 1), lines[index]);
        return string.Join("\n", lines);
    }

    private static string DeleteRange(string text, Random random)
    {
        var start = random.Next(text.Length);
        return text.Remove(start, Math.Min(text.Length - start, random.Next(1, 40)));
    }

    /// <summary>Analyzes one program in a workspace and applies every fix to every diagnostic; returns the counts.</summary>
    internal static async Task<(int Diagnostics, int Fixes)> RunAsync(string text, List<string> failures, string name)
    {
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var documentId = DocumentId.CreateNewId(projectId);
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Fuzz", "Fuzz", LanguageNames.CSharp,
                compilationOptions: AnalyzerHost.CompilationOptions, parseOptions: AnalyzerHost.ParseOptions, metadataReferences: TestReferences.All))
            .AddDocument(documentId, "Fuzz.cs", SourceText.From(text), filePath: "/src/Fuzz.cs");
        var document = solution.GetDocument(documentId)!;
        var compilation = (await document.Project.GetCompilationAsync())!;
        var result = await AnalyzerHost.AnalyzeAsync(compilation, concurrent: false);
        foreach (var exception in result.Exceptions)
        {
            failures.Add($"{name}: analyzer threw: {exception}\n--- source ---\n{text}");
        }

        var parsedCleanly = !(await document.GetSyntaxRootAsync())!.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
        var fixes = 0;
        foreach (var fixer in AnalyzerHost.AllCodeFixes)
        {
            var fixable = result.Diagnostics.Where(d => fixer.FixableDiagnosticIds.Contains(d.Id) && d.Location.IsInSource).ToList();
            string? equivalenceKey = null;
            foreach (var diagnostic in fixable)
            {
                var actions = new List<CodeAction>();
                try
                {
                    await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                }
                catch (Exception exception)
                {
                    failures.Add($"{name}: {fixer.GetType().Name}.RegisterCodeFixesAsync threw on {diagnostic}: {exception}\n--- source ---\n{text}");
                    continue;
                }

                foreach (var action in actions)
                {
                    equivalenceKey ??= action.EquivalenceKey;
                    fixes += await ApplyAsync(action, solution, parsedCleanly, failures, $"{name}: {fixer.GetType().Name} '{action.Title}' on {diagnostic}", text);
                }
            }

            if (equivalenceKey is not null && fixer.GetFixAllProvider() is { } fixAll)
            {
                fixes += await FixAllAsync(fixer, fixAll, document, equivalenceKey, fixable, parsedCleanly, failures, $"{name}: {fixer.GetType().Name} Fix All", text);
            }
        }

        return (result.Diagnostics.Length, fixes);
    }

    private static async Task<int> FixAllAsync(
        CodeFixProvider fixer,
        FixAllProvider fixAll,
        Document document,
        string? equivalenceKey,
        IReadOnlyList<Diagnostic> diagnostics,
        bool parsedCleanly,
        List<string> failures,
        string name,
        string text)
    {
        try
        {
            var context = new FixAllContext(
                document,
                fixer,
                FixAllScope.Document,
                equivalenceKey,
                diagnostics.Select(d => d.Id).Distinct(),
                new FixedDiagnosticProvider(diagnostics),
                CancellationToken.None);
            var action = await fixAll.GetFixAsync(context);
            return action is null ? 0 : await ApplyAsync(action, document.Project.Solution, parsedCleanly, failures, name, text);
        }
        catch (Exception exception)
        {
            failures.Add($"{name} threw: {exception}\n--- source ---\n{text}");
            return 0;
        }
    }

    private static async Task<int> ApplyAsync(CodeAction action, Solution solution, bool parsedCleanly, List<string> failures, string name, string text)
    {
        ImmutableArray<CodeActionOperation> operations;
        try
        {
            operations = await action.GetOperationsAsync(CancellationToken.None);
        }
        catch (Exception exception)
        {
            failures.Add($"{name}: GetOperationsAsync threw: {exception}\n--- source ---\n{text}");
            return 0;
        }

        var applied = 0;
        foreach (var operation in operations.OfType<ApplyChangesOperation>())
        {
            var changes = operation.ChangedSolution.GetChanges(solution);
            foreach (var project in changes.GetProjectChanges())
            {
                foreach (var id in project.GetChangedDocuments())
                {
                    var fixedText = (await operation.ChangedSolution.GetDocument(id)!.GetTextAsync()).ToString();
                    var errors = CSharpSyntaxTree.ParseText(fixedText, AnalyzerHost.ParseOptions).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                    if (parsedCleanly && errors.Count > 0)
                    {
                        failures.Add($"{name}: the fix broke the syntax: {errors[0]}\n--- before ---\n{text}\n--- after ---\n{fixedText}");
                    }

                    applied++;
                }
            }
        }

        return applied;
    }

    private sealed class FixedDiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        private readonly IReadOnlyList<Diagnostic> _diagnostics;

        public FixedDiagnosticProvider(IReadOnlyList<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(Array.Empty<Diagnostic>());
    }
}
