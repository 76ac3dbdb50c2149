using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LogSafety.Analyzers.Logging;

/// <summary>What a parameter of a log method does with its argument.</summary>
internal enum ParameterRole
{
    /// <summary>Written to the log: a template value, a message object, a scope state, a category.</summary>
    Value,

    /// <summary>The message template or composite format; a constant is parsed, anything else is written as text.</summary>
    Template,

    /// <summary>The exception the event carries. Writing an exception is normal: it is not judged as a value.</summary>
    Exception,

    /// <summary>Levels, event ids, format providers, conditions, formatter delegates, caller info, the extended logger.</summary>
    NotWritten,

    /// <summary>
    /// A delegate that takes nothing and builds the message when the level is on (NLog's LogMessageGenerator, log4net's
    /// Func&lt;object&gt; callback): what it returns is written.
    /// </summary>
    MessageBuilder,
}

/// <summary>
/// Tells each parameter of a log method its role from the method's own declaration: the template by
/// [MessageTemplateFormatMethod("name")] (Serilog, NLog), else by [StructuredMessageTemplate] or
/// [StringSyntax("CompositeFormat")] on a string parameter (NLog, Microsoft.Extensions.Logging, Console, TextWriter,
/// Trace), else by the names the libraries give it; exceptions and settings by type. No overload lists: a new overload
/// of a supported method is understood as soon as it is declared like the others.
/// </summary>
internal sealed class ParameterRoles
{
    private static readonly ImmutableHashSet<string> TemplateParameterNames = ImmutableHashSet.Create(
        "message", "messageFormat", "messageTemplate", "format");

    private readonly LoggingSymbols _symbols;
    private readonly LogTypeRoles _types;

    public ParameterRoles(LoggingSymbols symbols, LogTypeRoles types)
    {
        _symbols = symbols;
        _types = types;
    }

    public ParameterRole Of(IParameterSymbol parameter, IParameterSymbol? template)
    {
        if (template is not null && SymbolEqualityComparer.Default.Equals(parameter.OriginalDefinition, template.OriginalDefinition))
        {
            return ParameterRole.Template;
        }

        if (parameter.ContainingSymbol is IMethodSymbol { IsExtensionMethod: true } && parameter.Ordinal == 0)
        {
            return ParameterRole.NotWritten;
        }

        var type = parameter.Type;
        if (_types.IsException(type))
        {
            return ParameterRole.Exception;
        }

        // NLog's LogMessageGenerator, log4net's Func<object> callback: a delegate that takes nothing and returns the message.
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Delegate, DelegateInvokeMethod: { Parameters.Length: 0 } invoke }
            && invoke.ReturnType.SpecialType is SpecialType.System_String or SpecialType.System_Object)
        {
            return ParameterRole.MessageBuilder;
        }

        return IsSetting(type) || IsCallerInfo(parameter) ? ParameterRole.NotWritten : ParameterRole.Value;
    }

    /// <summary>
    /// Which parameter holds the template or format, or null when the method has none. The logging libraries' own
    /// methods (<paramref name="library"/>) name it by convention (message, messageTemplate, format): when exactly one
    /// string parameter does, it is the template and no attribute is loaded from metadata to confirm it.
    /// </summary>
    public static IParameterSymbol? FindTemplate(IMethodSymbol method, bool library = false)
    {
        var parameters = method.OriginalDefinition.Parameters;
        if (library && SingleConventionalTemplate(parameters) is { } conventional)
        {
            return conventional;
        }

        if (TemplateAttribute(method) is { } attribute && NamedByTemplateAttribute(method, parameters, attribute) is { } named)
        {
            return named;
        }

        IParameterSymbol? byName = null;
        foreach (var parameter in parameters)
        {
            if (parameter.Type.SpecialType != SpecialType.System_String)
            {
                continue;
            }

            if (HasTemplateMarker(parameter))
            {
                return parameter;
            }

            if (byName is null && TemplateParameterNames.Contains(parameter.Name))
            {
                byName = parameter;
            }
        }

        return byName;
    }

    private static IParameterSymbol? SingleConventionalTemplate(ImmutableArray<IParameterSymbol> parameters)
    {
        IParameterSymbol? found = null;
        foreach (var parameter in parameters)
        {
            if (parameter.Type.SpecialType == SpecialType.System_String && TemplateParameterNames.Contains(parameter.Name))
            {
                if (found is not null)
                {
                    return null;
                }

                found = parameter;
            }
        }

        return found;
    }

    public static bool HasTemplateAttribute(IMethodSymbol method) => TemplateAttribute(method) is not null;

    /// <summary>
    /// The string parameter [MessageTemplateFormatMethod("message")] names. The argument of a method from metadata is
    /// decoded only when the method has more than one string parameter: the one it names must be a string.
    /// </summary>
    private static IParameterSymbol? NamedByTemplateAttribute(IMethodSymbol method, ImmutableArray<IParameterSymbol> parameters, AttributeData attribute)
    {
        if (method.OriginalDefinition.Locations is { IsEmpty: false } locations && locations[0].IsInMetadata)
        {
            IParameterSymbol? only = null;
            var strings = 0;
            foreach (var parameter in parameters)
            {
                if (parameter.Type.SpecialType == SpecialType.System_String)
                {
                    strings++;
                    only = parameter;
                }
            }

            if (strings == 1)
            {
                return only;
            }
        }

        if (attribute.ConstructorArguments is { Length: 1 } arguments && arguments[0].Value is string name)
        {
            foreach (var parameter in parameters)
            {
                if (parameter.Name == name && parameter.Type.SpecialType == SpecialType.System_String)
                {
                    return parameter;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// [MessageTemplateFormatMethod("message")]: Serilog and NLog each declare their own, so it is matched by name. Its
    /// constructor takes the parameter's name; the argument itself is read only where it is needed.
    /// </summary>
    private static AttributeData? TemplateAttribute(IMethodSymbol method)
    {
        // The attribute names a string parameter: without one (NLog's Debug<T>(T value)) the method's attributes,
        // decoded from metadata on first use, need not be read.
        if (!HasStringParameter(method.OriginalDefinition.Parameters))
        {
            return null;
        }

        foreach (var attribute in method.OriginalDefinition.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == "MessageTemplateFormatMethodAttribute"
                && attribute.AttributeConstructor is { Parameters: { Length: 1 } constructorParameters }
                && constructorParameters[0].Type.SpecialType == SpecialType.System_String)
            {
                return attribute;
            }
        }

        return null;
    }

    private static bool HasStringParameter(ImmutableArray<IParameterSymbol> parameters)
    {
        foreach (var parameter in parameters)
        {
            if (parameter.Type.SpecialType == SpecialType.System_String)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// [StructuredMessageTemplate] (JetBrains annotations, copied into each library) and [StringSyntax("CompositeFormat")]
    /// (System.Diagnostics.CodeAnalysis): both mark the parameter whose text is a format.
    /// </summary>
    private static bool HasTemplateMarker(IParameterSymbol parameter)
    {
        foreach (var attribute in parameter.GetAttributes())
        {
            switch (attribute.AttributeClass?.Name)
            {
                case "StructuredMessageTemplateAttribute":
                    return true;
                case "StringSyntaxAttribute" when attribute.ConstructorArguments.Length >= 1 && attribute.ConstructorArguments[0].Value is "CompositeFormat":
                    return true;
            }
        }

        return false;
    }

    /// <summary>Exceptions aside, the arguments that shape an event without being data: never values.</summary>
    private bool IsSetting(ITypeSymbol type)
    {
        if (type.TypeKind is TypeKind.Delegate || type.SpecialType == SpecialType.System_Boolean)
        {
            return true;
        }

        var original = type.OriginalDefinition;
        return Is(original, _symbols.MelLogLevel)
            || Is(original, _symbols.MelEventId)
            || Is(original, _symbols.SerilogLevel)
            || Is(original, _symbols.NLogLevel)
            || Is(original, _symbols.Log4NetLevel)
            || Is(original, _symbols.FormatProvider)
            || Is(original, _symbols.CancellationToken)
            || Is(original, _symbols.SystemType)
            || (type is INamedTypeSymbol { IsValueType: true, OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
                && IsSetting(nullable.TypeArguments[0]));
    }

    /// <summary>
    /// [CallerMemberName], [CallerFilePath], [CallerLineNumber]: filled by the compiler with the call site. Matched by
    /// name, like the template markers, because libraries built for older frameworks carry their own internal copies.
    /// </summary>
    private static bool IsCallerInfo(IParameterSymbol parameter)
    {
        // Caller information is only ever on optional parameters: the others' attributes are not loaded.
        if (!parameter.IsOptional)
        {
            return false;
        }

        foreach (var attribute in parameter.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "CallerMemberNameAttribute" or "CallerFilePathAttribute" or "CallerLineNumberAttribute" or "CallerArgumentExpressionAttribute" })
            {
                return true;
            }
        }

        return false;
    }

    private static bool Is(ITypeSymbol type, INamedTypeSymbol? candidate) =>
        candidate is not null && SymbolEqualityComparer.Default.Equals(type, candidate);
}
