using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LogSafety.CodeFixes.Removal;

/// <summary>
/// Removes members of an anonymous object, elements of a collection/dictionary/array initializer, elements of a tuple
/// or parameters of a method.
/// </summary>
internal sealed class ListEdit : ContainerEdit
{
    private readonly HashSet<int> _indices = new();

    public ListEdit(SyntaxNode node)
        : base(node)
    {
    }

    public void Add(int index) => _indices.Add(index);

    public override void MergeFrom(ContainerEdit other) => _indices.UnionWith(((ListEdit)other)._indices);

    public override SyntaxNode Apply(SyntaxNode current)
    {
        switch (current)
        {
            case AnonymousObjectCreationExpressionSyntax anonymous:
                return anonymous.WithInitializers(SeparatedListRemoval.Remove(anonymous.Initializers, _indices));
            case InitializerExpressionSyntax initializer:
                return initializer.WithExpressions(SeparatedListRemoval.Remove(initializer.Expressions, _indices));
            case ParameterListSyntax parameters:
                return parameters.WithParameters(SeparatedListRemoval.Remove(parameters.Parameters, _indices));
            case TupleExpressionSyntax tuple:
                var arguments = SeparatedListRemoval.Remove(tuple.Arguments, _indices);
                if (arguments.Count == 1)
                {
                    // (email, password) without password is just email: a one-element tuple does not exist.
                    return arguments[0].Expression.WithTriviaFrom(tuple);
                }

                return arguments.Count == 0 ? current : tuple.WithArguments(arguments);
            default:
                return current;
        }
    }
}
