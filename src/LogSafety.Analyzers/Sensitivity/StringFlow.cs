using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Sensitivity;

/// <summary>How a logged value is written: as text (ToString), as a structured template value, or member by member.</summary>
internal enum ExposureKind
{
    /// <summary>Converted to text by string building, Console or log4net: ToString() is written.</summary>
    Text,

    /// <summary>A structured template value: ToString() for objects, every item for collections.</summary>
    Template,

    /// <summary>Serilog/NLog '@' or destructureObjects: every public property is written.</summary>
    Destructure,

    /// <summary>JsonSerializer.Serialize / JsonConvert.SerializeObject: every serialized member is written.</summary>
    Serialize,

    /// <summary>JsonConvert.SerializeObject / JToken.FromObject: public properties and fields, Newtonsoft's [JsonIgnore] respected.</summary>
    SerializeJsonNet,

    /// <summary>A [LogProperties] parameter of a [LoggerMessage] method: every public property is written.</summary>
    LogProperties,
}

/// <summary>
/// String operations that carry their input into their result (Trim, case changes, the rest after a prefix,
/// Replace, Encoding.GetBytes, Base64 and hex, URL encoding, ToString, first/single element) and string building
/// (interpolation, concatenation, string.Format/Concat/Join). Sanitizers (Length, Count, comparisons, IsNullOrEmpty)
/// are not here: their results are numbers and booleans, which carry nothing.
/// </summary>
internal static class StringFlow
{
    /// <summary>The operand whose content <paramref name="operation"/> passes on, or null when it is not a transparent step.</summary>
    public static IOperation? Inner(IOperation operation)
    {
        switch (operation)
        {
            case IConversionOperation conversion:
                return conversion.Operand;
            case IParenthesizedOperation parenthesized:
                return parenthesized.Operand;
            case IAwaitOperation awaited:
                return awaited.Operation;
            case IArrayElementReferenceOperation element:
                return element.ArrayReference;
            case IPropertyReferenceOperation { Property.Name: "RootElement", Instance: { } document } when document.Type?.Name == "JsonDocument":
                return document;
            case IPropertyReferenceOperation { Arguments.Length: 1, Instance: { } instance } indexer
                when indexer.Property.ContainingType?.Name == "StringValues":
                return instance;
            case IConditionalAccessOperation conditional when IsTransparentChain(conditional.WhenNotNull):
                return conditional.Operation;
            case IInvocationOperation invocation:
                return InnerOfCall(invocation);
            default:
                return null;
        }
    }

    /// <summary>The pieces a built string is made of, or false when <paramref name="operation"/> builds nothing.</summary>
    public static bool TryGetParts(IOperation operation, List<IOperation> parts)
    {
        switch (operation)
        {
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation hole)
                    {
                        parts.Add(hole.Expression);
                    }
                    else if (part is IInterpolatedStringAppendOperation { AppendCall: IInvocationOperation { Arguments.Length: > 0 } append }
                        && part.Kind == OperationKind.InterpolatedStringAppendFormatted)
                    {
                        // Bound to an interpolated-string handler (sb.AppendLine($"...{value}")): the hole is AppendFormatted's argument.
                        parts.Add(append.Arguments[0].Value);
                    }
                }

                return true;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                parts.Add(binary.LeftOperand);
                parts.Add(binary.RightOperand);
                return true;
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                parts.Add(conditional.WhenTrue);
                parts.Add(whenFalse);
                return true;
            case ICoalesceOperation coalesce:
                parts.Add(coalesce.Value);
                parts.Add(coalesce.WhenNull);
                return true;
            case IInvocationOperation invocation
                when invocation.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String
                    && invocation.TargetMethod.IsStatic
                    && invocation.TargetMethod.Name is "Format" or "Concat" or "Join":
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                    {
                        parts.AddRange(initializer.ElementValues);
                    }
                    else if (!argument.Value.ConstantValue.HasValue)
                    {
                        parts.Add(argument.Value);
                    }
                }

                return true;
            default:
                return false;
        }
    }

    private static IOperation? InnerOfCall(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (type is null)
        {
            return null;
        }

        if (!method.IsStatic && invocation.Instance is { } instance)
        {
            if (method.Name == "ToString" && method.Parameters.IsEmpty)
            {
                return instance;
            }

            // Only value-preserving steps carry the secret: a slice ("Substring(0, 4)") or a Split element is a part
            // of it, which is how values are masked and how ids are cut out of composite handles.
            if (type.SpecialType == SpecialType.System_String && method.Name is "Trim" or "TrimStart" or "TrimEnd" or "ToUpper" or "ToLower"
                or "ToUpperInvariant" or "ToLowerInvariant" or "Normalize" or "PadLeft" or "PadRight" or "ToCharArray"
                or "Replace" or "Insert" or "Remove")
            {
                return instance;
            }

            // "Bearer abc".Substring(7): everything after a prefix is still the whole secret.
            if (type.SpecialType == SpecialType.System_String && method.Name == "Substring" && invocation.Arguments.Length == 1)
            {
                return instance;
            }

            if (type.Name is "StringBuilder" && method.Name is "ToString")
            {
                return instance;
            }

            // A JSON document written back as text is the text it was read from.
            if (type.Name is "JsonElement" or "JsonNode" or "JObject" or "JToken" or "JArray" && method.Name is "GetRawText" or "ToJsonString" or "GetString")
            {
                return instance;
            }

            if (type.Name is "Encoding" or "UTF8Encoding" or "ASCIIEncoding" or "UnicodeEncoding" or "UTF32Encoding"
                && method.Name is "GetBytes" or "GetString" && invocation.Arguments.Length >= 1)
            {
                return invocation.Arguments[0].Value;
            }

            return null;
        }

        if (invocation.Arguments.IsEmpty)
        {
            return null;
        }

        var first = invocation.Arguments[0].Value;
        switch (type.Name)
        {
            // (De)serialization keeps the content: Serialize(Deserialize<JsonDocument>(body)) is the body again. A typed
            // result is judged by its members instead, so only untyped documents carry the text through.
            case "JsonSerializer" or "JsonConvert" when method.Name.StartsWith("Serialize", System.StringComparison.Ordinal):
            case "JsonSerializer" or "JsonConvert" or "JsonDocument" or "JsonNode" or "JObject" or "JToken"
                when (method.Name.StartsWith("Deserialize", System.StringComparison.Ordinal) || method.Name.StartsWith("Parse", System.StringComparison.Ordinal))
                    && IsUntypedDocument(method.ReturnType):
                return first;
            case "Convert" when method.Name is "ToBase64String" or "FromBase64String" or "ToHexString" or "ToHexStringLower" or "FromHexString" or "ToBase64CharArray":
            case "Base64UrlEncoder" or "Base64Url" or "WebEncoders" when method.Name.StartsWith("Encode", System.StringComparison.Ordinal)
                || method.Name.StartsWith("Decode", System.StringComparison.Ordinal) || method.Name.StartsWith("Base64Url", System.StringComparison.Ordinal):
            case "WebUtility" or "HttpUtility" or "Uri" or "UrlEncoder" or "HtmlEncoder" when method.Name is "UrlEncode" or "UrlDecode"
                or "HtmlEncode" or "EscapeDataString" or "UnescapeDataString" or "EscapeUriString" or "Encode":
            case "Enumerable" when method.Name is "First" or "FirstOrDefault" or "Single" or "SingleOrDefault" or "Last" or "LastOrDefault"
                or "ElementAt" or "ElementAtOrDefault" or "ToArray" or "ToList":
                return first;
            case "Marshal" when method.Name.StartsWith("PtrToString", System.StringComparison.Ordinal):
                return first;
            default:
                return null;
        }
    }

    private static bool IsUntypedDocument(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { Name: "Task" or "ValueTask", TypeArguments.Length: 1 } task)
        {
            type = task.TypeArguments[0];
        }

        return type is not null && (type.SpecialType is SpecialType.System_String or SpecialType.System_Object || type.TypeKind == TypeKind.Dynamic
            || IsJsonTreeName(type.Name));
    }

    /// <summary>The names of the JSON document and node types of System.Text.Json and Json.NET, which hold text as read.</summary>
    internal static bool IsJsonTreeName(string name) =>
        name is "JsonDocument" or "JsonElement" or "JsonNode" or "JsonObject" or "JObject" or "JToken";

    private static bool IsTransparentChain(IOperation operation)
    {
        for (var step = 0; step < 8; step++)
        {
            if (operation is IConditionalAccessInstanceOperation)
            {
                return true;
            }

            if (Inner(operation) is not { } inner)
            {
                return false;
            }

            operation = inner;
        }

        return false;
    }
}
