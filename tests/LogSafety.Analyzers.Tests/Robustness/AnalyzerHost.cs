using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using LogSafety.Analyzers.Rules;
using LogSafety.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace LogSafety.Analyzers.Tests.Robustness;

/// <summary>
/// Runs every analyzer of the analyzer assembly (found by reflection, so rules added later are covered) on a
/// compilation, as the compiler or an IDE host would, and records every exception an analyzer throws.
/// </summary>
internal static class AnalyzerHost
{
    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers { get; } =
        typeof(LoggedSecretAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>Every code fix provider of the code-fix assembly, found by reflection.</summary>
    public static ImmutableArray<CodeFixProvider> AllCodeFixes { get; } =
        Assembly.Load("LogSafety.CodeFixes").GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static CSharpCompilationOptions CompilationOptions { get; } =
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
            .WithSpecificDiagnosticOptions(AllAnalyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct()
                .ToImmutableDictionary(id => id, _ => ReportDiagnostic.Warn));

    public static CSharpCompilation Compile(IEnumerable<string> sources, IEnumerable<MetadataReference>? references = null) =>
        CSharpCompilation.Create(
            "Robustness",
            sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, ParseOptions, path: $"/src/File{i}.cs")),
            references ?? TestReferences.All,
            CompilationOptions);

    public static CSharpCompilation Compile(params string[] sources) => Compile((IEnumerable<string>)sources);

    public static async Task<AnalysisResult> AnalyzeAsync(
        Compilation compilation,
        IReadOnlyDictionary<string, string>? options = null,
        bool concurrent = true,
        ImmutableArray<DiagnosticAnalyzer> analyzers = default)
    {
        analyzers = analyzers.IsDefault ? AllAnalyzers : analyzers;
        var exceptions = new ConcurrentQueue<string>();
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new DictionaryOptionsProvider(options ?? new Dictionary<string, string>())),
                onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name}: {exception}"),
                concurrentAnalysis: concurrent,
                logAnalyzerExecutionTime: true,
                reportSuppressedDiagnostics: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        var telemetry = new Dictionary<DiagnosticAnalyzer, AnalyzerTelemetryInfo>();
        foreach (var analyzer in analyzers)
        {
            telemetry[analyzer] = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
        }

        foreach (var crash in diagnostics.Where(d => d.Id is "AD0001" or "AD0002"))
        {
            exceptions.Enqueue(crash.GetMessage());
        }

        return new AnalysisResult(diagnostics.Where(d => d.Id is not ("AD0001" or "AD0002")).ToImmutableArray(), exceptions.ToImmutableArray(), telemetry);
    }

    /// <summary>LogSafety's findings, each rendered by <see cref="Describe"/>, in order; the analysis must not throw.</summary>
    public static async Task<string[]> LogSafetyFindingsAsync(Compilation compilation)
    {
        var result = await AnalyzeAsync(compilation);
        Xunit.Assert.Empty(result.Exceptions);
        return result.Diagnostics.Where(d => d.Id.StartsWith("LS", StringComparison.Ordinal))
            .Select(Describe).OrderBy(d => d, StringComparer.Ordinal).ToArray();
    }

    /// <summary>A stable, comparable rendering of a diagnostic: id, location, message and properties.</summary>
    public static string Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var properties = string.Join(";", diagnostic.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
        var additional = string.Join(";", diagnostic.AdditionalLocations.Select(l => l.GetLineSpan().ToString()));
        return $"{diagnostic.Id} {span} {diagnostic.GetMessage()} [{properties}] [{additional}]";
    }
}

internal sealed record AnalysisResult(
    ImmutableArray<Diagnostic> Diagnostics,
    ImmutableArray<string> Exceptions,
    IReadOnlyDictionary<DiagnosticAnalyzer, AnalyzerTelemetryInfo> Telemetry)
{
    public TimeSpan AnalyzerTime => Telemetry.Values.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.ExecutionTime);

    public int Count(string id) => Diagnostics.Count(d => d.Id == id);
}

/// <summary>The same key/value options for the whole compilation and every file, as a global .editorconfig gives.</summary>
internal sealed class DictionaryOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly DictionaryOptions _options;

    public DictionaryOptionsProvider(IReadOnlyDictionary<string, string> values) => _options = new DictionaryOptions(values);

    public override AnalyzerConfigOptions GlobalOptions => _options;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly IReadOnlyDictionary<string, string> _values;

        public DictionaryOptions(IReadOnlyDictionary<string, string> values) =>
            _values = values.ToImmutableDictionary(pair => pair.Key, pair => pair.Value, KeyComparer);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);

        // Option keys are case-insensitive, as in .editorconfig; the keys are listed so that unknown ones can be reported.
        public override IEnumerable<string> Keys => _values.Keys;
    }
}
