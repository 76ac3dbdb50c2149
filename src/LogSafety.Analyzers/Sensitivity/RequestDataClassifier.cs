using System;
using System.Collections.Immutable;
using LogSafety.Analyzers.Options;
using LogSafety.Analyzers.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Sensitivity;

/// <summary>
/// LS0004 and LS0005, by symbol: what is read from HttpRequest.Body (StreamReader.ReadToEnd[Async], raw
/// ReadFromJsonAsync/Deserialize results), raw [FromBody] parameters, the request form, a whole HttpRequest or
/// HttpContext, an outgoing HttpRequestMessage's content read to text; credential headers (indexers, TryGetValue,
/// typed properties, AuthenticationHeaderValue, HttpHeaders.GetValues), cookies, and whole header and cookie collections.
/// </summary>
internal sealed partial class RequestDataClassifier
{
    /// <summary>Header names that carry credentials, compared without case, '-' or '_'.</summary>
    private static readonly ImmutableHashSet<string> CredentialHeaders = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "authorization", "proxyauthorization", "cookie", "setcookie", "xapikey", "apikey", "xauthtoken", "xaccesstoken",
        "xamzsecuritytoken", "ocpapimsubscriptionkey", "xfunctionskey", "xcsrftoken", "xxsrftoken", "xrefreshtoken",
        "xidtoken", "xsessionid", "xsessiontoken", "xgoogapikey", "privatetoken", "xgitlabtoken", "xhubsignature256");

    private readonly ContentSymbols _symbols;

    public RequestDataClassifier(ContentSymbols symbols) => _symbols = symbols;

    public bool IsActive => _symbols.HttpRequest is not null || _symbols.HttpRequestMessage is not null;

    /// <summary>The verdict for one expression, logged the way <paramref name="exposure"/> says; receivers are followed through locals by <paramref name="flow"/>.</summary>
    public SensitiveMark Classify(IOperation operation, ExposureKind exposure, LocalFlow flow, LogSafetyOptions options)
    {
        if (!IsActive)
        {
            return default;
        }

        switch (operation)
        {
            case IPropertyReferenceOperation property:
                var byProperty = ClassifyProperty(property, options);
                if (byProperty.IsSensitive)
                {
                    return byProperty;
                }

                var byLoop = ClassifyLoopValue(property, flow);
                if (byLoop.IsSensitive)
                {
                    return byLoop;
                }

                break;
            case IInvocationOperation invocation:
                var byCall = ClassifyCall(invocation, flow, options);
                if (byCall.IsSensitive)
                {
                    return byCall;
                }

                break;
            case IParameterReferenceOperation parameter when IsRawBodyType(parameter.Type) && ContentSymbols.HasAttribute(parameter.Parameter, _symbols.FromBodyAttribute):
                return new SensitiveMark(SecretKind.RequestBody, "is the raw request body ([FromBody]), which can carry passwords and tokens,");
        }

        return ClassifyWhole(operation.Type, exposure);
    }

    private SensitiveMark ClassifyProperty(IPropertyReferenceOperation reference, LogSafetyOptions options)
    {
        var property = reference.Property;
        var owner = property.ContainingType;

        // Request.Headers["Authorization"], Request.Headers[HeaderNames.Cookie]
        if (reference.Arguments.Length == 1 && reference.Instance is { } instance)
        {
            var key = KeyText(reference.Arguments[0].Value);
            if (IsHeaders(instance.Type) || IsHeaders(owner))
            {
                return key is not null && IsCredentialHeader(key, options)
                    ? new SensitiveMark(SecretKind.CredentialHeader, $"is the '{key}' header")
                    : default;
            }

            if (ContentSymbols.IsOrDerives(instance.Type, _symbols.RequestCookies))
            {
                if (key is null)
                {
                    return new SensitiveMark(SecretKind.CredentialHeader, "is a request cookie");
                }

                return IsCredentialCookie(key, options) ? new SensitiveMark(SecretKind.CredentialHeader, $"is the '{key}' cookie") : default;
            }

            return default;
        }

        // Request.Headers.Authorization and the other typed credential headers of IHeaderDictionary.
        if (IsHeaders(owner) && property.Name is "Authorization" or "ProxyAuthorization" or "Cookie" or "SetCookie")
        {
            return new SensitiveMark(SecretKind.CredentialHeader, $"is the '{HeaderDisplay(property.Name)}' header");
        }

        // AuthenticationHeaderValue.Parameter is the credential itself ("Bearer <token>" without "Bearer").
        if (ContentSymbols.Is(owner, _symbols.AuthenticationHeaderValue) && property.Name == "Parameter")
        {
            return new SensitiveMark(SecretKind.CredentialHeader, "is the credential of an Authorization header");
        }

        return default;
    }

    private SensitiveMark ClassifyCall(IInvocationOperation invocation, LocalFlow flow, LogSafetyOptions options)
    {
        var method = invocation.TargetMethod;
        var owner = method.ContainingType;

        // Headers.TryGetValue("Authorization", out var value), HttpHeaders.GetValues/TryGetValues("Authorization").
        if (method.Name is "TryGetValue" or "GetValues" or "TryGetValues" or "GetCommaSeparatedValues" && invocation.Arguments.Length >= 1)
        {
            var receiver = invocation.Instance ?? invocation.Arguments[0].Value;
            var keyArgument = invocation.Instance is null && invocation.Arguments.Length >= 2 ? invocation.Arguments[1] : invocation.Arguments[0];
            var key = KeyText(keyArgument.Value);
            if (key is not null && (IsHeaders(receiver.Type) || IsHeaders(owner)) && IsCredentialHeader(key, options))
            {
                return new SensitiveMark(SecretKind.CredentialHeader, $"is the '{key}' header");
            }

            if (key is not null && ContentSymbols.IsOrDerives(receiver.Type, _symbols.RequestCookies) && IsCredentialCookie(key, options))
            {
                return new SensitiveMark(SecretKind.CredentialHeader, $"is the '{key}' cookie");
            }

            return default;
        }

        // new StreamReader(Request.Body).ReadToEnd[Async]()
        if (method.Name is "ReadToEnd" or "ReadToEndAsync" or "ReadLine" or "ReadLineAsync"
            && ContentSymbols.IsOrDerives(owner, _symbols.TextReader)
            && invocation.Instance is { } reader
            && ReadsRequestBody(reader, flow, depth: 0))
        {
            return new SensitiveMark(SecretKind.RequestBody, "is read from the raw request body, which can carry passwords and tokens,");
        }

        // await Request.ReadFromJsonAsync<JsonElement>(): the whole body, untyped.
        if (ContentSymbols.Is(owner, _symbols.HttpRequestJsonExtensions) && method.Name.StartsWith("ReadFromJson", StringComparison.Ordinal))
        {
            return IsRawBodyType(UnwrapTask(method.ReturnType))
                ? new SensitiveMark(SecretKind.RequestBody, "is the request body read as untyped JSON, which can carry passwords and tokens,")
                : default;
        }

        // JsonSerializer.Deserialize[Async]<JsonElement>(Request.Body)
        if (ContentSymbols.Is(owner, _symbols.JsonSerializer) && method.Name.StartsWith("Deserialize", StringComparison.Ordinal)
            && invocation.Arguments.Length >= 1 && IsRequestBody(invocation.Arguments[0].Value, flow, 0)
            && IsRawBodyType(UnwrapTask(method.ReturnType)))
        {
            return new SensitiveMark(SecretKind.RequestBody, "is the request body read as untyped JSON, which can carry passwords and tokens,");
        }

        // JsonDocument.Parse(body), JsonSerializer.Deserialize<JsonDocument>(bodyText), JObject.Parse(bodyText): the raw
        // body as a document, read from the request stream or from text that was.
        if (IsDocumentRead(method) && invocation.Arguments.Length >= 1 && IsRawBodyType(UnwrapTask(method.ReturnType))
            && (IsRequestBody(invocation.Arguments[0].Value, flow, 0) || IsRawBodyText(invocation.Arguments[0].Value, flow, options)))
        {
            return new SensitiveMark(SecretKind.RequestBody, "is the request body parsed as an untyped document, which can carry passwords and tokens,");
        }

        // string.Join(",", Request.Form.Select(f => $"{f.Key}={f.Value}")): every value of the collection, as text.
        if (EnumeratedCollection(invocation) is { } collection)
        {
            var whole = ClassifyWhole(collection.Type, ExposureKind.Template);
            if (whole.IsSensitive)
            {
                return whole;
            }
        }

        // request.Content.ReadAsStringAsync() on an outgoing HttpRequestMessage (token requests carry client secrets).
        if (method.Name is "ReadAsStringAsync" or "ReadAsString" or "ReadAsByteArrayAsync"
            && ContentSymbols.IsOrDerives(owner, _symbols.HttpContent)
            && invocation.Instance is { } content
            && IsRequestMessageContent(content, flow))
        {
            return new SensitiveMark(SecretKind.RequestBody, "is the body of an outgoing HTTP request, which can carry client secrets and passwords,");
        }

        return default;
    }

    /// <summary>Values logged whole: collections write every item, some types write secrets from ToString().</summary>
    private SensitiveMark ClassifyWhole(ITypeSymbol? type, ExposureKind exposure)
    {
        if (type is null || type.TypeKind == TypeKind.Error)
        {
            return default;
        }

        // ToString() of these prints credentials, so even plain text exposes them.
        if (ContentSymbols.IsOrDerives(type, _symbols.AuthenticationHeaderValue))
        {
            return new SensitiveMark(SecretKind.CredentialHeader, "is an Authorization header value, scheme and credential");
        }

        if (IsRequestHeaderCollection(type))
        {
            return new SensitiveMark(SecretKind.CredentialHeader, "holds every header of the request, Authorization included");
        }

        if (ContentSymbols.IsOrDerives(type, _symbols.HttpRequestMessage))
        {
            return new SensitiveMark(SecretKind.CredentialHeader, "is an HttpRequestMessage, whose text includes its headers (Authorization included)");
        }

        var writesItems = exposure != ExposureKind.Text;
        if (writesItems && ContentSymbols.IsOrDerives(type, _symbols.HeaderDictionary))
        {
            return new SensitiveMark(SecretKind.CredentialHeader, "holds every request header, Authorization and Cookie included");
        }

        if (writesItems && ContentSymbols.IsOrDerives(type, _symbols.RequestCookies))
        {
            return new SensitiveMark(SecretKind.CredentialHeader, "holds every request cookie, the session and authentication cookies included");
        }

        if (writesItems && ContentSymbols.IsOrDerives(type, _symbols.FormCollection))
        {
            return new SensitiveMark(SecretKind.RequestBody, "is the whole request form, password fields included,");
        }

        var writesMembers = exposure is ExposureKind.Destructure or ExposureKind.Serialize or ExposureKind.LogProperties;
        if (writesMembers && ContentSymbols.IsOrDerives(type, _symbols.HttpRequest))
        {
            return new SensitiveMark(SecretKind.RequestBody, "is the whole HttpRequest, with its headers, cookies and form");
        }

        if (writesMembers && ContentSymbols.IsOrDerives(type, _symbols.HttpContext))
        {
            return new SensitiveMark(SecretKind.RequestBody, "is the whole HttpContext, with the request's headers, cookies and form");
        }

        return default;
    }

    private bool ReadsRequestBody(IOperation reader, LocalFlow flow, int depth)
    {
        reader = Skip(reader);
        if (depth < 3 && LocalFlow.SymbolOf(reader) is not null)
        {
            foreach (var source in flow.SourcesOf(reader))
            {
                if (ReadsRequestBody(source, flow, depth + 1))
                {
                    return true;
                }
            }

            return false;
        }

        return reader is IObjectCreationOperation { Arguments.Length: >= 1 } creation
            && ContentSymbols.IsOrDerives(creation.Type, _symbols.TextReader)
            && IsRequestBody(creation.Arguments[0].Value, flow, depth);
    }

    /// <summary>HttpRequest.Body or BodyReader.AsStream(), directly or through a local.</summary>
    private bool IsRequestBody(IOperation stream, LocalFlow flow, int depth)
    {
        stream = Skip(stream);
        if (depth < 3 && LocalFlow.SymbolOf(stream) is not null)
        {
            foreach (var source in flow.SourcesOf(stream))
            {
                if (IsRequestBody(source, flow, depth + 1))
                {
                    return true;
                }
            }

            return false;
        }

        if (stream is IInvocationOperation { TargetMethod.Name: "AsStream" } asStream)
        {
            stream = Skip(asStream.Instance ?? (asStream.Arguments.Length > 0 ? asStream.Arguments[0].Value : asStream));
        }

        return stream is IPropertyReferenceOperation { Property.Name: "Body" or "BodyReader" } body
            && ContentSymbols.IsOrDerives(body.Property.ContainingType, _symbols.HttpRequest);
    }

    private bool IsRequestMessageContent(IOperation content, LocalFlow flow)
    {
        content = Skip(content);
        if (LocalFlow.SymbolOf(content) is not null)
        {
            foreach (var source in flow.SourcesOf(content))
            {
                if (Skip(source) is IPropertyReferenceOperation { Property.Name: "Content" } sourceProperty
                    && ContentSymbols.IsOrDerives(sourceProperty.Property.ContainingType, _symbols.HttpRequestMessage))
                {
                    return true;
                }
            }

            return false;
        }

        return content is IPropertyReferenceOperation { Property.Name: "Content" } property
            && ContentSymbols.IsOrDerives(property.Property.ContainingType, _symbols.HttpRequestMessage);
    }

    private bool IsHeaders(ITypeSymbol? type) => ContentSymbols.IsOrDerives(type, _symbols.HeaderDictionary) || ContentSymbols.IsOrDerives(type, _symbols.HttpHeaders);

    /// <summary>
    /// An HttpClient header collection that can hold Authorization and Cookie: a request's (HttpRequestHeaders), or one
    /// typed only as HttpHeaders. A response's headers (an API's error response logged whole) and a body's content
    /// headers carry none of the caller's credentials; reading Set-Cookie from them by name is still reported.
    /// </summary>
    private bool IsRequestHeaderCollection(ITypeSymbol type) =>
        ContentSymbols.IsOrDerives(type, _symbols.HttpRequestHeaders) || ContentSymbols.Is(type, _symbols.HttpHeaders);

    /// <summary>Untyped bodies: text, JSON DOMs, object, dynamic and string-keyed dictionaries.</summary>
    private bool IsRawBodyType(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        type = NullableTypes.Underlying(type);

        return type.SpecialType is SpecialType.System_String or SpecialType.System_Object
            || type.TypeKind == TypeKind.Dynamic
            || ContentSymbols.Is(type, _symbols.JsonElement)
            || IsJsonDocument(type)
            || ContentSymbols.IsOrDerives(type, _symbols.JsonNode)
            || ContentSymbols.IsOrDerives(type, _symbols.JToken)
            || type is INamedTypeSymbol { Name: "Dictionary" or "IDictionary" or "IReadOnlyDictionary", TypeArguments.Length: 2 } dictionary
                && dictionary.TypeArguments[0].SpecialType == SpecialType.System_String;
    }

    private bool IsCredentialHeader(string name, LogSafetyOptions options)
    {
        var normalized = Normalize(name);
        return CredentialHeaders.Contains(normalized) || NameClassifier.Classify(name, options).IsSensitive;
    }

    /// <summary>Authentication, session and anti-forgery cookies, and any cookie whose name says it holds a secret.</summary>
    private static bool IsCredentialCookie(string name, LogSafetyOptions options)
    {
        if (NameClassifier.Classify(name, options).IsSensitive)
        {
            return true;
        }

        var lower = name.ToLowerInvariant();
        if (lower.StartsWith(".aspnetcore.", StringComparison.Ordinal) && !lower.StartsWith(".aspnetcore.culture", StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var word in NameWords.Split(name))
        {
            if (word is "auth" or "authentication" or "session" or "sid" or "sessid" or "identity" or "jwt" or "token" or "antiforgery"
                or "xsrf" or "csrf" or "remember" or "login" or "sso" or "saml" or "oidc")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A constant key, or a HeaderNames field ("Authorization" for HeaderNames.Authorization, which is not const).</summary>
    private string? KeyText(IOperation key)
    {
        key = Skip(key);
        if (key.ConstantValue is { HasValue: true, Value: string text })
        {
            return text;
        }

        if (key is IFieldReferenceOperation { Field: { IsStatic: true } field } && ContentSymbols.Is(field.ContainingType, _symbols.HeaderNames))
        {
            return HeaderDisplay(field.Name);
        }

        return null;
    }

    private static string HeaderDisplay(string propertyName) => propertyName switch
    {
        "ProxyAuthorization" => "Proxy-Authorization",
        "SetCookie" => "Set-Cookie",
        "XApiKey" => "X-Api-Key",
        _ => propertyName,
    };

    private static string Normalize(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static ITypeSymbol? UnwrapTask(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "Task" or "ValueTask", TypeArguments.Length: 1 } task ? task.TypeArguments[0] : type;

    private static IOperation Skip(IOperation operation)
    {
        while (operation is IConversionOperation or IParenthesizedOperation or IAwaitOperation)
        {
            operation = operation switch
            {
                IConversionOperation conversion => conversion.Operand,
                IParenthesizedOperation parenthesized => parenthesized.Operand,
                IAwaitOperation awaited => awaited.Operation,
                _ => operation,
            };
        }

        return operation;
    }
}
