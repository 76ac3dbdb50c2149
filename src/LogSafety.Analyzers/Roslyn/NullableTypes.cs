using Microsoft.CodeAnalysis;

namespace LogSafety.Analyzers.Roslyn;

internal static class NullableTypes
{
    /// <summary>The type a <c>Nullable&lt;T&gt;</c> wraps (int for int?), or <paramref name="type"/> itself.</summary>
    public static ITypeSymbol Underlying(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0]
            : type;
}
