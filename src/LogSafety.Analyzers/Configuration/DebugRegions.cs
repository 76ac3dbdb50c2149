using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace LogSafety.Analyzers.Configuration;

/// <summary>
/// The spans of each file that compile only in debug builds (<c>#if DEBUG</c>, or the <c>#else</c> of <c>#if !DEBUG</c>).
/// Read from the directives alone, once per tree, and only for trees that have directives.
/// </summary>
internal sealed class DebugRegions
{
    private readonly Roslyn.ReferenceCache<SyntaxTree, ImmutableArray<TextSpan>> _regions = new(System.Collections.Generic.EqualityComparer<SyntaxTree>.Default);

    public bool Contains(SyntaxTree tree, int position)
    {
        foreach (var span in _regions.GetOrAdd(tree, Compute))
        {
            if (span.Contains(position))
            {
                return true;
            }
        }

        return false;
    }

    private static ImmutableArray<TextSpan> Compute(SyntaxTree tree)
    {
        var root = tree.GetRoot();
        if (!root.ContainsDirectives)
        {
            return ImmutableArray<TextSpan>.Empty;
        }

        var spans = ImmutableArray.CreateBuilder<TextSpan>();
        var open = new Stack<Branch>();
        for (var directive = root.GetFirstDirective(); directive is not null; directive = directive.GetNextDirective())
        {
            switch (directive)
            {
                case IfDirectiveTriviaSyntax @if:
                    open.Push(new Branch(
                        @if.Span.End,
                        @if.BranchTaken && ImpliesDebug(@if.Condition, whenTrue: true),
                        ImpliesDebug(@if.Condition, whenTrue: false)));
                    break;
                case ElifDirectiveTriviaSyntax elif when open.Count > 0:
                    Close(open.Pop(), elif.SpanStart, spans);
                    open.Push(new Branch(elif.Span.End, elif.BranchTaken && ImpliesDebug(elif.Condition, whenTrue: true), elseIsDebug: false));
                    break;
                case ElseDirectiveTriviaSyntax @else when open.Count > 0:
                    var previous = open.Pop();
                    Close(previous, @else.SpanStart, spans);
                    open.Push(new Branch(@else.Span.End, @else.BranchTaken && previous.ElseIsDebug, elseIsDebug: false));
                    break;
                case EndIfDirectiveTriviaSyntax endIf when open.Count > 0:
                    Close(open.Pop(), endIf.SpanStart, spans);
                    break;
            }
        }

        return spans.ToImmutable();
    }

    private static void Close(Branch branch, int end, ImmutableArray<TextSpan>.Builder spans)
    {
        if (branch.IsDebug && end > branch.Start)
        {
            spans.Add(TextSpan.FromBounds(branch.Start, end));
        }
    }

    /// <summary>True when the condition having the value <paramref name="whenTrue"/> means DEBUG is defined.</summary>
    private static bool ImpliesDebug(ExpressionSyntax condition, bool whenTrue) => condition switch
    {
        IdentifierNameSyntax name => whenTrue && name.Identifier.ValueText == "DEBUG",
        ParenthesizedExpressionSyntax parenthesized => ImpliesDebug(parenthesized.Expression, whenTrue),
        PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not => ImpliesDebug(not.Operand, !whenTrue),
        BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression } and =>
            whenTrue && (ImpliesDebug(and.Left, true) || ImpliesDebug(and.Right, true)),
        BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalOrExpression } or =>
            !whenTrue && (ImpliesDebug(or.Left, false) || ImpliesDebug(or.Right, false)),
        _ => false,
    };

    private readonly struct Branch
    {
        public Branch(int start, bool isDebug, bool elseIsDebug)
        {
            Start = start;
            IsDebug = isDebug;
            ElseIsDebug = elseIsDebug;
        }

        public int Start { get; }
        public bool IsDebug { get; }
        public bool ElseIsDebug { get; }
    }
}
