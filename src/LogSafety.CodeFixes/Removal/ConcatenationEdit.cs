using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LogSafety.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LogSafety.CodeFixes.Removal;

/// <summary>
/// Removes operands of a string concatenation ("a" + b + " token=" + token), with the label text of the literal
/// before them; literals left empty go too. The result is still a string.
/// </summary>
internal sealed class ConcatenationEdit : ContainerEdit
{
    private readonly Dictionary<int, ISet<string>> _operands = new();
    private readonly ImmutableArray<bool> _isString;
    private readonly LogSafetyOptions _options;

    /// <param name="root">The top of the left-leaning chain of string '+'.</param>
    /// <param name="isString">For each operand, left to right, whether its type is string.</param>
    public ConcatenationEdit(BinaryExpressionSyntax root, ImmutableArray<bool> isString, LogSafetyOptions options)
        : base(root)
    {
        _isString = isString;
        _options = options;
    }

    public void Add(int operand, IEnumerable<string>? valueWords) => _operands[operand] = Hints.Of(valueWords);

    public override void MergeFrom(ContainerEdit other)
    {
        foreach (var pair in ((ConcatenationEdit)other)._operands)
        {
            _operands[pair.Key] = pair.Value;
        }
    }

    /// <summary>The operands of a left-leaning '+' chain with <paramref name="count"/> operands, and the '+' before each (index 0 has none).</summary>
    public static bool TryFlatten(ExpressionSyntax root, int count, out List<ExpressionSyntax> operands, out List<SyntaxToken> operators)
    {
        operands = new List<ExpressionSyntax>(count);
        operators = new List<SyntaxToken>(count);
        var node = root;
        for (var i = 0; i < count - 1; i++)
        {
            if (node is not BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } binary)
            {
                return false;
            }

            operands.Insert(0, binary.Right);
            operators.Insert(0, binary.OperatorToken);
            node = binary.Left;
        }

        operands.Insert(0, node);
        operators.Insert(0, default);
        return true;
    }

    public override SyntaxNode Apply(SyntaxNode current)
    {
        if (current is not ExpressionSyntax expression || !TryFlatten(expression, _isString.Length, out var operands, out var operators))
        {
            return current;
        }

        var text = new HoleText(_options);
        var literals = new StringLiteralText?[operands.Count];
        for (var i = 0; i < operands.Count; i++)
        {
            if (StringLiteralText.TryCreate(operands[i], out var literal))
            {
                literals[i] = literal;
                text.AddText(literal.Inner, i, literal.Spelling);
            }
            else
            {
                _operands.TryGetValue(i, out var hints);
                text.AddHole(i, string.Empty, i, hints);
            }
        }

        text.RemoveHoles(_operands.Keys);

        var kept = new List<(ExpressionSyntax Operand, int Index, bool IsString)>();
        for (var i = 0; i < operands.Count; i++)
        {
            if (literals[i] is { } literal)
            {
                var inner = text.Write(atom => string.Empty, owner: i);
                if (inner == literal.Inner)
                {
                    kept.Add((operands[i], i, true));
                }
                else if (inner.Length > 0 && literal.With(inner) is { } rewritten)
                {
                    kept.Add((rewritten, i, true));
                }
                else if (inner.Length > 0)
                {
                    kept.Add((operands[i], i, true));
                }
            }
            else if (!_operands.ContainsKey(i))
            {
                kept.Add((operands[i], i, _isString[i]));
            }
        }

        if (kept.Count == 0)
        {
            return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(string.Empty)).WithTriviaFrom(expression);
        }

        if (kept.Count == 1)
        {
            var only = kept[0].Operand.WithTriviaFrom(expression);
            return kept[0].IsString ? only : SyntaxFactory.ParseExpression("$\"{(" + kept[0].Operand.ToString() + ")}\"").WithTriviaFrom(expression);
        }

        ExpressionSyntax result = kept[0].Operand.WithLeadingTrivia(operands[0].GetLeadingTrivia());
        if (!kept[0].IsString && !kept[1].IsString)
        {
            // Two non-strings first would add numbers: an empty string keeps it a concatenation.
            result = SyntaxFactory.BinaryExpression(
                SyntaxKind.AddExpression,
                SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(string.Empty)).WithTrailingTrivia(SyntaxFactory.Space),
                SyntaxFactory.Token(SyntaxKind.PlusToken).WithTrailingTrivia(SyntaxFactory.Space),
                result.WithoutLeadingTrivia()).WithLeadingTrivia(operands[0].GetLeadingTrivia());
        }

        for (var k = 1; k < kept.Count; k++)
        {
            var (operand, index, _) = kept[k];
            if (k == kept.Count - 1 && index < operands.Count - 1)
            {
                operand = operand.WithTrailingTrivia(operands[operands.Count - 1].GetTrailingTrivia());
            }

            result = SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression, result, operators[index], operand);
        }

        return result;
    }
}
