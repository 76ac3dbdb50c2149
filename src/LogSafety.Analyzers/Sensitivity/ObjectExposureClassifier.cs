using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LogSafety.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Sensitivity;

/// <summary>A sensitive member an object logged whole would write: its path below the object and its kind.</summary>
internal sealed class ExposedSecret
{
    public ExposedSecret(string path, SecretKind kind)
    {
        Path = path;
        Kind = kind;
    }

    /// <summary>The path below the logged object: "Password", "Tokens[].RefreshToken".</summary>
    public string Path { get; }

    public SecretKind Kind { get; }
}

/// <summary>
/// LS0006: which sensitive member a value logged whole exposes, given how it is written. Destructuring writes public
/// properties, serialization writes serialized members ([JsonIgnore] respected), [LogProperties] writes public
/// properties (classified ones are redacted, [LogPropertyIgnore] skipped), and text writes ToString(): the generated
/// ToString() of records and anonymous types prints their members, a hand-written override prints what it returns,
/// and any other class prints its type name. The walk is bounded in depth, members and visits, safe on cycles, and
/// cached per type, way of writing and options.
/// </summary>
internal sealed class ObjectExposureClassifier
{
    private const int MaxDepth = 4;
    private const int MaxMembersPerType = 64;
    private const int MaxVisits = 128;

    private readonly SensitiveMembers _members;
    private readonly ContentSymbols _symbols;
    private readonly ConcurrentDictionary<WalkKey, ExposedSecret?> _cache = new();

    // The members each type writes, per way of writing: walks of many roots meet the same types again and again.
    private readonly ConcurrentDictionary<WalkKey, ImmutableArray<ISymbol>> _visibleMembers = new();

    public ObjectExposureClassifier(SensitiveMembers members)
    {
        _members = members;
        _symbols = members.Symbols;
    }

    /// <summary>The first sensitive member <paramref name="type"/> exposes when written as <paramref name="exposure"/>, or null.</summary>
    public ExposedSecret? Find(ITypeSymbol? type, ExposureKind exposure, LogSafetyOptions options)
    {
        if (type is null || type.TypeKind is TypeKind.Error or TypeKind.TypeParameter or TypeKind.Dynamic || type.SpecialType != SpecialType.None)
        {
            return null;
        }

        return _cache.GetOrAdd(new WalkKey(type, exposure, options), key => new Walker(this, key.Exposure, key.Options).Visit(key.Type, depth: 0));
    }

    /// <summary>The members a projection may keep: visible when written as <paramref name="exposure"/>, not sensitive, exposing nothing below.</summary>
    public ImmutableArray<string> SafeMembers(ITypeSymbol type, ExposureKind exposure, LogSafetyOptions options)
    {
        var walker = new Walker(this, exposure, options);
        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var member in walker.VisibleMembers(type, forProjection: true))
        {
            if (!_members.Classify(member, options).IsSensitive && walker.Visit(SensitiveMembers.TypeOf(member)!, depth: 1) is null)
            {
                result.Add(member.Name);
            }
        }

        return result.ToImmutable();
    }

    /// <summary>JsonSerializer.Serialize*(value), JsonConvert.SerializeObject(value), JToken.FromObject(value): the serialized argument.</summary>
    public IArgumentOperation? SerializedArgument(IInvocationOperation invocation, out ExposureKind exposure)
    {
        exposure = ExposureKind.Serialize;
        var method = invocation.TargetMethod;
        var owner = method.ContainingType;
        var isSystemTextJson = ContentSymbols.Is(owner, _symbols.JsonSerializer) && method.Name.StartsWith("Serialize", StringComparison.Ordinal);
        var isJsonNet = (ContentSymbols.Is(owner, _symbols.JsonConvert) && method.Name == "SerializeObject")
            || (ContentSymbols.IsOrDerives(owner, _symbols.JToken) && method.Name == "FromObject");
        if (!isSystemTextJson && !isJsonNet)
        {
            return null;
        }

        exposure = isJsonNet ? ExposureKind.SerializeJsonNet : ExposureKind.Serialize;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { Ordinal: 0 } || argument.Parameter?.Name is "value" or "o")
            {
                return argument;
            }
        }

        return null;
    }

    private readonly struct WalkKey : IEquatable<WalkKey>
    {
        public WalkKey(ITypeSymbol type, ExposureKind exposure, LogSafetyOptions options)
        {
            Type = type;
            Exposure = exposure;
            Options = options;
        }

        public ITypeSymbol Type { get; }
        public ExposureKind Exposure { get; }
        public LogSafetyOptions Options { get; }

        public bool Equals(WalkKey other) =>
            Exposure == other.Exposure && ReferenceEquals(Options, other.Options) && SymbolEqualityComparer.IncludeNullability.Equals(Type, other.Type);

        public override bool Equals(object? obj) => obj is WalkKey other && Equals(other);

        public override int GetHashCode() =>
            (SymbolEqualityComparer.IncludeNullability.GetHashCode(Type) * 31 + (int)Exposure) * 31 + System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Options);
    }

    /// <summary>One bounded walk; the stack of types being visited breaks cycles.</summary>
    private sealed class Walker
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

            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                type = nullable.TypeArguments[0];
            }

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

        /// <summary>
        /// A ToString() (or, for records, PrintMembers) written in source, in the type or a base below object. The
        /// synthesized members of records are implicitly declared and so are not found here.
        /// </summary>
        private static IMethodSymbol? FindUserToString(INamedTypeSymbol type, out bool printer)
        {
            printer = false;
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object && current.SpecialType != SpecialType.System_ValueType; current = current.BaseType)
            {
                foreach (var member in current.GetMembers("ToString"))
                {
                    if (member is IMethodSymbol { Parameters.IsEmpty: true, IsOverride: true, IsImplicitlyDeclared: false } method)
                    {
                        return method;
                    }
                }

                if (current.IsRecord)
                {
                    foreach (var member in current.GetMembers("PrintMembers"))
                    {
                        if (member is IMethodSymbol { Parameters.Length: 1, IsImplicitlyDeclared: false } method)
                        {
                            printer = true;
                            return method;
                        }
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// Reads what a hand-written ToString() returns (its expression body or return statements; all of a
        /// PrintMembers body) and looks for identifiers naming sensitive members of the type. Syntax only.
        /// </summary>
        private ExposedSecret? FromMethodBody(IMethodSymbol method, INamedTypeSymbol type, bool printer)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is not MethodDeclarationSyntax declaration)
                {
                    continue;
                }

                var written = new List<SyntaxNode>();
                if (declaration.ExpressionBody is { } arrow)
                {
                    written.Add(arrow.Expression);
                }
                else if (declaration.Body is { } body)
                {
                    if (printer)
                    {
                        written.Add(body);
                    }
                    else
                    {
                        foreach (var node in body.DescendantNodes())
                        {
                            if (node is ReturnStatementSyntax { Expression: { } returned })
                            {
                                written.Add(returned);
                            }
                        }
                    }
                }

                var inspected = 0;
                foreach (var root in written)
                {
                    foreach (var node in root.DescendantNodesAndSelf())
                    {
                        if (++inspected > 512)
                        {
                            return null;
                        }

                        if (node is IdentifierNameSyntax identifier && FindMember(type, identifier.Identifier.ValueText) is { } member
                            && !(identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier && access.Expression is not ThisExpressionSyntax)
                            && Judge(member) is { } found)
                        {
                            return found;
                        }
                    }
                }
            }

            return null;
        }

        private static ISymbol? FindMember(INamedTypeSymbol type, string name)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(name))
                {
                    if (member is IPropertySymbol or IFieldSymbol && !member.IsStatic)
                    {
                        return member;
                    }
                }
            }

            return null;
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
