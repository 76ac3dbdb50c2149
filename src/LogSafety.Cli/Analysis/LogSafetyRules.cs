using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using LogSafety.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LogSafety.Cli.Analysis;

/// <summary>The package's own analyzers and fixers, found the way a compiler finds them: by their attributes.</summary>
internal static class LogSafetyRules
{
    /// <remarks>
    /// Without the baseline suppressor: the tool applies a baseline itself (<c>--baseline</c>), and a project that hands
    /// its logsafety.baseline.json to the compiler must not make <c>logsafety baseline</c> see nothing to accept.
    /// </remarks>
    public static ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers() =>
        Instantiate<DiagnosticAnalyzer>(typeof(Descriptors).Assembly, type =>
            !typeof(DiagnosticSuppressor).IsAssignableFrom(type)
            && type.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)));

    public static ImmutableArray<CodeFixProvider> CreateCodeFixProviders() =>
        Instantiate<CodeFixProvider>(Assembly.Load("LogSafety.CodeFixes"), type =>
            type.GetCustomAttributes<ExportCodeFixProviderAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)));

    /// <summary>Every rule's descriptor, by ID, as the analyzers declare them.</summary>
    public static IReadOnlyDictionary<string, DiagnosticDescriptor> Descriptors(IEnumerable<DiagnosticAnalyzer> analyzers)
    {
        var byId = new SortedDictionary<string, DiagnosticDescriptor>(StringComparer.Ordinal);
        foreach (var descriptor in analyzers.SelectMany(a => a.SupportedDiagnostics))
        {
            byId.TryAdd(descriptor.Id, descriptor);
        }

        return byId;
    }

    private static ImmutableArray<T> Instantiate<T>(Assembly assembly, Func<Type, bool> isExported)
        where T : class =>
        assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(T).IsAssignableFrom(type) && isExported(type))
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (T)Activator.CreateInstance(type)!)
            .ToImmutableArray();
}
