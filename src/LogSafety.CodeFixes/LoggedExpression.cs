using LogSafety.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LogSafety.CodeFixes;

/// <summary>The expression a finding on a log call reports: the node at the diagnostic's span, when it is one.</summary>
internal static class LoggedExpression
{
    public static ExpressionSyntax? At(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Location.IsInSource || diagnostic.Location.SourceTree != root.SyntaxTree || diagnostic.AdditionalLocations.Count == 0
            || !diagnostic.Properties.ContainsKey(DiagnosticProperties.Api) || !root.FullSpan.Contains(diagnostic.Location.SourceSpan)
            // An entry of a logged local is reported on the local: the expression to rewrite is not there.
            || diagnostic.Properties.ContainsKey(DiagnosticProperties.LocalEntry))
        {
            return null;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (node is ArgumentSyntax argument)
        {
            node = argument.Expression;
        }

        return node is ExpressionSyntax expression && expression.Span == diagnostic.Location.SourceSpan ? expression : null;
    }
}
