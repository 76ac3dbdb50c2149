using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LogSafety.Analyzers.Options;
using LogSafety.Analyzers.Roslyn;
using Microsoft.CodeAnalysis;

namespace LogSafety.Analyzers.Sensitivity;

/// <summary>The object walk: members written per way of writing, depth, cycles and collections.</summary>
internal sealed partial class ObjectExposureClassifier
{
    /// <summary>One bounded walk; the stack of types being visited breaks cycles.</summary>
    private sealed partial class Walker
    {
        private readonly ObjectExposureClassifier _owner;
        private readonly ExposureKind _exposure;
        private readonly LogSafetyOptions _options;
        private readonly HashSet<ITypeSymbol> _onStack = new(SymbolEqualityComparer.Default);

        // Types already walked in this walk: a secret found below a type is found again; nothing found at some depth
        // stays nothing at that depth or deeper.
        private readonly Dictionary<ITypeSymbol, (ExposedSecret? Result, int Depth)> _done = new(SymbolEqualityComparer.Default);
        private int _visits;

        public Walker(ObjectExposureClassifier owner, ExposureKind exposure, LogSafetyOptions options)
        {
            _owner = owner;
            _exposure = exposure;
            _options = options;
        }

        private bool WritesMembers => _exposure is ExposureKind.Destructure or ExposureKind.Serialize or ExposureKind.SerializeJsonNet or ExposureKind.LogProperties;

        public ExposedSecret? Visit(ITypeSymbol type, int depth)
        {
            if (++_visits > MaxVisits || depth > MaxDepth || type.TypeKind is TypeKind.Error or TypeKind.TypeParameter or TypeKind.Dynamic)
            {
                return null;
            }

            type = NullableTypes.Underlying(type);

            if (type.SpecialType != SpecialType.None || type.TypeKind is TypeKind.Enum or TypeKind.Delegate or TypeKind.Pointer)
            {
                return null;
            }

            if (_done.TryGetValue(type, out var done) && (done.Result is not null || done.Depth <= depth))
            {
                return done.Result;
            }

            if (!_onStack.Add(type))
            {
                return null;
            }

            try
            {
                var result = WritesMembers ? VisitMembers(type, depth) : VisitText(type, depth, asTemplate: _exposure == ExposureKind.Template && depth == 0);
                _done[type] = (result, depth);
                return result;
            }
            finally
            {
                _onStack.Remove(type);
            }
        }

        private ExposedSecret? VisitMembers(ITypeSymbol type, int depth)
        {
            var byType = _owner._members.ByType(type);
            if (byType.IsSensitive)
            {
                return new ExposedSecret(SensitiveMembers.ExposingMember(type, byType.Kind), byType.Kind);
            }

            if (ElementType(type) is { } element)
            {
                return Prefix("[]", Visit(element, depth + 1));
            }

            if (!IsWalkable(type))
            {
                return null;
            }

            foreach (var member in CachedMembers(type))
            {
                if (Judge(member) is { } found)
                {
                    return found;
                }

                if (Visit(SensitiveMembers.TypeOf(member)!, depth + 1) is { } inner)
                {
                    return Prefix(member.Name, inner);
                }
            }

            return null;
        }

        private ImmutableArray<ISymbol> CachedMembers(ITypeSymbol type) =>
            _owner._visibleMembers.GetOrAdd(new WalkKey(type, _exposure, _options), key => VisibleMembers(key.Type, forProjection: false).ToImmutableArray());

        /// <summary>What ToString() writes: members of records and anonymous types, what an override returns, else the type name.</summary>
        private ExposedSecret? VisitText(ITypeSymbol type, int depth, bool asTemplate)
        {
            if (asTemplate && ElementType(type) is { } element)
            {
                // Structured loggers write each item of a collection (its ToString()).
                return Prefix("[]", Visit(element, depth + 1));
            }

            if (type is not INamedTypeSymbol named)
            {
                return null;
            }

            if (FindUserToString(named, out var printer) is { } userMethod)
            {
                return FromMethodBody(userMethod, named, printer);
            }

            if (!named.IsAnonymousType && !named.IsRecord)
            {
                return null;
            }

            foreach (var member in CachedMembers(named))
            {
                if (Judge(member) is { } found)
                {
                    return found;
                }

                if (Visit(SensitiveMembers.TypeOf(member)!, depth + 1) is { } inner)
                {
                    return Prefix(member.Name, inner);
                }
            }

            return null;
        }

        private ExposedSecret? Judge(ISymbol member)
        {
            // [LogProperties] redacts members that carry a data classification attribute.
            if (_exposure == ExposureKind.LogProperties && _owner._members.IsClassified(member))
            {
                return null;
            }

            var mark = _owner._members.Classify(member, _options);
            if (!mark.IsSensitive)
            {
                return null;
            }

            // Destructuring a SecureString writes its length, never its content.
            if (ContentSymbols.IsOrDerives(SensitiveMembers.TypeOf(member), _owner._symbols.SecureString))
            {
                return null;
            }

            // ToString() of a NetworkCredential, a token object or a collection prints its type name: only
            // member-writing exposes them.
            if (!WritesMembers && SensitiveMembers.TypeOf(member) is { } memberType
                && (_owner._members.ByType(memberType).IsSensitive || ElementType(memberType) is not null))
            {
                return null;
            }

            return new ExposedSecret(member.Name, mark.Kind);
        }

        /// <summary>The members written for this exposure, in declaration order, base types last; bounded.</summary>
        public IEnumerable<ISymbol> VisibleMembers(ITypeSymbol type, bool forProjection)
        {
            var count = 0;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object && current.SpecialType != SpecialType.System_ValueType; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (count >= MaxMembersPerType)
                    {
                        yield break;
                    }

                    if (member.IsStatic || !seen.Add(member.Name))
                    {
                        continue;
                    }

                    if (!IsVisible(member, type, forProjection))
                    {
                        continue;
                    }

                    count++;
                    yield return member;
                }
            }
        }

        /// <summary>Types worth walking: declared in source, or in a library that is not the framework's plumbing.</summary>
        private static bool IsWalkable(ITypeSymbol type)
        {
            if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct or TypeKind.Interface))
            {
                return false;
            }

            if (type.IsAnonymousType || type.Locations.Length > 0 && type.Locations[0].IsInSource)
            {
                return true;
            }

            var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            return !(ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal)
                || ns.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
                || ns.StartsWith("Microsoft.AspNetCore.Http", StringComparison.Ordinal)
                || ns.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        }

        private static ExposedSecret? Prefix(string segment, ExposedSecret? inner)
        {
            if (inner is null)
            {
                return null;
            }

            string path;
            if (inner.Path.Length == 0)
            {
                path = segment;
            }
            else if (inner.Path.StartsWith("[]", StringComparison.Ordinal))
            {
                path = segment == "[]" ? "[]" + inner.Path : segment + inner.Path;
            }
            else
            {
                path = segment + "." + inner.Path;
            }

            return new ExposedSecret(path, inner.Kind);
        }
    }

    /// <summary>The element type of arrays and IEnumerable&lt;T&gt; (the value type of dictionaries); null for strings and non-collections.</summary>
    internal static ITypeSymbol? ElementType(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_String)
        {
            return null;
        }

        if (type is IArrayTypeSymbol array)
        {
            return array.ElementType;
        }

        INamedTypeSymbol? enumerable = null;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Collections_Generic_IEnumerable_T } self)
        {
            enumerable = self;
        }
        else
        {
            foreach (var candidate in type.AllInterfaces)
            {
                if (candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
                {
                    enumerable = candidate;
                    break;
                }
            }
        }

        if (enumerable is null)
        {
            return null;
        }

        var element = enumerable.TypeArguments[0];
        return element is INamedTypeSymbol { Name: "KeyValuePair", TypeArguments.Length: 2 } pair ? pair.TypeArguments[1] : element;
    }
}
