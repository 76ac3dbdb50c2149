using System;
using LogSafety.Analyzers.Logging;
using LogSafety.Analyzers.Options;
using Microsoft.CodeAnalysis;

namespace LogSafety.Analyzers.Sensitivity;

/// <summary>Why a member, parameter or type is sensitive: the kind and the clause for the message ("is marked [PasswordPropertyText]").</summary>
internal readonly struct SensitiveMark
{
    public SensitiveMark(SecretKind kind, string reason)
    {
        Kind = kind;
        Reason = reason;
    }

    public SecretKind Kind { get; }
    public string Reason { get; }
    public bool IsSensitive => Kind != SecretKind.None;
}

/// <summary>
/// Decides whether a property, field or parameter holds a secret: by attribute ([PasswordPropertyText(true)],
/// [DataType(DataType.Password)], [ProtectedPersonalData], data classification attributes, attributes listed in
/// logsafety.sensitive_attributes), by type (NetworkCredential and other ICredentials, SecurityToken,
/// AuthenticationProperties/Ticket) and by name. Attributes listed in logsafety.safe_attributes and names in
/// logsafety.safe_names mark a member safe. Cached per symbol and options.
/// </summary>
internal sealed class SensitiveMembers
{
    private readonly ContentSymbols _symbols;
    private readonly LoggingSymbols _logging;
    private readonly Roslyn.ScopedReferenceCache<LogSafetyOptions, ISymbol, SensitiveMark> _cache = new(SymbolEqualityComparer.Default);
    private readonly System.Func<ISymbol, LogSafetyOptions, SensitiveMark> _compute;

    private readonly SessionEvidence _sessions;
    private readonly MaskedMembers _masked = new();

    public SensitiveMembers(ContentSymbols symbols, LoggingSymbols logging, SessionEvidence sessions)
    {
        _symbols = symbols;
        _logging = logging;
        _sessions = sessions;
        _compute = Compute;
    }

    public ContentSymbols Symbols => _symbols;

    public LoggingSymbols LoggingSymbols => _logging;

    /// <summary>The verdict for a property, field or parameter, with its declared type.</summary>
    public SensitiveMark Classify(ISymbol member, LogSafetyOptions options) =>
        _cache.GetOrAdd(member, options, _compute);

    private SensitiveMark Compute(ISymbol member, LogSafetyOptions options)
    {
        if (IsMarkedSafe(member, options))
        {
            return default;
        }

        var byAttribute = ByAttribute(member, options);
        if (byAttribute.IsSensitive)
        {
            return byAttribute;
        }

        var type = TypeOf(member);
        var byType = ByType(type);
        if (byType.IsSensitive)
        {
            return byType;
        }

        if (!SecretCarrierTypes.CanCarrySecret(type, _logging))
        {
            return default;
        }

        var byName = NameClassifier.Classify(member.Name, options);
        if (!byName.IsSensitive
            || (byName.Kind == SecretKind.SessionId && !_sessions.SupportsMember(member, byName, options))
            || _masked.IsAlwaysMasked(member))
        {
            return default;
        }

        return new SensitiveMark(byName.Kind, "looks like " + byName.Description);
    }

    /// <summary>A configured safe attribute or safe name: the documented way to say "this member may be logged".</summary>
    public static bool IsMarkedSafe(ISymbol symbol, LogSafetyOptions options)
    {
        if (!options.SafeNames.IsEmpty && options.SafeNames.Contains(symbol.Name))
        {
            return true;
        }

        return !options.SafeAttributes.IsEmpty && HasConfiguredAttribute(symbol, options.SafeAttributes);
    }

    /// <summary>The attribute rules alone (no names): used for values whose own name says nothing.</summary>
    public SensitiveMark ByAttribute(ISymbol symbol, LogSafetyOptions options)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            var attributeClass = attribute.AttributeClass;
            if (attributeClass is null || attributeClass.TypeKind == TypeKind.Error)
            {
                continue;
            }

            if (ContentSymbols.Is(attributeClass, _symbols.PasswordPropertyTextAttribute)
                && (attribute.ConstructorArguments.Length == 0 || attribute.ConstructorArguments[0].Value is true))
            {
                return new SensitiveMark(SecretKind.Password, "is marked [PasswordPropertyText]");
            }

            if (ContentSymbols.Is(attributeClass, _symbols.DataTypeAttribute)
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Type?.TypeKind == TypeKind.Enum
                && attribute.ConstructorArguments[0].Value is int dataType
                && IsPasswordDataType(attribute.ConstructorArguments[0].Type!, dataType))
            {
                return new SensitiveMark(SecretKind.Password, "is marked [DataType(DataType.Password)]");
            }

            // Only where the team put it: ASP.NET Core Identity marks its own UserName, Email and PhoneNumber, which
            // the event log of a login is expected to carry ("login_failed" with the email).
            if (ContentSymbols.Is(attributeClass, _symbols.ProtectedPersonalDataAttribute) && IsInSource(symbol))
            {
                return new SensitiveMark(SecretKind.TokenOrSecret, "is marked [ProtectedPersonalData]");
            }

            if (_symbols.DataClassificationAttribute is { } classification && ContentSymbols.IsOrDerives(attributeClass, classification))
            {
                return new SensitiveMark(SecretKind.TokenOrSecret, $"is classified [{ShortName(attributeClass)}]");
            }

            if (!options.SensitiveAttributes.IsEmpty && Matches(attributeClass, options.SensitiveAttributes))
            {
                return new SensitiveMark(SecretKind.TokenOrSecret, $"is marked [{ShortName(attributeClass)}]");
            }
        }

        return default;
    }

    /// <summary>True for a member carrying a data classification attribute: [LogProperties] redacts those.</summary>
    public bool IsClassified(ISymbol symbol)
    {
        if (_symbols.DataClassificationAttribute is not { } classification)
        {
            return false;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (ContentSymbols.IsOrDerives(attribute.AttributeClass, classification))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Types that are credentials whatever they are called; their exposing member names the leak.</summary>
    public SensitiveMark ByType(ITypeSymbol? type)
    {
        if (type is null || type.TypeKind == TypeKind.Error || type.SpecialType != SpecialType.None)
        {
            return default;
        }

        if (ContentSymbols.IsOrDerives(type, _symbols.Credentials))
        {
            return new SensitiveMark(SecretKind.Password, $"is a {type.Name}, which holds a password");
        }

        if (ContentSymbols.IsOrDerives(type, _symbols.SecurityToken))
        {
            return new SensitiveMark(SecretKind.TokenOrSecret, $"is a {type.Name}, which holds the raw token");
        }

        if (ContentSymbols.IsOrDerives(type, _symbols.AuthenticationProperties) || ContentSymbols.IsOrDerives(type, _symbols.AuthenticationTicket))
        {
            return new SensitiveMark(SecretKind.TokenOrSecret, $"is an {type.Name}, which holds the saved tokens");
        }

        return default;
    }

    /// <summary>The member that carries the secret of a sensitive type, for paths ("NetworkCredential.Password").</summary>
    public static string ExposingMember(ITypeSymbol type, SecretKind kind)
    {
        var preferred = kind == SecretKind.Password ? new[] { "Password", "SecurePassword" } : new[] { "RawData", "EncodedToken", "Items", "Properties" };
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var name in preferred)
            {
                foreach (var member in current.GetMembers(name))
                {
                    if (member is IPropertySymbol { DeclaredAccessibility: Accessibility.Public, IsStatic: false })
                    {
                        return name;
                    }
                }
            }
        }

        return string.Empty;
    }

    private static bool IsInSource(ISymbol symbol) => !symbol.Locations.IsEmpty && symbol.Locations[0].IsInSource;

    public static ITypeSymbol? TypeOf(ISymbol member) => member switch
    {
        IPropertySymbol property => property.Type,
        IFieldSymbol field => field.Type,
        IParameterSymbol parameter => parameter.Type,
        ILocalSymbol local => local.Type,
        _ => null,
    };

    private static bool IsPasswordDataType(ITypeSymbol enumType, int value)
    {
        foreach (var member in enumType.GetMembers("Password"))
        {
            if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: int password })
            {
                return password == value;
            }
        }

        return false;
    }

    private static bool HasConfiguredAttribute(ISymbol symbol, System.Collections.Immutable.ImmutableHashSet<string> names)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { } attributeClass && Matches(attributeClass, names))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Configured names are full type names, with or without the "Attribute" suffix; base attribute classes count.</summary>
    private static bool Matches(INamedTypeSymbol attributeClass, System.Collections.Immutable.ImmutableHashSet<string> names)
    {
        for (var current = attributeClass; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            var full = current.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty);
            if (names.Contains(full))
            {
                return true;
            }

            if (full.EndsWith("Attribute", StringComparison.Ordinal) && names.Contains(full.Substring(0, full.Length - "Attribute".Length)))
            {
                return true;
            }
        }

        return false;
    }

    private static string ShortName(INamedTypeSymbol attributeClass)
    {
        var name = attributeClass.Name;
        return name.EndsWith("Attribute", StringComparison.Ordinal) && name.Length > "Attribute".Length
            ? name.Substring(0, name.Length - "Attribute".Length)
            : name;
    }
}
