using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LogSafety.CodeFixes.Removal;

/// <summary>A string literal token split into its delimiters and the source text between them.</summary>
internal readonly struct StringLiteralText
{
    private StringLiteralText(SyntaxToken token, string prefix, string inner, string suffix, TextSpelling spelling)
    {
        Token = token;
        Prefix = prefix;
        Inner = inner;
        Suffix = suffix;
        Spelling = spelling;
    }

    public SyntaxToken Token { get; }
    public string Prefix { get; }
    public string Inner { get; }
    public string Suffix { get; }
    public TextSpelling Spelling { get; }

    public static bool TryCreate(ExpressionSyntax expression, out StringLiteralText text)
    {
        text = default;
        if (expression is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal)
        {
            return false;
        }

        var token = literal.Token;
        var source = token.Text;
        switch (token.Kind())
        {
            case SyntaxKind.StringLiteralToken when source.StartsWith("@\"", System.StringComparison.Ordinal) && source.Length >= 3:
                text = new StringLiteralText(token, "@\"", source.Substring(2, source.Length - 3), "\"", TextSpelling.Verbatim);
                return true;
            case SyntaxKind.StringLiteralToken when source.StartsWith("\"", System.StringComparison.Ordinal) && source.Length >= 2:
                text = new StringLiteralText(token, "\"", source.Substring(1, source.Length - 2), "\"", TextSpelling.BackslashEscapes);
                return true;
            case SyntaxKind.SingleLineRawStringLiteralToken:
            case SyntaxKind.MultiLineRawStringLiteralToken:
                var quotes = 0;
                while (quotes < source.Length && source[quotes] == '"')
                {
                    quotes++;
                }

                if (quotes < 3 || source.Length < 2 * quotes)
                {
                    return false;
                }

                var delimiter = new string('"', quotes);
                text = new StringLiteralText(token, delimiter, source.Substring(quotes, source.Length - 2 * quotes), delimiter, TextSpelling.Plain);
                return true;
            default:
                return false;
        }
    }

    /// <summary>A new literal with the same delimiters, or null when the text no longer parses as one.</summary>
    public LiteralExpressionSyntax? With(string inner)
    {
        if (SyntaxFactory.ParseExpression(Prefix + inner + Suffix) is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } parsed
            || parsed.ContainsDiagnostics
            || !parsed.Token.IsKind(Token.Kind()))
        {
            return null;
        }

        return parsed.WithToken(parsed.Token.WithTriviaFrom(Token));
    }
}
