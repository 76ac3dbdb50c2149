using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LogSafety.Analyzers.Tests.Conventions;

/// <summary>Every analyzer the package ships and every descriptor they or <see cref="Descriptors"/> declare.</summary>
internal static class RuleCatalog
{
    public static Assembly AnalyzerAssembly => typeof(Descriptors).Assembly;

    /// <summary>Concrete [DiagnosticAnalyzer] types of the analyzer assembly, found by reflection so that new ones are covered.</summary>
    public static ImmutableArray<Type> AnalyzerTypes { get; } = AnalyzerAssembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToImmutableArray();

    public static DiagnosticAnalyzer CreateAnalyzer(Type type) => (DiagnosticAnalyzer)Activator.CreateInstance(type)!;

    public static DiagnosticAnalyzer CreateAnalyzer(string fullName) =>
        CreateAnalyzer(AnalyzerTypes.Single(t => t.FullName == fullName));

    /// <summary>Descriptors.All plus whatever any analyzer supports, one per ID, ordered by ID.</summary>
    public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = LogSafety.Analyzers.Descriptors.All
        .Concat(AnalyzerTypes.SelectMany(t => CreateAnalyzer(t).SupportedDiagnostics))
        .GroupBy(d => d.Id, StringComparer.Ordinal)
        .Select(g => g.First())
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToImmutableArray();

    public static DiagnosticDescriptor Descriptor(string id) => Descriptors.Single(d => d.Id == id);
}
