using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LogSafety.Analyzers.Sensitivity;

/// <summary>
/// A member named like a secret whose every assignment in its own type goes through a masking step (Obfuscate,
/// Mask, Redact, a hash, a short slice, "****" + ...) holds no secret: objects logged whole that carry it expose
/// nothing through it. Only the member's own type is read (initializers, constructors, setters, a computed getter),
/// once per member.
/// </summary>
internal sealed class MaskedMembers
{
    private readonly ConcurrentDictionary<ISymbol, bool> _cache = new(SymbolEqualityComparer.Default);

    public bool IsAlwaysMasked(ISymbol member) => _cache.GetOrAdd(member, Compute);

    private static bool Compute(ISymbol member)
    {
        if (member.ContainingType is not { } type || member is not (IPropertySymbol or IFieldSymbol))
        {
            return false;
        }

        var seen = 0;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            foreach (var node in reference.GetSyntax().DescendantNodes())
            {
                ExpressionSyntax? assigned = node switch
                {
                    AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment when Targets(assignment.Left, member.Name) => assignment.Right,
                    PropertyDeclarationSyntax property when property.Identifier.ValueText == member.Name => property.Initializer?.Value ?? property.ExpressionBody?.Expression,
                    VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } field when field.Identifier.ValueText == member.Name => field.Initializer?.Value,
                    _ => null,
                };
                if (assigned is null)
                {
                    continue;
                }

                switch (Judge(assigned))
                {
                    case Assigned.Plain:
                        return false;
                    case Assigned.Masked:
                        seen++;
                        break;
                }
            }
        }

        return seen > 0;
    }

    private static bool Targets(ExpressionSyntax left, string name) => left switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access => access.Name.Identifier.ValueText == name,
        _ => false,
    };

    private enum Assigned
    {
        /// <summary>A literal, null or default: says nothing either way.</summary>
        Nothing,
        Masked,
        Plain,
    }

    private static Assigned Combine(Assigned a, Assigned b) =>
        a == Assigned.Plain || b == Assigned.Plain ? Assigned.Plain : a == Assigned.Masked || b == Assigned.Masked ? Assigned.Masked : Assigned.Nothing;

    /// <summary>Whether a value is a masked, hashed or sliced form of its input, nothing at all, or plain.</summary>
    private static Assigned Judge(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Judge(parenthesized.Expression);
            case LiteralExpressionSyntax or DefaultExpressionSyntax:
                return Assigned.Nothing;
            case ConditionalExpressionSyntax conditional:
                return Combine(Judge(conditional.WhenTrue), Judge(conditional.WhenFalse));
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce:
                return Combine(Judge(coalesce.Left), Judge(coalesce.Right));
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } concatenation:
                // "****" + token.Substring(token.Length - 4)
                if (IsMaskLiteral(concatenation.Left) || IsMaskLiteral(concatenation.Right))
                {
                    return Assigned.Masked;
                }

                return Combine(Judge(concatenation.Left), Judge(concatenation.Right));
            case ConditionalAccessExpressionSyntax conditionalAccess:
                return Judge(conditionalAccess.WhenNotNull);
            case InvocationExpressionSyntax invocation:
                var name = invocation.Expression switch
                {
                    MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                    MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                    SimpleNameSyntax simple => simple.Identifier.ValueText,
                    _ => null,
                };
                if (name is null)
                {
                    return Assigned.Plain;
                }

                if (name == "Substring" && invocation.ArgumentList.Arguments.Count == 2)
                {
                    return Assigned.Masked;
                }

                foreach (var word in NameWords.Split(name))
                {
                    if (MaskingWords.Contains(word))
                    {
                        return Assigned.Masked;
                    }
                }

                return Assigned.Plain;
            default:
                return Assigned.Plain;
        }
    }

    private static bool IsMaskLiteral(ExpressionSyntax expression) =>
        expression is LiteralExpressionSyntax { Token.Value: string text } && text.Length > 0 && text.Trim('*', 'x', 'X', '.', '#', ' ').Length == 0;

    private static readonly System.Collections.Immutable.ImmutableHashSet<string> MaskingWords = System.Collections.Immutable.ImmutableHashSet.Create(
        "obfuscate", "obfuscated", "sha", "mask", "masked", "redact", "redacted", "hash", "hashed", "sha256", "sha1", "sha512", "sha384", "md5",
        "anonymize", "scrub", "sanitize", "censor", "truncate", "fingerprint", "thumbprint");
}
