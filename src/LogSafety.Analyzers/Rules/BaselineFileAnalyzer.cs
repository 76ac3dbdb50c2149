using System;
using System.Collections.Immutable;
using System.IO;
using LogSafety.Analyzers.Baselines;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LogSafety.Analyzers.Rules;

/// <summary>
/// LS9001: a logsafety.baseline.json given to the build that cannot be read. A suppressor cannot report diagnostics, and
/// a baseline that silently suppresses nothing would turn every accepted finding back into a warning with no reason given.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BaselineFileAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.InvalidBaseline);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationAction(AnalyzeCompilation);
    }

    private static void AnalyzeCompilation(CompilationAnalysisContext context)
    {
        foreach (var file in BaselineFiles.Read(context.Options.AdditionalFiles, context.CancellationToken))
        {
            if (file.Result.Error is not { } error)
            {
                continue;
            }

            var lines = file.Text.Lines;
            var line = lines.Count == 0 ? default : lines[Math.Max(0, Math.Min(file.Result.Line - 1, lines.Count - 1))].Span;
            var location = Location.Create(file.File.Path, line, lines.Count == 0 ? default : lines.GetLinePositionSpan(line));
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidBaseline, location, Path.GetFileName(file.File.Path), error));
        }
    }
}
