using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using LogSafety.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Logging;

/// <summary>
/// Decides, by symbol, whether an invocation calls a known logging API (the libraries, [LoggerMessage] and
/// [MessageTemplateFormatMethod] methods, configured log methods), and which of its arguments are written. The type
/// decides the library (<see cref="LogTypeRoles"/>), the method name whether it logs, and each parameter's declaration
/// what its argument is (<see cref="ParameterRoles"/>). It knows nothing of inferred wrappers: <see cref="WrapperIndex"/>
/// is built from it and <see cref="LogCalls"/> composes both. Built once per compilation; thread-safe.
/// </summary>
internal sealed class LogCallRecognizer
{
    private static readonly ImmutableHashSet<string> MelLogMethods = ImmutableHashSet.Create(
        "Log", "LogTrace", "LogDebug", "LogInformation", "LogWarning", "LogError", "LogCritical", "BeginScope");

    /// <summary>
    /// Serilog's, NLog's and log4net's level methods, NLog's obsolete *Exception forms and LogEventInfo.Create, log4net's
    /// *Ext extensions.
    /// </summary>
    private static readonly ImmutableHashSet<string> LevelMethods = ImmutableHashSet.Create(
        "Verbose", "Trace", "Debug", "Information", "Info", "Warning", "Warn", "Error", "Fatal", "Write", "Log",
        "ConditionalDebug", "ConditionalTrace", "DebugFormat", "InfoFormat", "WarnFormat", "ErrorFormat", "FatalFormat",
        "TraceException", "DebugException", "InfoException", "WarnException", "ErrorException", "FatalException", "LogException",
        "Create",
        "DebugExt", "InfoExt", "WarnExt", "ErrorExt", "FatalExt", "DebugFormatExt", "InfoFormatExt", "WarnFormatExt", "ErrorFormatExt", "FatalFormatExt");

    private static readonly ImmutableHashSet<string> ConsoleAndTraceMethods = ImmutableHashSet.Create(
        "Write", "WriteLine", "WriteAsync", "WriteLineAsync", "Print", "WriteIf", "WriteLineIf", "Fail", "Assert",
        "TraceInformation", "TraceWarning", "TraceError", "TraceEvent", "TraceData", "TraceTransfer");

    /// <summary>
    /// Calls that attach one named value to events (<see cref="PropertyCalls"/>): Set is Serilog's IDiagnosticContext and
    /// NLog's and log4net's mapped contexts (MDC, MDLC), SetScoped NLog's MDLC.
    /// </summary>
    private static readonly ImmutableHashSet<string> NamedValueMethods = ImmutableHashSet.Create(
        "ForContext", "PushProperty", "Property", "WithProperty", "SetProperty", "PushScopeProperty", "Set", "SetScoped");

    /// <summary>
    /// NLog's fluent message, property sets and scope states, and NLog's and log4net's nested contexts (NDC, NDLC, the
    /// context stacks): every argument is written.
    /// </summary>
    private static readonly ImmutableHashSet<string> StateMethods = ImmutableHashSet.Create(
        "Message", "Properties", "WithProperties", "PushProperties", "PushScopeProperties",
        "PushNestedState", "PushScopeNested", "PushNestedStateProperties", "Push", "PushObject", "PushFormat");

    private readonly LoggingSymbols _symbols;
    private readonly Compilation _compilation;
    private readonly LogTypeRoles _types;
    private readonly TemplateCalls _templateCalls;
    private readonly LoggerMessageCalls _loggerMessageCalls;
    private readonly Roslyn.ReferenceCache<IMethodSymbol, SourceLogMethod> _sourceMethods = new(SymbolEqualityComparer.Default);
    private readonly Func<IMethodSymbol, SourceLogMethod> _classifySourceMethod;

    public LogCallRecognizer(Compilation compilation, LoggingSymbols symbols)
    {
        _classifySourceMethod = ClassifySourceMethod;
        _compilation = compilation;
        _symbols = symbols;
        _types = new LogTypeRoles(symbols);
        var roles = new ParameterRoles(symbols, _types);
        _templateCalls = new TemplateCalls(roles);
        _loggerMessageCalls = new LoggerMessageCalls(symbols, _types, roles);
    }

    public LoggingSymbols Symbols => _symbols;

    internal Compilation Compilation => _compilation;

    /// <summary>
    /// Every name a library log method recognized here can have. Wrapper inference looks for these names in source
    /// before it binds anything, so a method recognized below must have its name in one of these sets.
    /// </summary>
    public static bool IsLogMethodName(string name) => LogMethodNameSet.Contains(name);

    /// <summary>Whether a Serilog or NLog method of this name attaches one named value to events (ForContext, PushProperty, Set, ...).</summary>
    public static bool IsNamedValueMethod(string name) => NamedValueMethods.Contains(name);

    /// <summary>The names <see cref="IsLogMethodName"/> accepts, each once, in order.</summary>
    public static ImmutableArray<string> LogMethodNames { get; } = AllLogMethodNames();

    // Asked of every invocation: one hash lookup, where the five sets above are five tree searches.
    private static readonly System.Collections.Generic.HashSet<string> LogMethodNameSet = new(LogMethodNames, StringComparer.Ordinal);

    private static ImmutableArray<string> AllLogMethodNames()
    {
        var names = new System.Collections.Generic.SortedSet<string>(StringComparer.Ordinal);
        names.UnionWith(MelLogMethods);
        names.UnionWith(LevelMethods);
        names.UnionWith(ConsoleAndTraceMethods);
        names.UnionWith(NamedValueMethods);
        names.UnionWith(StateMethods);
        return ImmutableArray.CreateRange(names);
    }

    public bool IsException(ITypeSymbol type) => _types.IsException(type);

    /// <summary>Recognizes <paramref name="invocation"/> as a call of a known logging API, or returns null. Cheap for calls that are not.</summary>
    public LogCall? Recognize(IInvocationOperation invocation, LogSafetyOptions options)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (type is null)
        {
            return null;
        }

        if (_symbols.MelLoggerExtensions is { } melExtensions && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, melExtensions))
        {
            return MelLogMethods.Contains(method.Name) ? _templateCalls.Create(invocation, LogApi.MicrosoftExtensionsLogging, method.Name) : null;
        }

        if (type.TypeKind == TypeKind.Delegate)
        {
            return method.Name == "Invoke" ? _loggerMessageCalls.FromDelegate(invocation, type) : null;
        }

        // A library log method has one of the known names (Serilog's BindMessageTemplate, marked like a template
        // method, binds and writes nothing). Asked first, so the containing types of the compilation's other calls
        // are never classified.
        switch (IsLogMethodName(method.Name) ? _types.Of(type) : LogTypeRole.None)
        {
            case LogTypeRole.MelLogger:
                // ILogger.Log<TState> and ILogger.BeginScope<TState>: the state is what is written.
                return method.Name is "Log" or "BeginScope" ? _templateCalls.Create(invocation, LogApi.MicrosoftExtensionsLogging, method.Name) : null;
            case LogTypeRole.Serilog:
                return FromLibrary(invocation, LogApi.Serilog);
            case LogTypeRole.NLog:
                return FromLibrary(invocation, LogApi.NLog);
            case LogTypeRole.Log4Net:
                return FromLibrary(invocation, LogApi.Log4Net);
            case LogTypeRole.ConsoleOrTrace:
            case LogTypeRole.TextWriter when _types.IsConsoleWriter(invocation):
                return options.ConsoleAndTraceSinks && ConsoleAndTraceMethods.Contains(method.Name)
                    ? _templateCalls.Create(invocation, LogApi.ConsoleOrTrace, method.Name)
                    : null;
        }

        if (options.HasExtraLogMethods)
        {
            foreach (var configured in options.LogMethods)
            {
                if (configured.Matches(method))
                {
                    return _templateCalls.Create(invocation, LogApi.Wrapper, method.Name);
                }
            }
        }

        // Most calls go to the application's own methods, and almost none of those carry a log attribute: each method
        // is classified once (its syntax first), as finding a declaration's syntax costs more than the cache lookup.
        if (method.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction
            && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _compilation.Assembly))
        {
            switch (_sourceMethods.GetOrAdd(method.OriginalDefinition, _classifySourceMethod))
            {
                case SourceLogMethod.LoggerMessage:
                    return _loggerMessageCalls.FromMethod(invocation, method, _symbols.MelLoggerMessageAttribute!);
                case SourceLogMethod.TemplateMethod:
                    // The application's own template methods, marked like Serilog's and NLog's.
                    return _templateCalls.Create(invocation, LogApi.Wrapper, method.Name);
            }
        }

        return null;
    }

    /// <summary>Whether an object creation may create one of the objects <see cref="RecognizeCreation"/> knows: by name only.</summary>
    public static bool MayCreateLogObject(IObjectCreationOperation creation) =>
        creation.Constructor?.ContainingType.Name is "LogEventInfo" or "PropertyEnricher";

    /// <summary>
    /// Objects created to be written to a log: NLog's <c>new LogEventInfo(level, loggerName, message, ...)</c>, logged
    /// later through <c>logger.Log(logEvent)</c>, and Serilog's <c>new PropertyEnricher(name, value)</c>, a named value
    /// for the events of <c>LogContext.Push</c> or <c>ForContext</c>.
    /// </summary>
    public LogCall? RecognizeCreation(IObjectCreationOperation creation)
    {
        if (creation.Constructor is not { Parameters.Length: > 0 } constructor)
        {
            return null;
        }

        var type = constructor.ContainingType;
        if (_symbols.NLogLogEventInfo is { } eventInfo && SymbolEqualityComparer.Default.Equals(type, eventInfo))
        {
            return _templateCalls.Create(creation, constructor, creation.Arguments, LogApi.NLog, type.Name);
        }

        return _symbols.SerilogPropertyEnricher is { } enricher && SymbolEqualityComparer.Default.Equals(type, enricher) && PropertyCalls.IsPropertyCall(constructor)
            ? PropertyCalls.Create(creation, constructor, creation.Arguments, LogApi.Serilog, type.Name)
            : null;
    }

    /// <summary>
    /// Whether a source method is declared [LoggerMessage] (Microsoft.Extensions.Logging's). Asked of every method of the
    /// compilation, so the syntax answers first: only methods with such an attribute name are classified and kept.
    /// </summary>
    public bool IsLoggerMessageMethod(IMethodSymbol method) =>
        method.MethodKind == MethodKind.Ordinary
        && _sourceMethods.GetOrAdd(method.OriginalDefinition, _classifySourceMethod) == SourceLogMethod.LoggerMessage;

    /// <summary>
    /// What a source method is declared as, once per method. Only methods whose syntax may carry one of the attributes
    /// (<see cref="MayCarryLogAttribute"/>) have their attributes bound.
    /// </summary>
    private SourceLogMethod ClassifySourceMethod(IMethodSymbol method)
    {
        if (!MayCarryLogAttribute(method))
        {
            return SourceLogMethod.None;
        }

        if (_symbols.MelLoggerMessageAttribute is { } attribute && HasAttribute(method, attribute))
        {
            return SourceLogMethod.LoggerMessage;
        }

        return ParameterRoles.HasTemplateAttribute(method) ? SourceLogMethod.TemplateMethod : SourceLogMethod.None;
    }

    /// <summary>
    /// Whether the declaration may carry [LoggerMessage] or [MessageTemplateFormatMethod], by the names (and using
    /// aliases) it writes: [HttpGet] or [Fact] on a method never makes its attributes bound here.
    /// </summary>
    private static bool MayCarryLogAttribute(IMethodSymbol method)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var lists = reference.GetSyntax() switch
            {
                Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax declaration => declaration.AttributeLists,
                Microsoft.CodeAnalysis.CSharp.Syntax.LocalFunctionStatementSyntax function => function.AttributeLists,
                _ => default,
            };
            foreach (var list in lists)
            {
                foreach (var attribute in list.Attributes)
                {
                    if (Roslyn.SyntaxNames.MayNameAttribute(attribute, "LoggerMessage")
                        || Roslyn.SyntaxNames.MayNameAttribute(attribute, "MessageTemplateFormatMethod"))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private enum SourceLogMethod
    {
        None,
        LoggerMessage,
        TemplateMethod,
    }

    /// <summary>
    /// Serilog, NLog and log4net: named-value calls label their value; level methods, Write, Log, Message and states are
    /// template calls.
    /// </summary>
    private LogCall? FromLibrary(IInvocationOperation invocation, LogApi api)
    {
        var method = invocation.TargetMethod;

        // A context's Set and Push say little on their own: 'MappedDiagnosticsLogicalContext.Set', 'NDC.Push'.
        var sinkName = method.Name is "Set" or "SetScoped" or "Push" or "PushObject" or "PushFormat"
            ? method.ContainingType.Name + "." + method.Name
            : method.Name;
        if (NamedValueMethods.Contains(method.Name))
        {
            if (PropertyCalls.IsPropertyCall(method))
            {
                return PropertyCalls.Create(invocation, api, sinkName);
            }

            // MDLC.SetScoped(list of name/value pairs) sets every pair; ForContext<T>(), ForContext(enricher) and the
            // like attach no value.
            return method.Name == "SetScoped" ? _templateCalls.Create(invocation, api, sinkName) : null;
        }

        return LevelMethods.Contains(method.Name) || StateMethods.Contains(method.Name) || ParameterRoles.HasTemplateAttribute(method)
            ? _templateCalls.Create(invocation, api, sinkName)
            : null;
    }

    private static bool HasAttribute(IMethodSymbol method, INamedTypeSymbol attributeType)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                return true;
            }
        }

        return false;
    }

    internal static ImmutableArray<IArgumentOperation> OrderedArguments(IInvocationOperation invocation) => OrderedArguments(invocation.Arguments);

    /// <summary>Arguments in parameter order (named arguments may come in any order in source).</summary>
    internal static ImmutableArray<IArgumentOperation> OrderedArguments(ImmutableArray<IArgumentOperation> arguments)
    {
        var ordered = true;
        for (var i = 1; i < arguments.Length; i++)
        {
            if ((arguments[i].Parameter?.Ordinal ?? 0) < (arguments[i - 1].Parameter?.Ordinal ?? 0))
            {
                ordered = false;
                break;
            }
        }

        if (ordered)
        {
            return arguments;
        }

        var builder = arguments.ToBuilder();
        builder.Sort((a, b) => (a.Parameter?.Ordinal ?? 0).CompareTo(b.Parameter?.Ordinal ?? 0));
        return builder.ToImmutable();
    }
}
