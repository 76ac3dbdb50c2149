using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using LogSafety.Analyzers;
using LogSafety.Analyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace LogSafety.CodeFixes;

/// <summary>
/// LS0011: takes RequestBody (or the W3C Cookie) out of a logging-fields value. The rest is written with the enum's
/// own members (<c>Request</c> becomes <c>RequestPropertiesAndHeaders</c>), or as <c>value &amp; ~Field</c> when that
/// would need more than a few members.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveLoggedFieldCodeFix)), Shared]
public sealed class RemoveLoggedFieldCodeFix : DocumentEditingCodeFix
{
    public const string Key = "LogSafety.RemoveLoggedField";
    private const int MaxMembers = 3;

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.HttpLoggingOfSecrets);

    protected override string Title => "Stop logging the request body";

    protected override string EquivalenceKey => Key;

    /// <summary>Fix All fixes every LS0011 finding: the other kind gets the other rewrite.</summary>
    protected override ImmutableArray<DocumentEditingCodeFix> FallbackFixes =>
        ImmutableArray.Create<DocumentEditingCodeFix>(new RemoveLoggedHeaderCodeFix());

    protected override SyntaxNode? FindTarget(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Kind, out var kind)
            || kind != DiagnosticProperties.FieldsKind
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression
            || FieldsOf(model, expression, diagnostic, cancellationToken) is null)
        {
            return null;
        }

        return expression;
    }

    protected override void Apply(DocumentEditor editor, SyntaxNode target, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var expression = (ExpressionSyntax)target;
        var (enumType, value, field) = FieldsOf(model, expression, diagnostic, cancellationToken)!.Value;
        var remaining = value & ~LoggedFields.MemberValue(enumType, field.Name)!.Value;
        if (remaining == 0)
        {
            var outer = OutermostParentheses(expression);
            switch (outer.Parent)
            {
                // Flags | RequestBody: keep the other operand.
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.BitwiseOrExpression } either:
                    var other = either.Left == outer ? either.Right : either.Left;
                    editor.ReplaceNode(either, other.WithTriviaFrom(either));
                    return;

                // options.LoggingFields |= RequestBody; adds nothing any more (as a statement, or a lambda's body).
                case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.OrAssignmentExpression } orAssignment
                    when Statements.CanRemove(orAssignment, model, cancellationToken):
                    Statements.RemoveExpression(editor, orAssignment, model, cancellationToken);
                    return;
            }
        }

        var flag = value & ~remaining;
        var typeName = enumType.ToMinimalDisplayString(model, expression.SpanStart);
        var replacement = WithoutOperand(expression, flag, model, cancellationToken) is { } shorter
            ? SyntaxFactory.ParseExpression(shorter)
            : Members(enumType, remaining) is { } members
            ? SyntaxFactory.ParseExpression(members.Count == 0
                ? ZeroValue(enumType, typeName)
                : string.Join(" | ", members.Select(m => typeName + "." + m.Name)))
            : SyntaxFactory.ParseExpression($"{Parenthesized(expression)} & ~{typeName}.{field.Name}");
        editor.ReplaceNode(expression, replacement.WithTriviaFrom(expression));
    }

    private static (INamedTypeSymbol EnumType, long Value, IFieldSymbol Field)? FieldsOf(
        SemanticModel model, ExpressionSyntax expression, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Field, out var fieldName)
            || fieldName is null
            || model.GetTypeInfo(expression, cancellationToken).Type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType
            || enumType.GetMembers(fieldName).OfType<IFieldSymbol>().FirstOrDefault() is not { HasConstantValue: true } field
            || LoggedFields.ToInt64(model.GetConstantValue(expression, cancellationToken).Value) is not { } value)
        {
            return null;
        }

        return (enumType, value, field);
    }

    /// <summary>
    /// <c>A | RequestBody | B</c> written as <c>A | B</c>, when every operand that turns the field on is that field alone.
    /// </summary>
    private static string? WithoutOperand(ExpressionSyntax expression, long flag, SemanticModel model, CancellationToken cancellationToken)
    {
        var operands = new List<ExpressionSyntax>();
        Flatten(expression, operands);
        if (operands.Count < 2)
        {
            return null;
        }

        var kept = new List<string>();
        foreach (var operand in operands)
        {
            var bits = LoggedFields.ToInt64(model.GetConstantValue(operand, cancellationToken).Value);
            if (bits == flag)
            {
                continue;
            }

            if (bits is null || (bits.Value & flag) != 0)
            {
                return null;
            }

            kept.Add(operand.WithoutTrivia().ToString());
        }

        return kept.Count > 0 && kept.Count < operands.Count ? string.Join(" | ", kept) : null;
    }

    private static void Flatten(ExpressionSyntax expression, List<ExpressionSyntax> operands)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        if (expression is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.BitwiseOrExpression } either)
        {
            Flatten(either.Left, operands);
            Flatten(either.Right, operands);
            return;
        }

        operands.Add(expression);
    }

    /// <summary>
    /// The fewest named members (largest first) whose union is exactly <paramref name="value"/>, or null when that takes
    /// more than <see cref="MaxMembers"/> of them.
    /// </summary>
    private static List<IFieldSymbol>? Members(INamedTypeSymbol enumType, long value)
    {
        var candidates = enumType.GetMembers().OfType<IFieldSymbol>()
            .Where(f => f.HasConstantValue && LoggedFields.ToInt64(f.ConstantValue) is { } bits && bits != 0 && (bits & ~value) == 0)
            .ToList();
        var chosen = new List<IFieldSymbol>();
        var uncovered = value;
        while (uncovered != 0)
        {
            if (chosen.Count == MaxMembers)
            {
                return null;
            }

            var best = candidates
                .OrderByDescending(f => BitCount(LoggedFields.ToInt64(f.ConstantValue)!.Value & uncovered))
                .FirstOrDefault();
            var bestBits = best is null ? 0 : LoggedFields.ToInt64(best.ConstantValue)!.Value;
            if (best is null || (bestBits & uncovered) == 0)
            {
                return null;
            }

            chosen.Add(best);
            uncovered &= ~bestBits;
        }

        return chosen;
    }

    private static ExpressionSyntax OutermostParentheses(ExpressionSyntax expression)
    {
        while (expression.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized;
        }

        return expression;
    }

    private static string ZeroValue(INamedTypeSymbol enumType, string typeName) =>
        enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && LoggedFields.ToInt64(f.ConstantValue) == 0) is { } none
            ? typeName + "." + none.Name
            : $"({typeName})0";

    private static string Parenthesized(ExpressionSyntax expression) =>
        expression is MemberAccessExpressionSyntax or IdentifierNameSyntax or ParenthesizedExpressionSyntax
            ? expression.WithoutTrivia().ToString()
            : "(" + expression.WithoutTrivia() + ")";

    private static int BitCount(long bits)
    {
        var count = 0;
        for (var rest = unchecked((ulong)bits); rest != 0; rest &= rest - 1)
        {
            count++;
        }

        return count;
    }
}
