using System.Collections.Immutable;
using LogSafety.Analyzers.Roslyn;
using Microsoft.CodeAnalysis;

namespace LogSafety.Analyzers.Logging;

/// <summary>
/// The logging API symbols of one compilation, resolved once at compilation start. A null member means the library is
/// not referenced; <see cref="HasAnyLoggingLibrary"/> lets analyzers return at once in projects that log nothing.
/// </summary>
internal sealed class LoggingSymbols
{
    private LoggingSymbols(Compilation compilation)
    {
        MelLoggerExtensions = TypeLookup.Find(compilation, "Microsoft.Extensions.Logging.LoggerExtensions");
        MelILogger = TypeLookup.Find(compilation, "Microsoft.Extensions.Logging.ILogger");
        MelLoggerMessage = TypeLookup.Find(compilation, "Microsoft.Extensions.Logging.LoggerMessage");
        MelLoggerMessageAttribute = TypeLookup.Find(compilation, "Microsoft.Extensions.Logging.LoggerMessageAttribute");
        MelLogLevel = TypeLookup.Find(compilation, "Microsoft.Extensions.Logging.LogLevel");
        MelEventId = TypeLookup.Find(compilation, "Microsoft.Extensions.Logging.EventId");

        SerilogILogger = TypeLookup.Find(compilation, "Serilog.ILogger");
        SerilogLog = TypeLookup.Find(compilation, "Serilog.Log");
        SerilogLogContext = TypeLookup.Find(compilation, "Serilog.Context.LogContext");
        SerilogDiagnosticContext = TypeLookup.Find(compilation, "Serilog.IDiagnosticContext");
        SerilogLevel = TypeLookup.Find(compilation, "Serilog.Events.LogEventLevel");
        SerilogPropertyEnricher = SerilogILogger is null ? null : TypeLookup.Find(compilation, "Serilog.Core.Enrichers.PropertyEnricher");
        SerilogLoggerExtensions = SerilogILogger is null ? null : TypeLookup.Find(compilation, "Serilog.LoggerExtensions");

        NLogILogger = TypeLookup.Find(compilation, "NLog.ILogger");
        NLogILoggerBase = TypeLookup.Find(compilation, "NLog.ILoggerBase");
        NLogLogger = TypeLookup.Find(compilation, "NLog.Logger");
        NLogEventBuilder = TypeLookup.Find(compilation, "NLog.LogEventBuilder");
        NLogScopeContext = TypeLookup.Find(compilation, "NLog.ScopeContext");
        NLogLevel = TypeLookup.Find(compilation, "NLog.LogLevel");
        NLogLogEventInfo = TypeLookup.Find(compilation, "NLog.LogEventInfo");
        NLogILoggerExtensions = TypeLookup.Find(compilation, "NLog.ILoggerExtensions");
        NLogContexts = NLogILogger is null
            ? ImmutableArray<INamedTypeSymbol>.Empty
            : FindAll(
                compilation,
                "NLog.MappedDiagnosticsContext",
                "NLog.MappedDiagnosticsLogicalContext",
                "NLog.NestedDiagnosticsContext",
                "NLog.NestedDiagnosticsLogicalContext",
                "NLog.Common.InternalLogger");

        Log4NetILog = TypeLookup.Find(compilation, "log4net.ILog");
        Log4NetCoreILogger = Log4NetILog is null ? null : TypeLookup.Find(compilation, "log4net.Core.ILogger");
        Log4NetLevel = Log4NetILog is null ? null : TypeLookup.Find(compilation, "log4net.Core.Level");
        Log4NetContextProperties = Log4NetILog is null
            ? ImmutableArray<INamedTypeSymbol>.Empty
            : FindAll(compilation, "log4net.Util.ThreadContextProperties", "log4net.Util.LogicalThreadContextProperties");
        Log4NetContexts = Log4NetILog is null
            ? ImmutableArray<INamedTypeSymbol>.Empty
            : FindAll(
                compilation,
                "log4net.MDC",
                "log4net.NDC",
                "log4net.Util.ThreadContextStack",
                "log4net.Util.LogicalThreadContextStack",
                "log4net.Util.LogExtensions",
                "log4net.Util.LogLog");

        Console = TypeLookup.Find(compilation, "System.Console");
        TextWriter = TypeLookup.Find(compilation, "System.IO.TextWriter");
        Debug = TypeLookup.Find(compilation, "System.Diagnostics.Debug");
        Trace = TypeLookup.Find(compilation, "System.Diagnostics.Trace");
        TraceSource = TypeLookup.Find(compilation, "System.Diagnostics.TraceSource");

        Exception = TypeLookup.Find(compilation, "System.Exception");
        FormatProvider = TypeLookup.Find(compilation, "System.IFormatProvider");
        SystemType = TypeLookup.Find(compilation, "System.Type");
        CancellationToken = TypeLookup.Find(compilation, "System.Threading.CancellationToken");
        StringBuilder = TypeLookup.Find(compilation, "System.Text.StringBuilder");
        StringValues = TypeLookup.Find(compilation, "Microsoft.Extensions.Primitives.StringValues");
        SecureString = TypeLookup.Find(compilation, "System.Security.SecureString");
        Guid = TypeLookup.Find(compilation, "System.Guid");
        JsonNode = TypeLookup.Find(compilation, "System.Text.Json.Nodes.JsonNode");
        JsonElement = TypeLookup.Find(compilation, "System.Text.Json.JsonElement");
        JToken = TypeLookup.Find(compilation, "Newtonsoft.Json.Linq.JToken");
        KeyValuePair = TypeLookup.Find(compilation, "System.Collections.Generic.KeyValuePair`2");
        Action = TypeLookup.Find(compilation, "System.Action");
        GeneratedCodeAttribute = TypeLookup.Find(compilation, "System.CodeDom.Compiler.GeneratedCodeAttribute");
    }

    public INamedTypeSymbol? MelLoggerExtensions { get; }
    public INamedTypeSymbol? MelILogger { get; }
    public INamedTypeSymbol? MelLoggerMessage { get; }
    public INamedTypeSymbol? MelLoggerMessageAttribute { get; }
    public INamedTypeSymbol? MelLogLevel { get; }
    public INamedTypeSymbol? MelEventId { get; }
    public INamedTypeSymbol? SerilogILogger { get; }
    public INamedTypeSymbol? SerilogLog { get; }
    public INamedTypeSymbol? SerilogLogContext { get; }

    /// <summary>Serilog.AspNetCore's request logging: Set(name, value) adds a property to the request's completion event.</summary>
    public INamedTypeSymbol? SerilogDiagnosticContext { get; }
    public INamedTypeSymbol? SerilogLevel { get; }

    /// <summary>Serilog's <c>logger.ForContext(level, name, value)</c>: a property only when the level is on.</summary>
    public INamedTypeSymbol? SerilogLoggerExtensions { get; }

    /// <summary>A named value for events (<c>LogContext.Push(new PropertyEnricher("name", value))</c>).</summary>
    public INamedTypeSymbol? SerilogPropertyEnricher { get; }
    public INamedTypeSymbol? NLogILogger { get; }
    public INamedTypeSymbol? NLogILoggerBase { get; }
    public INamedTypeSymbol? NLogLogger { get; }
    public INamedTypeSymbol? NLogEventBuilder { get; }
    public INamedTypeSymbol? NLogScopeContext { get; }
    public INamedTypeSymbol? NLogLevel { get; }
    public INamedTypeSymbol? NLogLogEventInfo { get; }
    public INamedTypeSymbol? NLogILoggerExtensions { get; }

    /// <summary>
    /// NLog's older context classes (MDC, MDLC, NDC, NDLC): what is set or pushed there is written by any layout that
    /// names it, with every event of the thread or the flow. And NLog's InternalLogger, which custom targets and layout
    /// renderers log through. The GlobalDiagnosticsContext is left out: it holds process-wide settings that targets read
    /// as configuration (<c>connectionString="${gdc:item=connectionString}"</c>, an API key for a Seq target), not event
    /// data.
    /// </summary>
    public ImmutableArray<INamedTypeSymbol> NLogContexts { get; }
    public INamedTypeSymbol? Log4NetILog { get; }

    /// <summary>log4net's logger under ILog (<c>log.Logger.Log(type, level, message, exception)</c>).</summary>
    public INamedTypeSymbol? Log4NetCoreILogger { get; }
    public INamedTypeSymbol? Log4NetLevel { get; }

    /// <summary>
    /// log4net's ThreadContext and LogicalThreadContext properties: a value stored with
    /// <c>ThreadContext.Properties["name"] = value</c> is written by any layout that names it (<c>%property{name}</c>).
    /// GlobalContext's are left out: they hold process-wide settings that appenders read as configuration (a log file's
    /// name, an AdoNetAppender's connection string), not event data.
    /// </summary>
    public ImmutableArray<INamedTypeSymbol> Log4NetContextProperties { get; }

    /// <summary>
    /// log4net's MDC and NDC, the context stacks (<c>ThreadContext.Stacks["NDC"].Push(value)</c>), the ILog extensions
    /// (<c>log.DebugExt(...)</c>) and its internal LogLog.
    /// </summary>
    public ImmutableArray<INamedTypeSymbol> Log4NetContexts { get; }
    public INamedTypeSymbol? Console { get; }
    public INamedTypeSymbol? TextWriter { get; }
    public INamedTypeSymbol? Debug { get; }
    public INamedTypeSymbol? Trace { get; }
    public INamedTypeSymbol? TraceSource { get; }
    public INamedTypeSymbol? Exception { get; }
    public INamedTypeSymbol? FormatProvider { get; }
    public INamedTypeSymbol? SystemType { get; }
    public INamedTypeSymbol? CancellationToken { get; }
    public INamedTypeSymbol? StringBuilder { get; }
    public INamedTypeSymbol? StringValues { get; }
    public INamedTypeSymbol? SecureString { get; }
    public INamedTypeSymbol? Guid { get; }

    /// <summary>System.Text.Json's and Json.NET's nodes: a value read from a document, written as its text.</summary>
    public INamedTypeSymbol? JsonNode { get; }
    public INamedTypeSymbol? JsonElement { get; }
    public INamedTypeSymbol? JToken { get; }
    public INamedTypeSymbol? KeyValuePair { get; }
    public INamedTypeSymbol? Action { get; }
    public INamedTypeSymbol? GeneratedCodeAttribute { get; }

    /// <summary>True when any library whose calls write to a log is referenced (console and trace are always there).</summary>
    public bool HasLoggingLibrary =>
        MelILogger is not null || SerilogILogger is not null || NLogILogger is not null || Log4NetILog is not null;

    public static LoggingSymbols Create(Compilation compilation) => new(compilation);

    private static ImmutableArray<INamedTypeSymbol> FindAll(Compilation compilation, params string[] metadataNames)
    {
        var found = ImmutableArray.CreateBuilder<INamedTypeSymbol>(metadataNames.Length);
        foreach (var name in metadataNames)
        {
            if (TypeLookup.Find(compilation, name) is { } type)
            {
                found.Add(type);
            }
        }

        return found.ToImmutable();
    }
}
