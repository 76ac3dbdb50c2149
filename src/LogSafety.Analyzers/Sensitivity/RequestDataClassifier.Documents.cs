using System;
using LogSafety.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Sensitivity;

/// <summary>Bodies parsed into documents and collections enumerated into text: the request read back in another shape.</summary>
internal sealed partial class RequestDataClassifier
{
    private bool IsDocumentRead(IMethodSymbol method)
    {
        if (ContentSymbols.Is(method.ContainingType, _symbols.JsonSerializer))
        {
            return method.Name.StartsWith("Deserialize", StringComparison.Ordinal);
        }

        return method.IsStatic && method.Name is "Parse" or "ParseAsync" or "ParseValue" or "DeserializeObject"
            && (IsJsonDocument(method.ContainingType) || ContentSymbols.IsOrDerives(method.ContainingType, _symbols.JsonNode)
                || ContentSymbols.IsOrDerives(method.ContainingType, _symbols.JToken) || ContentSymbols.Is(method.ContainingType, _symbols.JsonConvert));
    }

    /// <summary>Text already judged to be the raw request body (a local that holds ReadToEndAsync of it).</summary>
    private bool IsRawBodyText(IOperation text, LocalFlow flow, LogSafetyOptions options)
    {
        var origin = flow.Trace(Skip(text), part => part is IInvocationOperation call ? ClassifyCall(call, flow, options) : default);
        return origin is { Mark.Kind: SecretKind.RequestBody };
    }

    /// <summary>
    /// The collection a LINQ chain or string.Join enumerates when every item's value is written: "Select(f => f.Key)"
    /// writes only names, so it enumerates nothing sensitive.
    /// </summary>
    private static IOperation? EnumeratedCollection(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.ContainingType?.SpecialType == SpecialType.System_String && method.Name is "Join" or "Concat")
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Value.Type is { SpecialType: not SpecialType.System_String } && Skip(argument.Value) is IInvocationOperation inner
                    && EnumeratedCollection(inner) is { } source)
                {
                    return source;
                }

                if (argument.ArgumentKind != ArgumentKind.ParamArray && Skip(argument.Value) is IPropertyReferenceOperation collection && collection.Type?.SpecialType != SpecialType.System_String)
                {
                    return collection;
                }
            }

            return null;
        }

        IOperation current = invocation;
        for (var step = 0; step < 8 && Skip(current) is IInvocationOperation call && call.TargetMethod.ContainingType?.Name == "Enumerable"; step++)
        {
            if (call.Arguments.Length == 0)
            {
                return null;
            }

            if (call.TargetMethod.Name is "Select" or "SelectMany" && call.Arguments.Length >= 2 && !ProjectionWritesValues(call.Arguments[1].Value))
            {
                return null;
            }

            current = call.Arguments[0].Value;
        }

        return ReferenceEquals(current, invocation) ? null : Skip(current);
    }

    /// <summary>Whether a projection lambda reads its item other than through ".Key" / ".Name".</summary>
    private static bool ProjectionWritesValues(IOperation projection)
    {
        if (Skip(projection) is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } || lambda.Symbol.Parameters.Length == 0)
        {
            return true;
        }

        var item = lambda.Symbol.Parameters[0];
        foreach (var operation in lambda.Body.Descendants())
        {
            if (operation is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, item)
                && reference.Parent is not IPropertyReferenceOperation { Property.Name: "Key" or "Name" })
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsJsonDocument(ITypeSymbol? type) =>
        type is { Name: "JsonDocument", ContainingNamespace: { Name: "Json", ContainingNamespace: { Name: "Text", ContainingNamespace.Name: "System" } } };
}
