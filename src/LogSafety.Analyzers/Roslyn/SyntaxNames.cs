using Microsoft.CodeAnalysis;
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

    /// <summary>The receiver an invocation is called on as written: logger in logger.Info(...) and logger?.Info(...); null for Info(...).</summary>
    public static ExpressionSyntax? Receiver(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Expression,
        MemberBindingExpressionSyntax => invocation.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>()?.Expression,
        _ => null,
    };

    /// <summary>
    /// A syntax-only pre-filter before binding an attribute: [Name] / [NameAttribute], or a name that a using alias of
    /// its file or namespace declares (which the symbol check then settles).
    /// </summary>
    public static bool MayNameAttribute(AttributeSyntax attribute, string attributeName)
    {
        var name = Rightmost(attribute.Name) ?? string.Empty;
        if (name == attributeName || name == attributeName + "Attribute")
        {
            return true;
        }

        return name.Length > 0
            && ((attribute.SyntaxTree.GetRoot() is CompilationUnitSyntax root && DeclaresAlias(root.Usings, name))
                || (attribute.FirstAncestorOrSelf<BaseNamespaceDeclarationSyntax>() is { } ns && DeclaresAlias(ns.Usings, name)));
    }

    /// <summary>Whether a using alias of these directives is named <paramref name="alias"/>.</summary>
    private static bool DeclaresAlias(SyntaxList<UsingDirectiveSyntax> usings, string alias)
    {
        foreach (var directive in usings)
        {
            if (directive.Alias?.Name.Identifier.ValueText == alias)
            {
                return true;
            }
        }

        return false;
    }
}
