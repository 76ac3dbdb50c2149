using System.Collections.Generic;
using System.Collections.Immutable;
using LogSafety.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LogSafety.Analyzers.Rules;

/// <summary>LS9000: a LogSafety .editorconfig option that cannot be read; reported once per key and problem.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OptionsValidationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.InvalidConfiguration);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationAction(AnalyzeCompilation);
    }

    private static void AnalyzeCompilation(CompilationAnalysisContext context)
    {
        var provider = context.Options.AnalyzerConfigOptionsProvider;
        var reported = new HashSet<OptionProblem>();
        Report(LogSafetyOptions.Parse(provider.GlobalOptions, checkUnknownKeys: true), context, reported);
        foreach (var tree in context.Compilation.SyntaxTrees)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            Report(LogSafetyOptions.Parse(provider.GetOptions(tree), checkUnknownKeys: true), context, reported);
        }
    }

    private static void Report(LogSafetyOptions options, CompilationAnalysisContext context, HashSet<OptionProblem> reported)
    {
        foreach (var problem in options.Problems)
        {
            if (reported.Add(problem))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidConfiguration, Location.None, problem.Key, problem.Message));
            }
        }
    }
}
