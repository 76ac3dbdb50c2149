using Microsoft.CodeAnalysis;

namespace LogSafety.Analyzers.Sensitivity;

/// <summary>The exposure rules: which members each way of writing (destructuring, serializers, [LogProperties], text) writes.</summary>
internal sealed partial class ObjectExposureClassifier
{
    private sealed partial class Walker
    {
        private bool IsVisible(ISymbol member, ITypeSymbol type, bool forProjection)
        {
            switch (member)
            {
                case IPropertySymbol property:
                    if (property.IsIndexer || property.GetMethod is null || (!type.IsAnonymousType && property.DeclaredAccessibility != Accessibility.Public)
                        || (!type.IsAnonymousType && property.GetMethod.DeclaredAccessibility != Accessibility.Public))
                    {
                        return false;
                    }

                    // A record's EqualityContract is protected; it never reaches here.
                    break;
                case IFieldSymbol field:
                    if (field.DeclaredAccessibility != Accessibility.Public || field.IsConst || field.AssociatedSymbol is not null)
                    {
                        return false;
                    }

                    var fieldsWritten = _exposure switch
                    {
                        ExposureKind.SerializeJsonNet => true,
                        ExposureKind.Serialize => ContentSymbols.HasAttribute(field, _owner._symbols.StjJsonInclude),
                        ExposureKind.Text or ExposureKind.Template => type.IsRecord || forProjection,
                        _ => false,
                    };
                    if (!fieldsWritten)
                    {
                        return false;
                    }

                    break;
                default:
                    return false;
            }

            return _exposure switch
            {
                ExposureKind.Serialize => !IsJsonIgnored(member, _owner._symbols.StjJsonIgnore),
                ExposureKind.SerializeJsonNet => !ContentSymbols.HasAttribute(member, _owner._symbols.NewtonsoftJsonIgnore),
                ExposureKind.LogProperties => !ContentSymbols.HasAttribute(member, _owner._symbols.LogPropertyIgnoreAttribute),
                ExposureKind.Destructure => !IsDestructuramaHidden(member),
                _ => true,
            };
        }
    }

    /// <summary>[JsonIgnore] hides a member unless its Condition is Never (0), WhenWritingNull or WhenWritingDefault (written when set).</summary>
    private static bool IsJsonIgnored(ISymbol member, INamedTypeSymbol? ignoreAttribute)
    {
        if (ignoreAttribute is null)
        {
            return false;
        }

        foreach (var attribute in member.GetAttributes())
        {
            if (!ContentSymbols.Is(attribute.AttributeClass, ignoreAttribute))
            {
                continue;
            }

            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "Condition" && named.Value.Value is int condition && condition != 1)
                {
                    return false;
                }
            }

            return true;
        }

        return false;
    }

    /// <summary>Destructurama.Attributed's [NotLogged], [LogMasked] and [LogReplaced] keep a member out of destructuring.</summary>
    private static bool IsDestructuramaHidden(ISymbol member)
    {
        foreach (var attribute in member.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "NotLoggedAttribute" or "LogMaskedAttribute" or "LogReplacedAttribute" } attributeClass
                && attributeClass.ContainingNamespace?.ToDisplayString() == "Destructurama.Attributed")
            {
                return true;
            }
        }

        return false;
    }
}
