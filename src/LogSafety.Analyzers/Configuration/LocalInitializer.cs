using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Configuration;

/// <summary>The initializer of a local read in the same method, when it has one; assignments elsewhere are not followed.</summary>
internal static class LocalInitializer
{
    public static IOperation? Of(ILocalReferenceOperation reference)
    {
        var model = reference.SemanticModel;
        if (model is null || reference.Local.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var declaration = reference.Local.DeclaringSyntaxReferences[0];
        if (declaration.SyntaxTree != model.SyntaxTree
            || declaration.GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } value })
        {
            return null;
        }

        return model.GetOperation(value);
    }
}
