using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Logging;

/// <summary>
/// The values a list argument passes one by one: a <c>params</c> array, a <c>params ReadOnlySpan&lt;object?&gt;</c>
/// (which NLog 6's Logger and .NET 9's Console, TextWriter and string.Format offer, and which C# 13 prefers), an explicit
/// array or collection expression given to a list parameter. Shared by the recognizer and wrapper calls so that both
/// pair the same elements with template holes.
/// </summary>
internal static class ArgumentElements
{
    // OperationKind.CollectionExpression and OperationKind.Spread (Roslyn 4.9+). The analyzer compiles against Roslyn
    // 4.8, where the kinds have no names yet; their values are public API and never change.
    private const OperationKind CollectionExpressionKind = (OperationKind)0x7f;
    private const OperationKind SpreadKind = (OperationKind)0x80;

    /// <summary>
    /// The elements of <paramref name="argument"/> when its parameter takes a list of values (params, array or span)
    /// and the argument is written as a list; default otherwise.
    /// </summary>
    public static ImmutableArray<IOperation> Of(IArgumentOperation argument)
    {
        if (argument.Parameter is not { } parameter || !(parameter.IsParams || IsListType(parameter.Type)))
        {
            return default;
        }

        return OfList(argument.Value);
    }

    /// <summary>The elements of an array creation with an initializer or of a collection expression; default otherwise.</summary>
    public static ImmutableArray<IOperation> OfList(IOperation value)
    {
        value = LoggedValueCollector.SkipConversions(value);
        if (value is IArrayCreationOperation { Initializer: { } initializer })
        {
            return initializer.ElementValues;
        }

        if (value.Kind != CollectionExpressionKind)
        {
            return default;
        }

        var elements = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var element in value.ChildOperations)
        {
            // [.. items]: the spread collection is written as one value.
            elements.Add(element.Kind == SpreadKind && FirstChild(element) is { } spread ? spread : element);
        }

        return elements.ToImmutable();
    }

    private static IOperation? FirstChild(IOperation operation)
    {
        foreach (var child in operation.ChildOperations)
        {
            return child;
        }

        return null;
    }

    /// <summary>object[], string[], ReadOnlySpan&lt;object?&gt;...; not text buffers (char[], ReadOnlySpan&lt;char&gt;) or bytes.</summary>
    private static bool IsListType(ITypeSymbol type)
    {
        var element = type switch
        {
            IArrayTypeSymbol array => array.ElementType,
            INamedTypeSymbol { Arity: 1, Name: "ReadOnlySpan" or "Span", ContainingNamespace.Name: "System" } span => span.TypeArguments[0],
            _ => null,
        };
        return element is not null && element.SpecialType is not (SpecialType.System_Char or SpecialType.System_Byte);
    }
}
