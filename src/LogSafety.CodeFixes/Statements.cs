using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace LogSafety.CodeFixes;

/// <summary>Removing a call that is a whole statement, so that what is left still compiles.</summary>
internal static class Statements
{
    /// <summary>Removes a statement, or empties it where the language needs one (<c>if (x) s;</c>).</summary>
    public static void Remove(SyntaxEditor editor, StatementSyntax statement)
    {
        switch (statement.Parent)
        {
            case BlockSyntax or SwitchSectionSyntax:
                editor.RemoveNode(statement, SyntaxRemoveOptions.KeepUnbalancedDirectives);
                break;
            case GlobalStatementSyntax global:
                editor.RemoveNode(global, SyntaxRemoveOptions.KeepUnbalancedDirectives);
                break;
            default:
                editor.ReplaceNode(statement, SyntaxFactory.Block().WithTriviaFrom(statement));
                break;
        }
    }

    /// <summary>Whether <paramref name="expression"/> can be taken away: it is a statement, or the body of a void lambda.</summary>
    public static bool CanRemove(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) =>
        expression.Parent is ExpressionStatementSyntax || IsVoidLambdaBody(expression, model, cancellationToken);

    /// <summary>Removes the statement <paramref name="expression"/> stands for; a void lambda's body becomes <c>{ }</c>.</summary>
    public static void RemoveExpression(SyntaxEditor editor, ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (expression.Parent is ExpressionStatementSyntax statement)
        {
            Remove(editor, statement);
            return;
        }

        TryEmptyLambdaBody(editor, model, expression, cancellationToken);
    }

    /// <summary><c>o =&gt; call()</c> becomes <c>o =&gt; { }</c> when the lambda returns nothing.</summary>
    public static bool TryEmptyLambdaBody(SyntaxEditor editor, SemanticModel model, ExpressionSyntax body, CancellationToken cancellationToken)
    {
        if (!IsVoidLambdaBody(body, model, cancellationToken))
        {
            return false;
        }

        editor.ReplaceNode(body.Parent!, (current, _) => ((LambdaExpressionSyntax)current)
            .WithExpressionBody(null)
            .WithBlock(SyntaxFactory.Block().WithTriviaFrom(body)));
        return true;
    }

    private static bool IsVoidLambdaBody(ExpressionSyntax body, SemanticModel model, CancellationToken cancellationToken) =>
        body.Parent is LambdaExpressionSyntax lambda
        && lambda.ExpressionBody == body
        && model.GetSymbolInfo(lambda, cancellationToken).Symbol is IMethodSymbol { ReturnsVoid: true };
}
