using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LogSafety.Analyzers.Tests.Rules;

/// <summary>
/// Writes one call of a library method for <see cref="ApiSurfaceTests"/>: a secret-named argument in every value
/// position (one for a value, two for an array, four for a params span), a constant template with one hole per value
/// after it, <c>ex</c> for the exception, constants for property and logger names and call-site information, and a
/// default of the exact parameter type everywhere else, so that the call binds to the method it was written for.
/// </summary>
internal static class ApiSurfaceCalls
{
    public static bool IsPublicMethodTakingText(IMethodSymbol method) =>
        method.MethodKind == MethodKind.Ordinary
        && method.DeclaredAccessibility == Accessibility.Public
        && method.Name is not ("Equals" or "ReferenceEquals")
        && method.Parameters.Any(p => IsText(p.Type) || IsTextList(p.Type));

    /// <summary>A type that can hold a secret as text: string, object, a generic value (called with string).</summary>
    private static bool IsText(ITypeSymbol type) =>
        type.SpecialType is SpecialType.System_String or SpecialType.System_Object || type.TypeKind == TypeKind.TypeParameter;

    /// <summary>object[], string[], ReadOnlySpan&lt;object?&gt;: a list of values, given two secrets.</summary>
    private static bool IsTextList(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => IsText(array.ElementType),
        INamedTypeSymbol { Name: "ReadOnlySpan" or "Span", Arity: 1 } span => IsText(span.TypeArguments[0]),
        _ => false,
    };

    public sealed record GeneratedCall(IMethodSymbol Method, string Name, string Source, string Invocation, int ExpectedValues);

    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat;

    public static GeneratedCall Generate(IMethodSymbol definition, int index, ITypeSymbol stringType)
    {
        var method = definition.IsGenericMethod
            ? definition.Construct(definition.TypeParameters.Select(_ => stringType).ToArray())
            : definition;
        var template = FindTemplate(definition);
        var name = "Call" + index;
        var secrets = 0;
        var parameters = new List<string>();
        var arguments = new List<string>();
        var holes = 0;
        string NextSecret()
        {
            parameters.Add("string apiKey" + secrets);
            return "apiKey" + secrets++;
        }

        foreach (var parameter in method.Parameters)
        {
            if (definition.IsExtensionMethod && parameter.Ordinal == 0)
            {
                arguments.Add("target");
                continue;
            }

            var type = parameter.Type;
            var cast = "(" + type.ToDisplayString(TypeFormat) + ")";
            var original = definition.Parameters[parameter.Ordinal];
            if (template is not null && parameter.Ordinal == template.Ordinal)
            {
                arguments.Add("TEMPLATE");
            }
            else if (IsException(type))
            {
                arguments.Add(cast + "ex");
            }
            else if ((IsCallerInfo(original) || IsLabel(original)) && type.SpecialType == SpecialType.System_String)
            {
                arguments.Add("\"Label\"");
            }
            else if (IsText(original.Type) && !IsSetting(type))
            {
                arguments.Add(cast + NextSecret());
                holes += template is not null && parameter.Ordinal > template.Ordinal ? 1 : 0;
            }
            else if (IsTextList(type) && !IsSetting(type))
            {
                // Arrays get two secrets; params spans are passed in expanded form (C# 13 prefers them there) with four,
                // more than any fixed-arity overload (Console.WriteLine(format, arg0, arg1, arg2)) takes.
                var count = type is IArrayTypeSymbol ? 2 : 4;
                var elements = string.Join(", ", Enumerable.Range(0, count).Select(_ => NextSecret()));
                var element = type is IArrayTypeSymbol array ? array.ElementType : ((INamedTypeSymbol)type).TypeArguments[0];
                arguments.Add(type is IArrayTypeSymbol
                    ? $"new {element.ToDisplayString(TypeFormat)}[] {{ {elements} }}"
                    : parameter.IsParams ? elements : $"[{elements}]");
                holes += template is not null && parameter.Ordinal > template.Ordinal ? count : 0;
            }
            else
            {
                arguments.Add(type.SpecialType == SpecialType.System_Boolean ? "true" : cast + "default");
            }
        }

        var templateText = "\"k" + string.Concat(Enumerable.Range(0, holes).Select(i => " {" + i + "}")) + "\"";
        var argumentList = string.Join(", ", arguments.Select(a => a == "TEMPLATE" ? templateText : a));
        var typeArguments = definition.IsGenericMethod ? "<" + string.Join(", ", definition.TypeParameters.Select(_ => "string")) + ">" : string.Empty;
        var receiver = Receiver(definition, parameters);
        var invocation = $"{receiver}.{definition.Name}{typeArguments}({argumentList})";
        var signature = string.Join(", ", new[] { "global::System.Exception ex" }.Concat(parameters));
        var source = $"    static void {name}({signature}) {{ {invocation}; }}";
        return new GeneratedCall(definition, name, source, invocation, secrets);
    }

    private static string Receiver(IMethodSymbol method, List<string> parameters)
    {
        var type = method.ContainingType;
        if (method.IsExtensionMethod)
        {
            // Called in static form: the analyzer sees the same invocation, and no using directive is needed.
            parameters.Insert(0, method.Parameters[0].Type.ToDisplayString(TypeFormat) + " target");
            return type.ToDisplayString(TypeFormat);
        }

        if (method.IsStatic)
        {
            return type.ToDisplayString(TypeFormat);
        }

        // TextWriter writes to a log only as Console.Out or Console.Error.
        if (type.ToDisplayString() == "System.IO.TextWriter")
        {
            return "global::System.Console.Out";
        }

        parameters.Insert(0, type.ToDisplayString(TypeFormat) + " target");
        return "target";
    }

    /// <summary>The template or format parameter as the libraries declare it: named by the method's attribute, marked, or named so.</summary>
    private static IParameterSymbol? FindTemplate(IMethodSymbol method)
    {
        var strings = method.Parameters.Where(p => p.Type.SpecialType == SpecialType.System_String).ToList();
        var attributeName = method.GetAttributes()
            .Where(a => a.AttributeClass?.Name == "MessageTemplateFormatMethodAttribute")
            .Select(a => a.ConstructorArguments.FirstOrDefault().Value as string)
            .FirstOrDefault();
        return strings.FirstOrDefault(p => p.Name == attributeName)
            ?? strings.FirstOrDefault(p => p.GetAttributes().Any(a =>
                a.AttributeClass?.Name == "StructuredMessageTemplateAttribute"
                || a.AttributeClass?.Name == "StringSyntaxAttribute" && a.ConstructorArguments.FirstOrDefault().Value as string == "CompositeFormat"))
            ?? strings.FirstOrDefault(p => p.Name is "message" or "messageTemplate" or "messageFormat" or "format");
    }

    private static bool IsException(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.ToDisplayString() == "System.Exception")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The name of a property, a key (NLog's contexts call it the item) or a logger: a constant in real code.</summary>
    private static bool IsLabel(IParameterSymbol parameter) =>
        parameter.Name is "name" or "key" or "item" || parameter.Name.EndsWith("Name", StringComparison.Ordinal) || parameter.Name.EndsWith("Key", StringComparison.Ordinal);

    private static bool IsCallerInfo(IParameterSymbol parameter) =>
        parameter.GetAttributes().Any(a => a.AttributeClass?.Name is "CallerMemberNameAttribute" or "CallerFilePathAttribute" or "CallerLineNumberAttribute");

    /// <summary>Levels, event ids and format providers are passed as defaults even where their type is object-like.</summary>
    private static bool IsSetting(ITypeSymbol type) => type.ToDisplayString().TrimEnd('?') is "System.IFormatProvider";
}
