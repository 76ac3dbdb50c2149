using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LogSafety.Analyzers.Roslyn;

/// <summary>The simple names syntax writes, read without binding.</summary>
internal static class SyntaxNames
{
    /// <summary>The last identifier of a name as written: HttpLogging in [Microsoft.AspNetCore.HttpLogging.HttpLogging] or [alias::HttpLogging].</summary>
    public static string? Rightmost(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The name an invocation calls: Info in logger.Info(...), logger?.Info(...) and Info(...).</summary>
    public static string? Called(ExpressionSyntax invokedExpression) => invokedExpression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };
}
