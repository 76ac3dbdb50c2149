using System.Collections.Immutable;
using LogSafety.Analyzers.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LogSafety.Analyzers.Logging;

/// <summary>A type declaration as syntax shows it: its simple name and the simple names of the types it derives from.</summary>
internal sealed class TypeOutline
{
    private TypeOutline(string name, ImmutableArray<string> bases)
    {
        Name = name;
        Bases = bases;
    }

    public string Name { get; }

    public ImmutableArray<string> Bases { get; }

    /// <summary>
    /// A nested type also lists the types around it: a call without a receiver in it finds their methods too, which
    /// is all the type graph is asked about.
    /// </summary>
    public static TypeOutline Of(TypeDeclarationSyntax type)
    {
        var builder = ImmutableArray.CreateBuilder<string>();
        if (type.BaseList is { } list)
        {
            foreach (var baseType in list.Types)
            {
                if (ReceiverTypes.SimpleName(baseType.Type) is { } name)
                {
                    builder.Add(name);
                }
            }
        }

        if (type.Parent is TypeDeclarationSyntax outer)
        {
            builder.Add(outer.Identifier.ValueText);
        }

        return new TypeOutline(type.Identifier.ValueText, builder.ToImmutable());
    }
}

/// <summary>
/// The declared type of an invocation's receiver, read from syntax alone: what lets wrapper inference tell
/// <c>errors.Add(message)</c> on a <c>List&lt;string&gt;</c> from a call of the application's own <c>Add</c>.
/// Only what a small method's syntax shows for sure is used: a parameter, a local with a written type or a
/// <c>new T(...)</c> initializer, a field or property of the enclosing type declaration, a primary-constructor
/// parameter, the enclosing type for a call without a receiver, or a type named for a static call when the
/// application declares a type of that name. Anything else (var, a member of another part or of a base type, a type
/// parameter, an expression) is unknown, and unknown receivers keep every method of the name possible.
/// </summary>
internal static class ReceiverTypes
{
    /// <summary>
    /// The simple name of the receiver's type, or null when syntax does not tell it. A call without a receiver, or on
    /// this or base, is on the enclosing type. <paramref name="guessed"/> says the name is a receiver written like a
    /// type that nothing here declares (Guard.NotNull(x)): a static call, or a member of a base type or another part.
    /// </summary>
    public static string? Of(InvocationExpressionSyntax invocation, SyntaxNode declaration, ParameterListSyntax parameters, SyntaxNode body, out bool guessed)
    {
        guessed = false;
        switch (invocation.Expression)
        {
            // A delegate's Invoke: the delegate is named, not a method of its type.
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Invoke" }:
                return null;

            // Write(x) without a receiver: a method of the enclosing types or their bases (or a delegate in scope).
            case SimpleNameSyntax:
                return EnclosingType(declaration);
        }

        var receiver = SyntaxNames.Receiver(invocation);
        if (receiver is ThisExpressionSyntax or BaseExpressionSyntax)
        {
            return EnclosingType(declaration);
        }

        if (receiver is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax member })
        {
            return DeclaredType(member.Identifier.ValueText, declaration, parameters: null, body: null, out guessed);
        }

        return receiver is IdentifierNameSyntax identifier
            ? DeclaredType(identifier.Identifier.ValueText, declaration, parameters, body, out guessed)
            : null;
    }

    private static string? DeclaredType(string name, SyntaxNode declaration, ParameterListSyntax? parameters, SyntaxNode? body, out bool guessed)
    {
        guessed = false;
        TypeSyntax? type = null;
        var found = false;
        if (parameters is not null)
        {
            foreach (var parameter in parameters.Parameters)
            {
                if (parameter.Identifier.ValueText == name)
                {
                    type = parameter.Type;
                    found = true;
                    break;
                }
            }
        }

        if (!found && body is not null)
        {
            found = TryFindLocal(body, name, out type);
        }

        if (!found)
        {
            found = TryFindMember(declaration, name, out type);
        }

        if (!found)
        {
            // Not a parameter, local or member declared here: a type named for a static call (Guard.NotNull(x),
            // Log.Audit(x)) when it is written like one, or a member of a base type or another part; the candidates
            // tell the two apart by whether the application declares a type of that name.
            guessed = IsWrittenLikeAType(name);
            return guessed ? name : null;
        }

        return type is null || (type is IdentifierNameSyntax { IsVar: true }) || IsTypeParameter(type, declaration)
            ? null
            : SimpleName(type);
    }

    private static bool TryFindLocal(SyntaxNode body, string name, out TypeSyntax? type)
    {
        foreach (var node in body.DescendantNodes())
        {
            switch (node)
            {
                case VariableDeclaratorSyntax declarator when declarator.Identifier.ValueText == name:
                    type = declarator.Parent is VariableDeclarationSyntax declaration
                        ? declaration.Type is IdentifierNameSyntax { IsVar: true }
                            ? (declarator.Initializer?.Value as ObjectCreationExpressionSyntax)?.Type
                            : declaration.Type
                        : null;
                    return true;
                case ForEachStatementSyntax forEach when forEach.Identifier.ValueText == name:
                    type = forEach.Type;
                    return true;
                case SingleVariableDesignationSyntax designation when designation.Identifier.ValueText == name:
                    type = (designation.Parent as DeclarationPatternSyntax)?.Type;
                    return true;
                case ParameterSyntax lambdaParameter when lambdaParameter.Identifier.ValueText == name:
                    type = lambdaParameter.Type;
                    return true;
            }
        }

        type = null;
        return false;
    }

    private static bool TryFindMember(SyntaxNode declaration, string name, out TypeSyntax? type)
    {
        for (var current = declaration.Parent; current is not null; current = current.Parent)
        {
            if (current is not TypeDeclarationSyntax typeDeclaration)
            {
                continue;
            }

            if (typeDeclaration.ParameterList is { } primary)
            {
                foreach (var parameter in primary.Parameters)
                {
                    if (parameter.Identifier.ValueText == name)
                    {
                        type = parameter.Type;
                        return true;
                    }
                }
            }

            foreach (var member in typeDeclaration.Members)
            {
                switch (member)
                {
                    case BaseFieldDeclarationSyntax field:
                        foreach (var variable in field.Declaration.Variables)
                        {
                            if (variable.Identifier.ValueText == name)
                            {
                                type = field.Declaration.Type;
                                return true;
                            }
                        }

                        break;
                    case PropertyDeclarationSyntax property when property.Identifier.ValueText == name:
                        type = property.Type;
                        return true;
                }
            }
        }

        type = null;
        return false;
    }

    private static string? EnclosingType(SyntaxNode declaration)
    {
        for (var current = declaration.Parent; current is not null; current = current.Parent)
        {
            if (current is TypeDeclarationSyntax type)
            {
                return type.Identifier.ValueText;
            }
        }

        return null;
    }

    private static bool IsWrittenLikeAType(string name) => name.Length > 0 && char.IsUpper(name[0]);

    private static bool IsTypeParameter(TypeSyntax type, SyntaxNode declaration)
    {
        if (type is not IdentifierNameSyntax { Identifier.ValueText: var name })
        {
            return false;
        }

        for (SyntaxNode? current = declaration; current is not null; current = current.Parent)
        {
            var typeParameters = current switch
            {
                MethodDeclarationSyntax method => method.TypeParameterList,
                LocalFunctionStatementSyntax function => function.TypeParameterList,
                TypeDeclarationSyntax typeDeclaration => typeDeclaration.TypeParameterList,
                _ => null,
            };
            if (typeParameters is null)
            {
                continue;
            }

            foreach (var parameter in typeParameters.Parameters)
            {
                if (parameter.Identifier.ValueText == name)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The simple name a type is written with: List for List&lt;string&gt;, Logger for App.Logger, the keyword for
    /// string; "[]" and "()" for arrays and tuples, which declare no application method.
    /// </summary>
    public static string? SimpleName(TypeSyntax type) => type switch
    {
        NullableTypeSyntax nullable => SimpleName(nullable.ElementType),
        NameSyntax name => SyntaxNames.Rightmost(name),
        PredefinedTypeSyntax predefined => predefined.Keyword.ValueText,
        ArrayTypeSyntax => "[]",
        TupleTypeSyntax => "()",
        _ => null,
    };
}
