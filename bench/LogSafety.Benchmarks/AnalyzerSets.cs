using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using LogSafety.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LogSafety.Benchmarks;

/// <summary>A named group of analyzers measured together.</summary>
internal sealed record AnalyzerSet(string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers)
{
    /// <summary>Every diagnostic the set can report, turned on so the driver never skips an analyzer as disabled.</summary>
    public ImmutableDictionary<string, ReportDiagnostic> EnabledDiagnostics =>
        Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct()
            .ToImmutableDictionary(id => id, _ => ReportDiagnostic.Warn);
}

internal static class AnalyzerSets
{
    /// <summary>Every analyzer in the LogSafety.Analyzers assembly, found by reflection so new rules are measured too.</summary>
    public static AnalyzerSet LogSafety() => new(
        "LogSafety (all analyzers)",
        typeof(LoggedSecretAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray());

    public static AnalyzerSet Floor() => new("Floor (empty analyzer, same actions)", ImmutableArray.Create<DiagnosticAnalyzer>(new FloorAnalyzer()));

    /// <summary>
    /// Microsoft's LoggerMessageDefineAnalyzer (CA1848, CA2254, CA2017, CA1727) from the Microsoft.CodeAnalysis.NetAnalyzers
    /// package; the build copies the package's C# analyzer folder next to the benchmark (see the .csproj).
    /// </summary>
    public static AnalyzerSet MicrosoftLogging()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "ms-analyzers");
        var path = Path.Combine(directory, "Microsoft.CodeAnalysis.NetAnalyzers.dll");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("Microsoft.CodeAnalysis.NetAnalyzers.dll was not copied next to the benchmark; run 'dotnet restore' and rebuild.", path);
        }

        var assembly = Assembly.LoadFrom(path);
        var type = LoadableTypes(assembly).FirstOrDefault(t => t.Name == "LoggerMessageDefineAnalyzer")
            ?? throw new InvalidOperationException("LoggerMessageDefineAnalyzer not found in " + path);
        var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
        return new AnalyzerSet("Microsoft LoggerMessageDefineAnalyzer (CA1848/CA2254/CA2017)", ImmutableArray.Create(analyzer));
    }

    private static Type[] LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            // Code fixers in the same assembly need Workspaces, which a pure analyzer host does not load.
            return e.Types.Where(t => t is not null).ToArray()!;
        }
    }
}

/// <summary>The floor: registers what LogSafety registers (compilation start, invocation operations, method symbols, a compilation action) and does nothing.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class FloorAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new(
        "FLOOR01", "Floor", "Floor", "Performance", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationAction(static _ => { });
        context.RegisterCompilationStartAction(static start =>
        {
            start.RegisterOperationAction(static _ => { }, OperationKind.Invocation);
            start.RegisterSymbolAction(static _ => { }, SymbolKind.Method);
        });
    }
}
