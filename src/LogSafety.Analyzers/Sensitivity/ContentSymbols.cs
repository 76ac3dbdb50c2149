using LogSafety.Analyzers.Roslyn;
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
        HttpRequest = TypeLookup.Find(compilation, "Microsoft.AspNetCore.Http.HttpRequest");
        HttpContext = TypeLookup.Find(compilation, "Microsoft.AspNetCore.Http.HttpContext");
        FormCollection = TypeLookup.Find(compilation, "Microsoft.AspNetCore.Http.IFormCollection");
        RequestCookies = TypeLookup.Find(compilation, "Microsoft.AspNetCore.Http.IRequestCookieCollection");
        HeaderDictionary = TypeLookup.Find(compilation, "Microsoft.AspNetCore.Http.IHeaderDictionary");
        HeaderNames = TypeLookup.Find(compilation, "Microsoft.Net.Http.Headers.HeaderNames");
        HttpRequestJsonExtensions = TypeLookup.Find(compilation, "Microsoft.AspNetCore.Http.HttpRequestJsonExtensions");
        FromBodyAttribute = TypeLookup.Find(compilation, "Microsoft.AspNetCore.Mvc.FromBodyAttribute");

        HttpRequestMessage = TypeLookup.Find(compilation, "System.Net.Http.HttpRequestMessage");
        HttpContent = TypeLookup.Find(compilation, "System.Net.Http.HttpContent");
        HttpHeaders = TypeLookup.Find(compilation, "System.Net.Http.Headers.HttpHeaders");
        HttpRequestHeaders = TypeLookup.Find(compilation, "System.Net.Http.Headers.HttpRequestHeaders");
        AuthenticationHeaderValue = TypeLookup.Find(compilation, "System.Net.Http.Headers.AuthenticationHeaderValue");
        TextReader = TypeLookup.Find(compilation, "System.IO.TextReader");
        StreamReader = TypeLookup.Find(compilation, "System.IO.StreamReader");

        JsonSerializer = TypeLookup.Find(compilation, "System.Text.Json.JsonSerializer");
        JsonElement = TypeLookup.Find(compilation, "System.Text.Json.JsonElement");
        JsonNode = TypeLookup.Find(compilation, "System.Text.Json.Nodes.JsonNode");
        StjJsonIgnore = TypeLookup.Find(compilation, "System.Text.Json.Serialization.JsonIgnoreAttribute");
        StjJsonInclude = TypeLookup.Find(compilation, "System.Text.Json.Serialization.JsonIncludeAttribute");
        JsonConvert = TypeLookup.Find(compilation, "Newtonsoft.Json.JsonConvert");
        NewtonsoftJsonIgnore = TypeLookup.Find(compilation, "Newtonsoft.Json.JsonIgnoreAttribute");
        JToken = TypeLookup.Find(compilation, "Newtonsoft.Json.Linq.JToken");

        LogPropertiesAttribute = TypeLookup.Find(compilation, "Microsoft.Extensions.Logging.LogPropertiesAttribute");
        LogPropertyIgnoreAttribute = TypeLookup.Find(compilation, "Microsoft.Extensions.Logging.LogPropertyIgnoreAttribute");
        DataClassificationAttribute = TypeLookup.Find(compilation, "Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute");
        PasswordPropertyTextAttribute = TypeLookup.Find(compilation, "System.ComponentModel.PasswordPropertyTextAttribute");
        DataTypeAttribute = TypeLookup.Find(compilation, "System.ComponentModel.DataAnnotations.DataTypeAttribute");
        ProtectedPersonalDataAttribute = TypeLookup.Find(compilation, "Microsoft.AspNetCore.Identity.ProtectedPersonalDataAttribute");

        SecureString = TypeLookup.Find(compilation, "System.Security.SecureString");
        Credentials = TypeLookup.Find(compilation, "System.Net.ICredentials");
        SecurityToken = TypeLookup.Find(compilation, "Microsoft.IdentityModel.Tokens.SecurityToken");
        AuthenticationProperties = TypeLookup.Find(compilation, "Microsoft.AspNetCore.Authentication.AuthenticationProperties");
        AuthenticationTicket = TypeLookup.Find(compilation, "Microsoft.AspNetCore.Authentication.AuthenticationTicket");
        Marshal = TypeLookup.Find(compilation, "System.Runtime.InteropServices.Marshal");
        StringValues = TypeLookup.Find(compilation, "Microsoft.Extensions.Primitives.StringValues");
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
    public INamedTypeSymbol? HttpRequestHeaders { get; }
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

    /// <summary>True when <paramref name="type"/> is, derives from or implements <paramref name="target"/>.</summary>
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
