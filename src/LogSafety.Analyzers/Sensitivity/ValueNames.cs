using System.Collections.Immutable;
using LogSafety.Analyzers.Logging;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Sensitivity;

/// <summary>
/// The words a value's own expression names: a local, parameter, field or property ("request.Password" → password),
/// a method's result ("GenerateAccessToken()" → access token), a configuration key ("config["Jwt:Secret"]"),
/// with generic members judged with their receiver ("session.Id" → session id). Transparent string operations
/// ("password.Trim()", "token.ToString()") are looked through.
/// </summary>
internal static class ValueNames
{
    private const int MaxSteps = 8;

    public static ImmutableArray<string> WordsOf(IOperation operation)
    {
        for (var step = 0; step < MaxSteps; step++)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                case ILocalReferenceOperation local:
                    return NameWords.Split(local.Local.Name);
                case IParameterReferenceOperation parameter:
                    return NameWords.Split(parameter.Parameter.Name);
                case IFieldReferenceOperation field:
                    return MemberWords(field.Field.Name, field.Instance, field.Field.ContainingType);
                case IPropertyReferenceOperation { Arguments.Length: 1 } indexer:
                    return IndexerWords(indexer);
                case IPropertyReferenceOperation property:
                    return MemberWords(property.Property.Name, property.Instance, property.Property.ContainingType);
                case IConditionalAccessOperation conditional:
                    operation = conditional.WhenNotNull;
                    continue;
                case IArrayElementReferenceOperation element:
                    operation = element.ArrayReference;
                    continue;
                case IInvocationOperation invocation:
                    if (IsTransparent(invocation, out var inner))
                    {
                        operation = inner;
                        continue;
                    }

                    return MethodWords(invocation);
                case IAwaitOperation awaited:
                    operation = awaited.Operation;
                    continue;
                default:
                    return ImmutableArray<string>.Empty;
            }
        }

        return ImmutableArray<string>.Empty;
    }

    /// <summary>
    /// The generic member ("Id", "Key", "Token"...) whose words come from its receiver ("session.Id"), with the
    /// receiver's type; null when the value names itself outright ("sessionId", "request.SessionId").
    /// </summary>
    public static ISymbol? MemberNamedByReceiver(IOperation operation, out ITypeSymbol? receiverType)
    {
        receiverType = null;
        for (var step = 0; step < MaxSteps; step++)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                case IConditionalAccessOperation conditional:
                    operation = conditional.WhenNotNull;
                    continue;
                case IAwaitOperation awaited:
                    operation = awaited.Operation;
                    continue;
                case IInvocationOperation invocation when IsTransparent(invocation, out var inner):
                    operation = inner;
                    continue;
                case IFieldReferenceOperation field when IsGeneric(NameWords.Split(field.Field.Name)):
                    receiverType = ReceiverType(field.Instance, field.Field.ContainingType);
                    return field.Field;
                case IPropertyReferenceOperation { Arguments.IsEmpty: true } property when IsGeneric(NameWords.Split(property.Property.Name)):
                    receiverType = ReceiverType(property.Instance, property.Property.ContainingType);
                    return property.Property;
                default:
                    return null;
            }
        }

        return null;
    }

    private static ITypeSymbol? ReceiverType(IOperation? instance, INamedTypeSymbol containingType)
    {
        if (instance is null or IInstanceReferenceOperation)
        {
            return containingType;
        }

        if (instance is IConditionalAccessInstanceOperation)
        {
            for (var current = instance.Parent; current is not null; current = current.Parent)
            {
                if (current is IConditionalAccessOperation conditional)
                {
                    return conditional.Operation.Type;
                }
            }
        }

        return LoggedValueCollector.SkipConversions(instance).Type;
    }

    /// <summary>A short, readable form of the value for messages ("request.Password").</summary>
    public static string Display(IOperation operation)
    {
        var text = operation.Syntax.ToString();
        text = text.Replace("\r", " ").Replace("\n", " ");
        return text.Length <= 80 ? text : text.Substring(0, 77) + "...";
    }

    private static ImmutableArray<string> MemberWords(string memberName, IOperation? instance, INamedTypeSymbol? containingType)
    {
        var words = NameWords.Split(memberName);
        if (!IsGeneric(words))
        {
            return words;
        }

        // "session.Id", "apiKey.Value", "token.Hash": the receiver says what the generic member belongs to.
        var receiverWords = instance is null or IInstanceReferenceOperation
            ? containingType is null ? ImmutableArray<string>.Empty : NameWords.Split(containingType.Name)
            : ReceiverWords(instance);
        return receiverWords.IsEmpty ? words : receiverWords.AddRange(words);
    }

    private static ImmutableArray<string> ReceiverWords(IOperation receiver)
    {
        receiver = LoggedValueCollector.SkipConversions(receiver);
        return receiver switch
        {
            ILocalReferenceOperation local => NameWords.Split(local.Local.Name),
            IParameterReferenceOperation parameter => NameWords.Split(parameter.Parameter.Name),
            IFieldReferenceOperation field => NameWords.Split(field.Field.Name),
            IPropertyReferenceOperation property => NameWords.Split(property.Property.Name),
            IConditionalAccessInstanceOperation instance => ConditionalReceiverWords(instance),
            _ => receiver.Type is { } type ? NameWords.Split(type.Name) : ImmutableArray<string>.Empty,
        };
    }

    /// <summary>"User.FindFirst("access_token")?.Value": the receiver of "?." is the conditional access's own operand.</summary>
    private static ImmutableArray<string> ConditionalReceiverWords(IConditionalAccessInstanceOperation instance)
    {
        for (var current = instance.Parent; current is not null; current = current.Parent)
        {
            if (current is IConditionalAccessOperation conditional)
            {
                var receiver = LoggedValueCollector.SkipConversions(conditional.Operation);
                return receiver is IInvocationOperation invocation ? MethodWords(invocation) : ReceiverWords(receiver);
            }
        }

        return ImmutableArray<string>.Empty;
    }

    private static ImmutableArray<string> IndexerWords(IPropertyReferenceOperation indexer)
    {
        // config["Jwt:Secret"], claims["refresh_token"], Request.Query["token"]: the constant key names the value.
        var key = indexer.Arguments[0].Value.ConstantValue;
        if (key.HasValue && key.Value is string text)
        {
            return NameWords.Split(text);
        }

        return indexer.Instance is { } instance ? ReceiverWords(instance) : ImmutableArray<string>.Empty;
    }

    private static ImmutableArray<string> MethodWords(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;

        // GetValue<string>("Jwt:Key"), GetEnvironmentVariable("API_KEY"), GetConnectionString(...): the key names the value.
        if (IsLookup(method.Name))
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Value.ConstantValue is { HasValue: true, Value: string key } && argument.Parameter?.Type.SpecialType == SpecialType.System_String)
                {
                    return NameWords.Split(key);
                }
            }
        }

        var words = NameWords.Split(method.Name);
        if (words.Length > 1 && SecretVocabulary.NonProducingVerbs.Contains(words[0]))
        {
            return ImmutableArray<string>.Empty;
        }

        var start = 0;
        while (start < words.Length - 1 && SecretVocabulary.MethodVerbs.Contains(words[start]))
        {
            start++;
        }

        // "HashPassword(password)" names a password hash.
        var result = start == 0 ? words : words.RemoveRange(0, start);
        if (start > 0 && words[0] == "hash")
        {
            result = result.Add("hash");
        }

        return result;
    }

    private static bool IsLookup(string name)
    {
        foreach (var verb in LookupVerbs)
        {
            if (name.StartsWith(verb, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] LookupVerbs = { "Get", "Find", "Read", "TryGet", "Lookup", "Retrieve", "Fetch", "Resolve", "Load" };

    /// <summary>String operations whose result is still the secret: the name to judge is the receiver's (or argument's).</summary>
    private static bool IsTransparent(IInvocationOperation invocation, out IOperation inner)
    {
        var method = invocation.TargetMethod;
        inner = invocation;
        switch (method.Name)
        {
            case "ToString" when invocation.Instance is not null && invocation.Arguments.IsEmpty:
            case "Trim" or "TrimStart" or "TrimEnd" or "ToUpper" or "ToLower" or "ToUpperInvariant" or "ToLowerInvariant"
                or "Normalize" or "PadLeft" or "PadRight" or "ToCharArray" or "AsSpan" or "AsMemory" or "Replace"
                or "Insert" or "Remove" when invocation.Instance is not null && method.ContainingType?.SpecialType == SpecialType.System_String:
            case "Substring" when invocation.Instance is not null && invocation.Arguments.Length == 1 && method.ContainingType?.SpecialType == SpecialType.System_String:
            // node["password"].GetValue<string>(), element.GetString(), token.ToObject<string>(): a JSON node's value.
            case "GetValue" or "GetString" or "GetRawText" or "ToJsonString" or "ToObject"
                when invocation.Instance is not null && invocation.Arguments.IsEmpty
                    && method.ContainingType?.Name is "JsonNode" or "JsonValue" or "JsonElement" or "JToken" or "JValue":
                inner = invocation.Instance!;
                return true;
            case "ToBase64String" or "ToHexString" or "ToHexStringLower" or "GetString" or "GetBytes" or "UrlEncode" or "EscapeDataString"
                when invocation.Arguments.Length >= 1:
                var type = method.ContainingType?.Name;
                if (type is "Convert" or "Encoding" or "UTF8Encoding" or "ASCIIEncoding" or "UnicodeEncoding" or "HttpUtility" or "WebUtility" or "Uri" or "UrlEncoder")
                {
                    inner = invocation.Arguments[0].Value;
                    return true;
                }

                return false;
            default:
                return false;
        }
    }

    private static bool IsGeneric(ImmutableArray<string> words) =>
        words.Length == 1 && SecretVocabulary.GenericMemberWords.Contains(words[0]);
}
