using System.Collections.Immutable;
using LogSafety.Analyzers.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Logging;

/// <summary>What a containing type is to logging.</summary>
internal enum LogTypeRole
{
    None,
    MelLogger,
    Serilog,
    NLog,
    Log4Net,
    ConsoleOrTrace,
    TextWriter,
}

/// <summary>
/// The logging role of each containing type, computed once per type per compilation (interfaces and base types walked
/// once). Thread-safe.
/// </summary>
internal sealed class LogTypeRoles
{
    private readonly LoggingSymbols _symbols;
    private readonly ReferenceCache<INamedTypeSymbol, LogTypeRole> _roles = new(SymbolEqualityComparer.Default);
    private readonly System.Func<INamedTypeSymbol, LogTypeRole> _compute;

    public LogTypeRoles(LoggingSymbols symbols)
    {
        _symbols = symbols;
        _compute = Compute;
    }

    public LogTypeRole Of(INamedTypeSymbol type) => _roles.GetOrAdd(type.OriginalDefinition, _compute);

    /// <summary>Console.Out.WriteLine(...) and Console.Error.WriteLineAsync(...).</summary>
    public bool IsConsoleWriter(IInvocationOperation invocation) =>
        invocation.Instance is IPropertyReferenceOperation { Property.Name: "Out" or "Error" } property
        && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, _symbols.Console);

    public bool IsException(ITypeSymbol type) => _symbols.Exception is { } exception && InheritsFrom(type, exception);

    private LogTypeRole Compute(INamedTypeSymbol type)
    {
        if (type.TypeKind is TypeKind.Enum or TypeKind.Delegate || type.SpecialType != SpecialType.None)
        {
            return LogTypeRole.None;
        }

        if (Is(type, _symbols.MelILogger) || Implements(type, _symbols.MelILogger))
        {
            return LogTypeRole.MelLogger;
        }

        if (_symbols.SerilogILogger is not null
            && (Is(type, _symbols.SerilogILogger) || Is(type, _symbols.SerilogLog) || Is(type, _symbols.SerilogLogContext) || Is(type, _symbols.SerilogLoggerExtensions) || Implements(type, _symbols.SerilogILogger)
                || Is(type, _symbols.SerilogDiagnosticContext) || Implements(type, _symbols.SerilogDiagnosticContext)))
        {
            return LogTypeRole.Serilog;
        }

        if (_symbols.NLogILogger is not null
            && (Is(type, _symbols.NLogILogger) || Is(type, _symbols.NLogLogger) || Is(type, _symbols.NLogILoggerBase)
                || Is(type, _symbols.NLogEventBuilder) || Is(type, _symbols.NLogScopeContext) || Is(type, _symbols.NLogLogEventInfo)
                || Is(type, _symbols.NLogILoggerExtensions) || IsAny(type, _symbols.NLogContexts)
                || Implements(type, _symbols.NLogILogger) || InheritsFrom(type, _symbols.NLogLogger)))
        {
            return LogTypeRole.NLog;
        }

        if (_symbols.Log4NetILog is not null
            && (Is(type, _symbols.Log4NetILog) || Implements(type, _symbols.Log4NetILog) || IsAny(type, _symbols.Log4NetContexts)
                || Is(type, _symbols.Log4NetCoreILogger) || Implements(type, _symbols.Log4NetCoreILogger)))
        {
            return LogTypeRole.Log4Net;
        }

        if (Is(type, _symbols.Console) || Is(type, _symbols.Debug) || Is(type, _symbols.Trace) || Is(type, _symbols.TraceSource))
        {
            return LogTypeRole.ConsoleOrTrace;
        }

        return _symbols.TextWriter is { } writer && InheritsFrom(type, writer) ? LogTypeRole.TextWriter : LogTypeRole.None;
    }

    private static bool Is(INamedTypeSymbol type, INamedTypeSymbol? candidate) =>
        candidate is not null && SymbolEqualityComparer.Default.Equals(type, candidate);

    internal static bool IsAny(INamedTypeSymbol type, ImmutableArray<INamedTypeSymbol> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (SymbolEqualityComparer.Default.Equals(type, candidate))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Implements(INamedTypeSymbol type, INamedTypeSymbol? @interface)
    {
        if (@interface is null || type.TypeKind is TypeKind.Enum or TypeKind.Delegate)
        {
            return false;
        }

        foreach (var candidate in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, @interface))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InheritsFrom(ITypeSymbol type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
