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
        MelLoggerExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerExtensions");
        MelILogger = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger");
        MelLoggerMessage = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerMessage");
        MelLoggerMessageAttribute = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerMessageAttribute");
        MelLogLevel = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LogLevel");
        MelEventId = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.EventId");

        SerilogILogger = compilation.GetTypeByMetadataName("Serilog.ILogger");
        SerilogLog = compilation.GetTypeByMetadataName("Serilog.Log");
        SerilogLogContext = compilation.GetTypeByMetadataName("Serilog.Context.LogContext");
        SerilogLevel = compilation.GetTypeByMetadataName("Serilog.Events.LogEventLevel");

        NLogILogger = compilation.GetTypeByMetadataName("NLog.ILogger");
        NLogILoggerBase = compilation.GetTypeByMetadataName("NLog.ILoggerBase");
        NLogLogger = compilation.GetTypeByMetadataName("NLog.Logger");
        NLogEventBuilder = compilation.GetTypeByMetadataName("NLog.LogEventBuilder");
        NLogScopeContext = compilation.GetTypeByMetadataName("NLog.ScopeContext");
        NLogLevel = compilation.GetTypeByMetadataName("NLog.LogLevel");

        Log4NetILog = compilation.GetTypeByMetadataName("log4net.ILog");

        Console = compilation.GetTypeByMetadataName("System.Console");
        TextWriter = compilation.GetTypeByMetadataName("System.IO.TextWriter");
        Debug = compilation.GetTypeByMetadataName("System.Diagnostics.Debug");
        Trace = compilation.GetTypeByMetadataName("System.Diagnostics.Trace");
        TraceSource = compilation.GetTypeByMetadataName("System.Diagnostics.TraceSource");

        Exception = compilation.GetTypeByMetadataName("System.Exception");
        FormatProvider = compilation.GetTypeByMetadataName("System.IFormatProvider");
        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        StringBuilder = compilation.GetTypeByMetadataName("System.Text.StringBuilder");
        StringValues = compilation.GetTypeByMetadataName("Microsoft.Extensions.Primitives.StringValues");
        SecureString = compilation.GetTypeByMetadataName("System.Security.SecureString");
        Guid = compilation.GetTypeByMetadataName("System.Guid");
        KeyValuePair = compilation.GetTypeByMetadataName("System.Collections.Generic.KeyValuePair`2");
        AspNetSession = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.ISession");
        Action = compilation.GetTypeByMetadataName("System.Action");
        GeneratedCodeAttribute = compilation.GetTypeByMetadataName("System.CodeDom.Compiler.GeneratedCodeAttribute");
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
    public INamedTypeSymbol? SerilogLevel { get; }
    public INamedTypeSymbol? NLogILogger { get; }
    public INamedTypeSymbol? NLogILoggerBase { get; }
    public INamedTypeSymbol? NLogLogger { get; }
    public INamedTypeSymbol? NLogEventBuilder { get; }
    public INamedTypeSymbol? NLogScopeContext { get; }
    public INamedTypeSymbol? NLogLevel { get; }
    public INamedTypeSymbol? Log4NetILog { get; }
    public INamedTypeSymbol? Console { get; }
    public INamedTypeSymbol? TextWriter { get; }
    public INamedTypeSymbol? Debug { get; }
    public INamedTypeSymbol? Trace { get; }
    public INamedTypeSymbol? TraceSource { get; }
    public INamedTypeSymbol? Exception { get; }
    public INamedTypeSymbol? FormatProvider { get; }
    public INamedTypeSymbol? CancellationToken { get; }
    public INamedTypeSymbol? StringBuilder { get; }
    public INamedTypeSymbol? StringValues { get; }
    public INamedTypeSymbol? SecureString { get; }
    public INamedTypeSymbol? Guid { get; }
    public INamedTypeSymbol? KeyValuePair { get; }
    public INamedTypeSymbol? AspNetSession { get; }
    public INamedTypeSymbol? Action { get; }
    public INamedTypeSymbol? GeneratedCodeAttribute { get; }

    /// <summary>True when any library whose calls write to a log is referenced (console and trace are always there).</summary>
    public bool HasLoggingLibrary =>
        MelILogger is not null || SerilogILogger is not null || NLogILogger is not null || Log4NetILog is not null;

    public static LoggingSymbols Create(Compilation compilation) => new(compilation);
}
