using Microsoft.CodeAnalysis;

namespace LogSafety.Analyzers.Sensitivity;

/// <summary>
/// The request, header, serialization, attribute and credential types LS0004–LS0006 recognize, resolved once per
/// compilation. A null member means the library is not referenced and its rule simply never matches.
/// </summary>
internal sealed class ContentSymbols
{
    private ContentSymbols(Compilation compilation)
    {
        HttpRequest = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpRequest");
        HttpContext = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpContext");
        FormCollection = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IFormCollection");
        RequestCookies = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IRequestCookieCollection");
        HeaderDictionary = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IHeaderDictionary");
        HeaderNames = compilation.GetTypeByMetadataName("Microsoft.Net.Http.Headers.HeaderNames");
        HttpRequestJsonExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpRequestJsonExtensions");
        FromBodyAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.FromBodyAttribute");

        HttpRequestMessage = compilation.GetTypeByMetadataName("System.Net.Http.HttpRequestMessage");
        HttpContent = compilation.GetTypeByMetadataName("System.Net.Http.HttpContent");
        HttpHeaders = compilation.GetTypeByMetadataName("System.Net.Http.Headers.HttpHeaders");
        AuthenticationHeaderValue = compilation.GetTypeByMetadataName("System.Net.Http.Headers.AuthenticationHeaderValue");
        TextReader = compilation.GetTypeByMetadataName("System.IO.TextReader");
        StreamReader = compilation.GetTypeByMetadataName("System.IO.StreamReader");

        JsonSerializer = compilation.GetTypeByMetadataName("System.Text.Json.JsonSerializer");
        JsonElement = compilation.GetTypeByMetadataName("System.Text.Json.JsonElement");
        JsonNode = compilation.GetTypeByMetadataName("System.Text.Json.Nodes.JsonNode");
        StjJsonIgnore = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonIgnoreAttribute");
        StjJsonInclude = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonIncludeAttribute");
        JsonConvert = compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonConvert");
        NewtonsoftJsonIgnore = compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonIgnoreAttribute");
        JToken = compilation.GetTypeByMetadataName("Newtonsoft.Json.Linq.JToken");

        LogPropertiesAttribute = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LogPropertiesAttribute");
        LogPropertyIgnoreAttribute = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LogPropertyIgnoreAttribute");
        DataClassificationAttribute = compilation.GetTypeByMetadataName("Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute");
        PasswordPropertyTextAttribute = compilation.GetTypeByMetadataName("System.ComponentModel.PasswordPropertyTextAttribute");
        DataTypeAttribute = compilation.GetTypeByMetadataName("System.ComponentModel.DataAnnotations.DataTypeAttribute");
        ProtectedPersonalDataAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Identity.ProtectedPersonalDataAttribute");

        SecureString = compilation.GetTypeByMetadataName("System.Security.SecureString");
        Credentials = compilation.GetTypeByMetadataName("System.Net.ICredentials");
        SecurityToken = compilation.GetTypeByMetadataName("Microsoft.IdentityModel.Tokens.SecurityToken");
        AuthenticationProperties = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Authentication.AuthenticationProperties");
        AuthenticationTicket = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Authentication.AuthenticationTicket");
        Marshal = compilation.GetTypeByMetadataName("System.Runtime.InteropServices.Marshal");
        StringValues = compilation.GetTypeByMetadataName("Microsoft.Extensions.Primitives.StringValues");
    }

    public INamedTypeSymbol? HttpRequest { get; }
    public INamedTypeSymbol? HttpContext { get; }
    public INamedTypeSymbol? FormCollection { get; }
    public INamedTypeSymbol? RequestCookies { get; }
    public INamedTypeSymbol? HeaderDictionary { get; }
    public INamedTypeSymbol? HeaderNames { get; }
    public INamedTypeSymbol? HttpRequestJsonExtensions { get; }
    public INamedTypeSymbol? FromBodyAttribute { get; }
    public INamedTypeSymbol? HttpRequestMessage { get; }
    public INamedTypeSymbol? HttpContent { get; }
    public INamedTypeSymbol? HttpHeaders { get; }
    public INamedTypeSymbol? AuthenticationHeaderValue { get; }
    public INamedTypeSymbol? TextReader { get; }
    public INamedTypeSymbol? StreamReader { get; }
    public INamedTypeSymbol? JsonSerializer { get; }
    public INamedTypeSymbol? JsonElement { get; }
    public INamedTypeSymbol? JsonNode { get; }
    public INamedTypeSymbol? StjJsonIgnore { get; }
    public INamedTypeSymbol? StjJsonInclude { get; }
    public INamedTypeSymbol? JsonConvert { get; }
    public INamedTypeSymbol? NewtonsoftJsonIgnore { get; }
    public INamedTypeSymbol? JToken { get; }
    public INamedTypeSymbol? LogPropertiesAttribute { get; }
    public INamedTypeSymbol? LogPropertyIgnoreAttribute { get; }
    public INamedTypeSymbol? DataClassificationAttribute { get; }
    public INamedTypeSymbol? PasswordPropertyTextAttribute { get; }
    public INamedTypeSymbol? DataTypeAttribute { get; }
    public INamedTypeSymbol? ProtectedPersonalDataAttribute { get; }
    public INamedTypeSymbol? SecureString { get; }
    public INamedTypeSymbol? Credentials { get; }
    public INamedTypeSymbol? SecurityToken { get; }
    public INamedTypeSymbol? AuthenticationProperties { get; }
    public INamedTypeSymbol? AuthenticationTicket { get; }
    public INamedTypeSymbol? Marshal { get; }
    public INamedTypeSymbol? StringValues { get; }

    public static ContentSymbols Create(Compilation compilation) => new(compilation);

    /// <summary>True when <paramref name="type"/> is, derives from or implements <paramref name="target"/>.</summary>
    /// <summary>The symbol carries an attribute of <paramref name="attributeType"/> or a type derived from it.</summary>
    public static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return false;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (IsOrDerives(attribute.AttributeClass, attributeType))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsOrDerives(ITypeSymbol? type, INamedTypeSymbol? target)
    {
        if (type is null || target is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, target))
            {
                return true;
            }
        }

        if (target.TypeKind == TypeKind.Interface)
        {
            foreach (var candidate in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, target))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? target) =>
        type is not null && target is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, target);
}
