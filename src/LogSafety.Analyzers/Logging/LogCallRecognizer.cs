using System.Collections.Concurrent;
using System.Collections.Immutable;
using LogSafety.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Logging;

/// <summary>
/// Decides, by symbol, whether an invocation calls a known logging API (the libraries, [LoggerMessage] and
/// [MessageTemplateFormatMethod] methods, configured log methods), and which of its arguments are written. It knows
/// nothing of inferred wrappers: <see cref="WrapperIndex"/> is built from it and <see cref="LogCalls"/> composes both.
/// Built once per compilation; thread-safe.
/// </summary>
internal sealed class LogCallRecognizer
{
    private static readonly ImmutableHashSet<string> MelLogMethods = ImmutableHashSet.Create(
        "Log", "LogTrace", "LogDebug", "LogInformation", "LogWarning", "LogError", "LogCritical", "BeginScope");

    private static readonly ImmutableHashSet<string> LevelMethods = ImmutableHashSet.Create(
        "Verbose", "Trace", "Debug", "Information", "Info", "Warning", "Warn", "Error", "Fatal", "Write", "Log",
        "ConditionalDebug", "ConditionalTrace", "DebugFormat", "InfoFormat", "WarnFormat", "ErrorFormat", "FatalFormat");

    private static readonly ImmutableHashSet<string> ConsoleAndTraceMethods = ImmutableHashSet.Create(
        "Write", "WriteLine", "Print", "WriteIf", "WriteLineIf", "Fail", "Assert", "TraceInformation", "TraceWarning",
        "TraceError", "TraceEvent", "TraceData", "TraceTransfer");

    private static readonly ImmutableHashSet<string> PropertyMethods = ImmutableHashSet.Create(
        "ForContext", "PushProperty", "Property", "WithProperty", "Message", "PushNestedState");

    private static readonly ImmutableHashSet<string> TemplateParameterNames = ImmutableHashSet.Create(
        "message", "messageFormat", "messageTemplate", "format");

    private readonly LoggingSymbols _symbols;
    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<ISymbol, MessageTemplate?> _definedTemplates = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, TypeRole> _roles = new(SymbolEqualityComparer.Default);

    public LogCallRecognizer(Compilation compilation, LoggingSymbols symbols)
    {
        _compilation = compilation;
        _symbols = symbols;
    }

    public LoggingSymbols Symbols => _symbols;

    /// <summary>
    /// Every name a library log method recognized here can have. Wrapper inference looks for these names in source
    /// before it binds anything, so a method recognized below must have its name in one of these sets.
    /// </summary>
    public static bool IsLogMethodName(string name) =>
        MelLogMethods.Contains(name) || LevelMethods.Contains(name) || ConsoleAndTraceMethods.Contains(name) || PropertyMethods.Contains(name);

    /// <summary>Recognizes <paramref name="invocation"/> as a call of a known logging API, or returns null. Cheap for calls that are not.</summary>
    public LogCall? Recognize(IInvocationOperation invocation, LogSafetyOptions options)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (type is null)
        {
            return null;
        }

        var original = type.OriginalDefinition;
        if (_symbols.MelLoggerExtensions is { } melExtensions && SymbolEqualityComparer.Default.Equals(original, melExtensions))
        {
            return MelLogMethods.Contains(method.Name) ? FromParameters(invocation, LogApi.MicrosoftExtensionsLogging, method.Name) : null;
        }

        if (type.TypeKind == TypeKind.Delegate)
        {
            return method.Name == "Invoke" ? FromLoggerMessageDelegate(invocation, type) : null;
        }

        switch (RoleOf(original))
        {
            case TypeRole.MelLogger:
                // ILogger.Log<TState> and ILogger.BeginScope<TState>: the state is what is written.
                return method.Name is "Log" or "BeginScope" ? FromParameters(invocation, LogApi.MicrosoftExtensionsLogging, method.Name) : null;
            case TypeRole.Serilog:
                return FromSerilog(invocation, method);
            case TypeRole.NLog:
                return FromNLog(invocation, method);
            case TypeRole.Log4Net:
                return LevelMethods.Contains(method.Name) ? FromParameters(invocation, LogApi.Log4Net, method.Name) : null;
            case TypeRole.ConsoleOrTrace:
                return options.ConsoleAndTraceSinks && ConsoleAndTraceMethods.Contains(method.Name)
                    ? FromParameters(invocation, LogApi.ConsoleOrTrace, method.Name)
                    : null;
            case TypeRole.TextWriter when IsConsoleWriter(invocation):
                return options.ConsoleAndTraceSinks && ConsoleAndTraceMethods.Contains(method.Name)
                    ? FromParameters(invocation, LogApi.ConsoleOrTrace, method.Name)
                    : null;
        }

        if (options.HasExtraLogMethods)
        {
            foreach (var configured in options.LogMethods)
            {
                if (configured.Matches(method))
                {
                    return FromParameters(invocation, LogApi.Wrapper, method.Name);
                }
            }
        }

        if (method.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction && !method.Locations.IsEmpty && method.Locations[0].IsInSource)
        {
            if (_symbols.MelLoggerMessageAttribute is { } attribute && HasAttribute(method, attribute))
            {
                return FromLoggerMessageMethod(invocation, method, attribute);
            }

            // The application's own template methods, marked like Serilog's and NLog's.
            if (HasTemplateAttribute(method))
            {
                return FromParameters(invocation, LogApi.Wrapper, method.Name);
            }

        }

        return null;
    }

    /// <summary>What a containing type is to logging; computed once per type per compilation (interfaces walked once).</summary>
    private TypeRole RoleOf(INamedTypeSymbol type) => _roles.GetOrAdd(type, ComputeRole);

    private TypeRole ComputeRole(INamedTypeSymbol type)
    {
        if (type.TypeKind is TypeKind.Enum or TypeKind.Delegate || type.SpecialType != SpecialType.None)
        {
            return TypeRole.None;
        }

        if (Is(type, _symbols.MelILogger) || Implements(type, _symbols.MelILogger))
        {
            return TypeRole.MelLogger;
        }

        if (_symbols.SerilogILogger is not null
            && (Is(type, _symbols.SerilogILogger) || Is(type, _symbols.SerilogLog) || Is(type, _symbols.SerilogLogContext) || Implements(type, _symbols.SerilogILogger)))
        {
            return TypeRole.Serilog;
        }

        if (_symbols.NLogILogger is not null
            && (Is(type, _symbols.NLogILogger) || Is(type, _symbols.NLogLogger) || Is(type, _symbols.NLogILoggerBase)
                || Is(type, _symbols.NLogEventBuilder) || Is(type, _symbols.NLogScopeContext)
                || Implements(type, _symbols.NLogILogger) || InheritsFrom(type, _symbols.NLogLogger)))
        {
            return TypeRole.NLog;
        }

        if (Is(type, _symbols.Log4NetILog) || Implements(type, _symbols.Log4NetILog))
        {
            return TypeRole.Log4Net;
        }

        if (Is(type, _symbols.Console) || Is(type, _symbols.Debug) || Is(type, _symbols.Trace) || Is(type, _symbols.TraceSource))
        {
            return TypeRole.ConsoleOrTrace;
        }

        return _symbols.TextWriter is { } writer && InheritsFrom(type, writer) ? TypeRole.TextWriter : TypeRole.None;
    }

    private static bool Is(INamedTypeSymbol type, INamedTypeSymbol? candidate) =>
        candidate is not null && SymbolEqualityComparer.Default.Equals(type, candidate);

    private bool IsMelLogger(INamedTypeSymbol type) => RoleOf(type) == TypeRole.MelLogger;

    /// <summary>Console.Out.WriteLine(...) and Console.Error.WriteLine(...).</summary>
    private bool IsConsoleWriter(IInvocationOperation invocation) =>
        invocation.Instance is IPropertyReferenceOperation { Property.Name: "Out" or "Error" } property
        && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, _symbols.Console);

    private enum TypeRole
    {
        None,
        MelLogger,
        Serilog,
        NLog,
        Log4Net,
        ConsoleOrTrace,
        TextWriter,
    }

    private LogCall? FromSerilog(IInvocationOperation invocation, IMethodSymbol method)
    {
        switch (method.Name)
        {
            case "ForContext" when method.Parameters.Length >= 2 && method.Parameters[0].Type.SpecialType == SpecialType.System_String:
            case "PushProperty" when method.Parameters.Length >= 2:
                return FromPropertyCall(invocation, LogApi.Serilog, method.Name);
        }

        return LevelMethods.Contains(method.Name) || HasTemplateAttribute(method) ? FromParameters(invocation, LogApi.Serilog, method.Name) : null;
    }

    private LogCall? FromNLog(IInvocationOperation invocation, IMethodSymbol method)
    {
        switch (method.Name)
        {
            case "Property" when method.Parameters.Length == 2:
            case "PushProperty" when method.Parameters.Length >= 2:
            case "WithProperty" when method.Parameters.Length == 2:
                return FromPropertyCall(invocation, LogApi.NLog, method.Name);
            case "Message":
            case "PushNestedState":
                return FromParameters(invocation, LogApi.NLog, method.Name);
        }

        return LevelMethods.Contains(method.Name) || HasTemplateAttribute(method) ? FromParameters(invocation, LogApi.NLog, method.Name) : null;
    }

    /// <summary>ForContext(name, value), PushProperty(name, value), Property(name, value): the name labels the value.</summary>
    private static LogCall FromPropertyCall(IInvocationOperation invocation, LogApi api, string sinkName)
    {
        string? label = null;
        IOperation? value = null;
        var destructure = false;
        foreach (var argument in invocation.Arguments)
        {
            var parameter = argument.Parameter;
            if (parameter is null)
            {
                continue;
            }

            if (parameter.Ordinal == 0 && parameter.Type.SpecialType == SpecialType.System_String)
            {
                label = argument.Value.ConstantValue.HasValue ? argument.Value.ConstantValue.Value as string : null;
            }
            else if (parameter.Ordinal == 1)
            {
                value = argument.Value;
            }
            else if (parameter.Type.SpecialType == SpecialType.System_Boolean && argument.Value.ConstantValue is { HasValue: true, Value: true })
            {
                destructure = true;
            }
        }

        var arguments = value is null
            ? ImmutableArray<LoggedArgument>.Empty
            : ImmutableArray.Create(new LoggedArgument(value, -1, label, destructure, null));
        return new LogCall(invocation, api, sinkName, null, null, arguments);
    }

    /// <summary>
    /// The general shape: one template (or format) parameter, then the values that fill it; exceptions, levels, event
    /// ids, format providers and conditions are not values.
    /// </summary>
    private LogCall FromParameters(IInvocationOperation invocation, LogApi api, string sinkName)
    {
        var method = invocation.TargetMethod;
        var templateParameter = FindTemplateParameter(method);
        IArgumentOperation? templateArgument = null;
        var values = ImmutableArray.CreateBuilder<LoggedArgument>();
        var templateIndex = 0;
        foreach (var argument in OrderedArguments(invocation))
        {
            var parameter = argument.Parameter;
            if (parameter is null)
            {
                continue;
            }

            if (templateParameter is not null && SymbolEqualityComparer.Default.Equals(parameter.OriginalDefinition, templateParameter.OriginalDefinition))
            {
                templateArgument = argument;
                continue;
            }

            if (IsNeverAValue(parameter.Type) || (method.IsExtensionMethod && parameter.Ordinal == 0))
            {
                continue;
            }

            if (parameter.IsParams && LoggedValueCollector.SkipConversions(argument.Value) is IArrayCreationOperation { Initializer: { } initializer })
            {
                foreach (var element in initializer.ElementValues)
                {
                    values.Add(new LoggedArgument(element, templateParameter is null ? -1 : templateIndex++, null, false, parameter));
                }

                continue;
            }

            var fillsTemplate = templateParameter is not null && parameter.Ordinal > templateParameter.Ordinal;
            values.Add(new LoggedArgument(argument.Value, fillsTemplate ? templateIndex++ : -1, null, false, parameter));
        }

        var template = templateArgument is { Value.ConstantValue: { HasValue: true, Value: string text } } ? MessageTemplate.Parse(text) : null;
        return new LogCall(invocation, api, sinkName, templateArgument, template, values.ToImmutable());
    }

    private LogCall? FromLoggerMessageDelegate(IInvocationOperation invocation, INamedTypeSymbol delegateType)
    {
        // LoggerMessage.Define returns Action<ILogger, T1..Tn, Exception?>; DefineScope returns Func<ILogger, T1..Tn, IDisposable?>.
        if (_symbols.MelILogger is not { } logger || !delegateType.IsGenericType)
        {
            return null;
        }

        var typeArguments = delegateType.TypeArguments;
        if (typeArguments.Length < 2 || !SymbolEqualityComparer.Default.Equals(typeArguments[0], logger))
        {
            return null;
        }

        var isAction = delegateType.Name == "Action";
        if (isAction && !IsException(typeArguments[typeArguments.Length - 1]))
        {
            return null;
        }

        var template = invocation.Instance is { } instance ? DefinedTemplate(instance) : null;
        var values = ImmutableArray.CreateBuilder<LoggedArgument>();
        var lastValueOrdinal = isAction ? typeArguments.Length - 2 : typeArguments.Length - 1;
        foreach (var argument in invocation.Arguments)
        {
            var ordinal = argument.Parameter?.Ordinal ?? -1;
            if (ordinal >= 1 && ordinal <= lastValueOrdinal)
            {
                values.Add(new LoggedArgument(argument.Value, ordinal - 1, null, false, argument.Parameter));
            }
        }

        var sinkName = invocation.Instance switch
        {
            IFieldReferenceOperation field => field.Field.Name,
            IPropertyReferenceOperation property => property.Property.Name,
            ILocalReferenceOperation local => local.Local.Name,
            _ => "LoggerMessage.Define",
        };
        return new LogCall(invocation, LogApi.LoggerMessageDelegate, sinkName, null, template, values.ToImmutable());
    }

    /// <summary>The template given to LoggerMessage.Define for the field, property or local a delegate is read from; cached per symbol.</summary>
    private MessageTemplate? DefinedTemplate(IOperation instance)
    {
        ISymbol? symbol = instance switch
        {
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation property => property.Property,
            ILocalReferenceOperation local => local.Local,
            _ => null,
        };
        if (symbol is null)
        {
            return null;
        }

        return _definedTemplates.GetOrAdd(symbol, FindDefinedTemplate);
    }

    private MessageTemplate? FindDefinedTemplate(ISymbol symbol)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax();
            ExpressionSyntax? initializer = syntax switch
            {
                VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                PropertyDeclarationSyntax property => property.Initializer?.Value ?? property.ExpressionBody?.Expression,
                _ => null,
            };
            if (initializer is not InvocationExpressionSyntax { ArgumentList.Arguments: var arguments })
            {
                continue;
            }

            // The format string of Define (third argument) or DefineScope (first): the string literal, no binding needed.
            foreach (var argument in arguments)
            {
                if (argument.Expression is LiteralExpressionSyntax literal && literal.Token.Value is string text)
                {
                    return MessageTemplate.Parse(text);
                }
            }
        }

        return null;
    }

    private LogCall FromLoggerMessageMethod(IInvocationOperation invocation, IMethodSymbol method, INamedTypeSymbol attributeType)
    {
        MessageTemplate? template = null;
        foreach (var attribute in method.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                continue;
            }

            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "Message" && named.Value.Value is string text)
                {
                    template = MessageTemplate.Parse(text);
                }
            }

            foreach (var constructorArgument in attribute.ConstructorArguments)
            {
                if (constructorArgument.Value is string text)
                {
                    template = MessageTemplate.Parse(text);
                }
            }
        }

        var values = ImmutableArray.CreateBuilder<LoggedArgument>();
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter && !IsNeverAValue(parameter.Type) && !IsLogger(parameter.Type))
            {
                // The generated code logs the value under the parameter's name.
                values.Add(new LoggedArgument(argument.Value, -1, parameter.Name, false, parameter));
            }
        }

        return new LogCall(invocation, LogApi.LoggerMessageMethod, method.Name, null, template, values.ToImmutable());
    }

    /// <summary>Which parameter holds the template: the one named by [MessageTemplateFormatMethod], else a string called message/format.</summary>
    private static IParameterSymbol? FindTemplateParameter(IMethodSymbol method)
    {
        var templateName = TemplateAttributeArgument(method);
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type.SpecialType != SpecialType.System_String)
            {
                continue;
            }

            if (templateName is not null ? parameter.Name == templateName : TemplateParameterNames.Contains(parameter.Name))
            {
                return parameter;
            }
        }

        return null;
    }

    private static bool HasTemplateAttribute(IMethodSymbol method) => TemplateAttributeArgument(method) is not null;

    private static string? TemplateAttributeArgument(IMethodSymbol method)
    {
        foreach (var attribute in method.OriginalDefinition.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == "MessageTemplateFormatMethodAttribute"
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is string name)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>Exceptions, levels, event ids, format providers, loggers, formatter delegates: never values.</summary>
    private bool IsNeverAValue(ITypeSymbol type)
    {
        if (type.TypeKind is TypeKind.Delegate || type.SpecialType == SpecialType.System_Boolean)
        {
            return true;
        }

        var original = type.OriginalDefinition;
        return IsException(type)
            || SymbolEqualityComparer.Default.Equals(original, _symbols.MelLogLevel)
            || SymbolEqualityComparer.Default.Equals(original, _symbols.MelEventId)
            || SymbolEqualityComparer.Default.Equals(original, _symbols.SerilogLevel)
            || SymbolEqualityComparer.Default.Equals(original, _symbols.NLogLevel)
            || SymbolEqualityComparer.Default.Equals(original, _symbols.FormatProvider);
    }

    private bool IsLogger(ITypeSymbol type) =>
        type is INamedTypeSymbol named && IsMelLogger(named.OriginalDefinition);

    public bool IsException(ITypeSymbol type) => _symbols.Exception is { } exception && InheritsFrom(type, exception);

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

    /// <summary>Arguments in parameter order (named arguments may come in any order in source).</summary>
    internal static ImmutableArray<IArgumentOperation> OrderedArguments(IInvocationOperation invocation)
    {
        var arguments = invocation.Arguments;
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

    internal Compilation Compilation => _compilation;
}
