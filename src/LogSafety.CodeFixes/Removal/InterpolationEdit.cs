using System.Collections.Generic;
using LogSafety.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LogSafety.CodeFixes.Removal;

/// <summary>Removes interpolation holes, with the label text attached to them ("token={token}").</summary>
internal sealed class InterpolationEdit : ContainerEdit
{
    private readonly Dictionary<int, ISet<string>> _holes = new();
    private readonly LogSafetyOptions _options;

    public InterpolationEdit(InterpolatedStringExpressionSyntax node, LogSafetyOptions options)
        : base(node) => _options = options;

    public void Add(int hole, IEnumerable<string>? valueWords) => _holes[hole] = Hints.Of(valueWords);

    public override void MergeFrom(ContainerEdit other)
    {
        foreach (var pair in ((InterpolationEdit)other)._holes)
        {
            _holes[pair.Key] = pair.Value;
        }
    }

    public override SyntaxNode Apply(SyntaxNode current)
    {
        if (current is not InterpolatedStringExpressionSyntax interpolated)
        {
            return current;
        }

        var start = interpolated.StringStartToken.Text;
        var isRaw = start.Contains("\"\"\"");
        var spelling = TextSpelling.DoubledBraces | (isRaw ? TextSpelling.Plain : start.Contains("@") ? TextSpelling.Verbatim : TextSpelling.BackslashEscapes);
        var text = new HoleText(_options);
        var holes = new List<InterpolationSyntax>();
        foreach (var content in interpolated.Contents)
        {
            switch (content)
            {
                case InterpolatedStringTextSyntax part:
                    text.AddText(part.TextToken.Text, 0, spelling);
                    break;
                case InterpolationSyntax hole:
                    _holes.TryGetValue(holes.Count, out var hints);
                    text.AddHole(holes.Count, string.Empty, 0, hints);
                    holes.Add(hole);
                    break;
            }
        }

        text.RemoveHoles(_holes.Keys);
        var inner = text.Write(atom => holes[atom.Hole].ToFullString());
        ExpressionSyntax? replacement = null;
        if (!text.HasHoles() && !isRaw && start.Length <= 3 && !inner.Contains("{{") && !inner.Contains("}}"))
        {
            // Nothing is interpolated any more: a plain literal says so.
            replacement = Parse(start.Replace("$", string.Empty) + inner + "\"", SyntaxKind.StringLiteralExpression);
        }

        replacement ??= Parse(start + inner + interpolated.StringEndToken.Text, SyntaxKind.InterpolatedStringExpression);
        return replacement is null ? current : replacement.WithTriviaFrom(interpolated);
    }

    private static ExpressionSyntax? Parse(string text, SyntaxKind kind)
    {
        var expression = SyntaxFactory.ParseExpression(text);
        return expression.IsKind(kind) && !expression.ContainsDiagnostics && expression.FullSpan.Length == text.Length ? expression : null;
    }
}
