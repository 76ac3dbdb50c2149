using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LogSafety.Analyzers.Tests.Robustness;
using LogSafety.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LogSafety.Analyzers.Tests.CodeFixes;

/// <summary>
/// Applies LogSafety's fixes to a project the way <c>dotnet format analyzers</c> does (its SolutionCodeFixApplier):
/// per reported rule ID, analyze again, then for each fixer of that ID register fixes for the first diagnostic of the
/// analysis — whatever its ID — take that action's equivalence key (null when the fixer offered nothing) and ask the
/// fixer's Fix All provider for a solution-wide fix. The order diagnostics arrive in is shuffled with a seed, as
/// concurrent analysis shuffles it.
/// </summary>
internal static class FormatAnalyzersHost
{
    /// <summary>The fixers in the order dotnet format loads them: the order of the assembly's types.</summary>
    public static ImmutableArray<CodeFixProvider> FixersInLoadOrder { get; } =
        typeof(LogSafety.CodeFixes.RemoveLoggedValueCodeFixProvider).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(ExportCodeFixProviderAttribute), false).Length > 0)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    public static ImmutableArray<string> SecretRuleIds { get; } = ImmutableArray.Create("LS0001", "LS0002", "LS0003", "LS0004", "LS0005", "LS0006", "LS0007");

    public static ImmutableArray<string> AllFixableRuleIds { get; } = SecretRuleIds.AddRange(new[] { "LS0010", "LS0011", "LS0012" });

    /// <summary>The global usings of an SDK web project with ImplicitUsings enabled.</summary>
    public const string WebImplicitUsings = """
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Net.Http.Json;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    /// <summary>The .cs files of a directory (bin and obj left out), with paths relative to it.</summary>
    public static ImmutableArray<(string Path, string Text)> SourcesUnder(string directory) =>
        Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(directory, path).Replace('\\', '/'))
            .Where(path => !path.StartsWith("bin/", StringComparison.Ordinal) && !path.StartsWith("obj/", StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (path, File.ReadAllText(Path.Combine(directory, path))))
            .ToImmutableArray();

    public static Solution CreateSolution(IEnumerable<(string Path, string Text)> sources)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var references = TestReferences.All.Add(MetadataReference.CreateFromFile(typeof(Microsoft.EntityFrameworkCore.InMemoryDbContextOptionsExtensions).Assembly.Location));
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            "App",
            "App",
            LanguageNames.CSharp,
            filePath: "/app/App.csproj",
            compilationOptions: new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: references));
        solution = solution.AddDocument(DocumentId.CreateNewId(projectId), "GlobalUsings.g.cs", SourceText.From(WebImplicitUsings), filePath: "/app/obj/GlobalUsings.g.cs");
        foreach (var (path, text) in sources)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), Path.GetFileName(path), SourceText.From(text), filePath: "/app/" + path);
        }

        return solution;
    }

    public static async Task<FormatRun> RunAsync(Solution solution, ImmutableArray<string> ruleIds, int seed)
    {
        var random = new Random(seed);
        var project = solution.Projects.Single();
        var before = await AnalyzeAsync(project, ruleIds, random);
        var problems = new List<string>();

        // dotnet format goes through the reported IDs in the order of a hash set: any order.
        foreach (var id in before.Select(d => d.Id).Distinct().OrderBy(_ => random.Next()).ToList())
        {
            var diagnostics = await AnalyzeAsync(solution.Projects.Single(), ruleIds, random);
            if (diagnostics.IsEmpty)
            {
                continue;
            }

            foreach (var fixer in FixersInLoadOrder.Where(f => f.FixableDiagnosticIds.Contains(id)))
            {
                var changed = await ApplyFixAllAsync(solution, diagnostics, fixer, id, problems);
                if (changed.GetChanges(solution).GetProjectChanges().Any())
                {
                    solution = changed;
                }
            }
        }

        var after = await AnalyzeAsync(solution.Projects.Single(), ruleIds, random: null);
        var errors = await CompileErrorsAsync(solution.Projects.Single());
        var texts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in solution.Projects.Single().Documents)
        {
            texts[document.FilePath!] = (await document.GetTextAsync()).ToString();
        }

        return new FormatRun(before.Length, after.Select(Describe).ToImmutableArray(), errors, problems.ToImmutableArray(), texts, solution);
    }

    /// <summary>Errors of the project compiled with the [LoggerMessage] generator, as the SDK builds it.</summary>
    public static async Task<ImmutableArray<string>> CompileErrorsAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var generators = LoggerMessageGenerator();
        if (!generators.IsEmpty)
        {
            CSharpGeneratorDriver.Create(generators.ToArray()).RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
            compilation = generated;
            if (generatorDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                return generatorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(Describe).ToImmutableArray();
            }
        }

        return compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            // Without the generator (not found next to the SDK) its partial methods have no implementation.
            .Where(d => !(generators.IsEmpty && d.Id == "CS8795"))
            .Select(Describe)
            .ToImmutableArray();
    }

    /// <summary>The LoggerMessage source generator of the ASP.NET Core targeting pack the tests run on, if present.</summary>
    private static ImmutableArray<ISourceGenerator> LoggerMessageGenerator()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var packs = Path.GetFullPath(Path.Combine(runtime, "..", "..", "..", "packs", "Microsoft.AspNetCore.App.Ref"));
        if (!Directory.Exists(packs))
        {
            return ImmutableArray<ISourceGenerator>.Empty;
        }

        var path = Directory.GetFiles(packs, "Microsoft.Extensions.Logging.Generators.dll", SearchOption.AllDirectories)
            .OrderByDescending(p => p, StringComparer.Ordinal)
            .FirstOrDefault();
        return path is null
            ? ImmutableArray<ISourceGenerator>.Empty
            : new AnalyzerFileReference(path, new GeneratorAssemblyLoader()).GetGenerators(LanguageNames.CSharp);
    }

    private sealed class GeneratorAssemblyLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public System.Reflection.Assembly LoadFromPath(string fullPath) => System.Reflection.Assembly.LoadFrom(fullPath);
    }

    private static async Task<Solution> ApplyFixAllAsync(Solution solution, ImmutableArray<Diagnostic> diagnostics, CodeFixProvider fixer, string id, List<string> problems)
    {
        var first = diagnostics.FirstOrDefault(d => d.Location.SourceTree is not null);
        if (first is null || solution.GetDocument(first.Location.SourceTree) is not { } document)
        {
            return solution;
        }

        CodeAction? action = null;
        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, first, (a, _) => action ??= a, CancellationToken.None));
        var context = new FixAllContext(
            document, fixer, FixAllScope.Solution, action?.EquivalenceKey!, new[] { id }, new DiagnosticsInHand(diagnostics), CancellationToken.None);
        var fixAll = fixer.GetFixAllProvider() is { } provider ? await provider.GetFixAsync(context) : null;
        if (fixAll is null)
        {
            problems.Add($"{id}: {fixer.GetType().Name} returned no Fix All action (first diagnostic {first.Id})");
            return solution;
        }

        var operations = await fixAll.GetOperationsAsync(CancellationToken.None);
        return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
    }

    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project, ImmutableArray<string> ruleIds, Random? random)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var analyzers = AnalyzerHost.AllAnalyzers.Where(a => a.SupportedDiagnostics.Any(d => ruleIds.Contains(d.Id))).ToImmutableArray();
        var diagnostics = await compilation
            .WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(project.AnalyzerOptions, null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        var ordered = diagnostics.Where(d => ruleIds.Contains(d.Id))
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal);
        return (random is null ? ordered : ordered.OrderBy(_ => random.Next())).ToImmutableArray();
    }

    public static string Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return $"{Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {diagnostic.Id} {diagnostic.GetMessage()}";
    }

    private sealed class DiagnosticsInHand : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public DiagnosticsInHand(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(_diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
    }
}

/// <summary>What one emulated <c>dotnet format analyzers</c> run did.</summary>
internal sealed record FormatRun(
    int FindingsBefore,
    ImmutableArray<string> FindingsAfter,
    ImmutableArray<string> CompileErrors,
    ImmutableArray<string> Problems,
    SortedDictionary<string, string> Texts,
    Solution Solution)
{
    public double FixedShare => FindingsBefore == 0 ? 1 : 1 - (double)FindingsAfter.Length / FindingsBefore;
}
