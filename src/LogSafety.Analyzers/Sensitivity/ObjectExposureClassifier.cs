using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using LogSafety.Analyzers.Options;
using Microsoft.CodeAnalysis;
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
internal sealed partial class ObjectExposureClassifier
{
    private const int MaxDepth = 4;
    private const int MaxMembersPerType = 64;
    private const int MaxVisits = 128;

    private readonly SensitiveMembers _members;
    private readonly ContentSymbols _symbols;
    private readonly ConcurrentDictionary<WalkKey, ExposedSecret?> _cache = new();

    // The members each type writes, per way of writing: walks of many roots meet the same types again and again.
    private readonly Roslyn.ReferenceCache<WalkKey, ImmutableArray<ISymbol>> _visibleMembers = new(System.Collections.Generic.EqualityComparer<WalkKey>.Default);

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

    /// <summary>A class, not a struct: see <see cref="Roslyn.ReferenceCache{TKey, TValue}"/>.</summary>
    private sealed class WalkKey : IEquatable<WalkKey>
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

        public bool Equals(WalkKey? other) =>
            other is not null && Exposure == other.Exposure && ReferenceEquals(Options, other.Options) && SymbolEqualityComparer.IncludeNullability.Equals(Type, other.Type);

        public override bool Equals(object? obj) => obj is WalkKey other && Equals(other);

        public override int GetHashCode() =>
            (SymbolEqualityComparer.IncludeNullability.GetHashCode(Type) * 31 + (int)Exposure) * 31 + System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Options);
    }
}
