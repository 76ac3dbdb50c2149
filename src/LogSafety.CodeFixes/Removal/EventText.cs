using System.Collections.Generic;
using System.Linq;
using LogSafety.Analyzers.Sensitivity;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LogSafety.CodeFixes.Removal;

/// <summary>
/// The message a log call keeps when nothing of its own is left (the whole message was the secret, or every hole and
/// its label went): the event the call site implies, from the name of the method around it (<c>Login</c> gives
/// "Login"; <c>RequestPasswordResetAsync</c> gives "Request password reset"), else "&lt;event&gt;" with a TODO
/// comment. Never an empty message: log the event, not the data.
/// </summary>
internal static class EventText
{
    public const string Placeholder = "<event>";
    public const string TodoComment = "/* TODO: name the event this call logs; LogSafety removed the secret it wrote */";

    // Names that say nothing about the event.
    private static readonly HashSet<string> Uninformative = new(System.StringComparer.OrdinalIgnoreCase)
    {
        "Main", "Run", "Execute", "Invoke", "Handle", "Process", "Log", "Write", "Trace", "Debug", "Info", "Warn", "Error",
    };

    /// <summary>The event text for a call at <paramref name="node"/>, or null when the name around it tells nothing.</summary>
    public static string? For(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            var name = ancestor switch
            {
                MethodDeclarationSyntax method => method.Identifier.ValueText,
                LocalFunctionStatementSyntax function => function.Identifier.ValueText,
                _ => null,
            };
            if (name is not null)
            {
                return Sentence(name);
            }

            // A lambda, an accessor, a constructor or the top-level statements: no name of the event.
            if (ancestor is AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax or ConstructorDeclarationSyntax or GlobalStatementSyntax
                or BaseTypeDeclarationSyntax)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The literal a message becomes: the event text, or the placeholder followed by the TODO comment.</summary>
    public static ExpressionSyntax Literal(string? text)
    {
        var literal = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text ?? Placeholder));
        return text is null
            ? literal.WithTrailingTrivia(SyntaxFactory.Space, SyntaxFactory.Comment(TodoComment))
            : literal;
    }

    /// <summary>The literal that takes the place of <paramref name="message"/>, keeping its trivia.</summary>
    public static ExpressionSyntax Replacing(ExpressionSyntax message, string? text)
    {
        var literal = Literal(text);
        return literal
            .WithLeadingTrivia(message.GetLeadingTrivia())
            .WithTrailingTrivia(literal.GetTrailingTrivia().AddRange(message.GetTrailingTrivia()));
    }

    /// <summary>
    /// Whether a message literal says nothing any more: no hole, and no word but function words ("to", "with", "and"),
    /// which is what "Unprotected token: {token} to {decryptedToken}" leaves once both values and their labels went.
    /// </summary>
    public static bool IsEmpty(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal => SaysNothing(literal.Token.ValueText, holesPossible: true),
        InterpolatedStringExpressionSyntax interpolated => interpolated.Contents.All(c => c is InterpolatedStringTextSyntax text && SaysNothing(text.TextToken.ValueText, holesPossible: false)),
        _ => false,
    };

    /// <summary>Words that name no event on their own: the connectors a removed value takes along, and articles.</summary>
    private static bool IsFunctionWord(string word) =>
        HoleText.Connectors.Contains(word) || word.Equals("a", System.StringComparison.OrdinalIgnoreCase)
        || word.Equals("an", System.StringComparison.OrdinalIgnoreCase) || word.Equals("the", System.StringComparison.OrdinalIgnoreCase);

    private static bool SaysNothing(string text, bool holesPossible)
    {
        // A message template with a hole left still writes a value: it is not empty.
        if (holesPossible && text.Replace("{{", string.Empty).IndexOf('{') >= 0)
        {
            return false;
        }

        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                if (!IsFunctionWord(text.Substring(start, i - start)))
                {
                    return false;
                }

                start = -1;
            }
        }

        return true;
    }

    private static string? Sentence(string name)
    {
        if (name.EndsWith("Async", System.StringComparison.Ordinal) && name.Length > "Async".Length)
        {
            name = name.Substring(0, name.Length - "Async".Length);
        }

        if (Uninformative.Contains(name))
        {
            return null;
        }

        var words = NameWords.Split(name);

        // UnprotectWith(protector) names the event "Unprotect": a trailing connector only led to the parameters.
        while (!words.IsDefaultOrEmpty && words.Length > 1 && HoleText.Connectors.Contains(words[words.Length - 1]))
        {
            words = words.RemoveAt(words.Length - 1);
        }

        if (words.IsDefaultOrEmpty)
        {
            return null;
        }

        var sentence = string.Join(" ", words.Select(w => w.ToLowerInvariant()));
        return char.ToUpperInvariant(sentence[0]) + sentence.Substring(1);
    }
}
