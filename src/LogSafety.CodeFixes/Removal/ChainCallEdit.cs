using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LogSafety.CodeFixes.Removal;

/// <summary>
/// Takes a property-adding call out of a chain: logger.ForContext("Token", t).Information(...) becomes
/// logger.Information(...); the static Log.ForContext(...) becomes Log.Logger.
/// </summary>
internal sealed class ChainCallEdit : ContainerEdit
{
    private readonly string? _staticReplacement;

    /// <param name="staticReplacement">For a static call, the member of the same type that stands for the untouched logger.</param>
    public ChainCallEdit(InvocationExpressionSyntax invocation, string? staticReplacement)
        : base(invocation) => _staticReplacement = staticReplacement;

    public override void MergeFrom(ContainerEdit other)
    {
    }

    public override SyntaxNode Apply(SyntaxNode current)
    {
        if (current is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation)
        {
            return current;
        }

        ExpressionSyntax replacement = _staticReplacement is null
            ? access.Expression
            : access.WithName(SyntaxFactory.IdentifierName(_staticReplacement));
        return replacement
            .WithLeadingTrivia(invocation.GetLeadingTrivia())
            .WithTrailingTrivia(invocation.GetTrailingTrivia());
    }
}
