using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LogSafety.Analyzers.Logging;
using LogSafety.Analyzers.Options;
using LogSafety.Analyzers.Rules;
using LogSafety.Analyzers.Sensitivity;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.CodeFixes.Removal;

/// <summary>Values inside built strings: interpolation holes, concatenation operands, string.Format/Concat/Join arguments.</summary>
internal static partial class RemovalPlanner
{
    private static ContainerEdit? PlanInterpolation(Context context, InterpolatedStringExpressionSyntax interpolated, InterpolationSyntax interpolation)
    {
        var index = interpolated.Contents.OfType<InterpolationSyntax>().ToList().IndexOf(interpolation);
        var edit = new InterpolationEdit(interpolated, context.Options);
        edit.Add(index, context.ValueWords);
        return edit;
    }

    private static ContainerEdit? PlanConcatenation(Context context, SyntaxNode valueSyntax)
    {
        var operand = SkipParentheses(valueSyntax);
        if (operand.Parent is not BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } binary)
        {
            return null;
        }

        var root = binary;
        while (root.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } parent && parent.Left == root && IsString(context, parent))
        {
            root = parent;
        }

        var count = 1;
        for (ExpressionSyntax node = root; node is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } chain && IsString(context, chain); node = chain.Left)
        {
            count++;
        }

        if (!ConcatenationEdit.TryFlatten(root, count, out var operands, out _))
        {
            return null;
        }

        var index = operands.IndexOf((ExpressionSyntax)operand);
        if (index < 0)
        {
            return null;
        }

        var edit = new ConcatenationEdit(root, operands.Select(o => IsString(context, o)).ToImmutableArray(), context.Options);
        edit.Add(index, context.ValueWords);
        return edit;
    }

    private static bool IsString(Context context, ExpressionSyntax expression) =>
        context.Model.GetTypeInfo(expression, context.CancellationToken).Type?.SpecialType == SpecialType.System_String;

    /// <summary>An argument of string.Format (the format loses its hole, renumbered), string.Concat or string.Join.</summary>
    private static ContainerEdit? PlanFormatArgument(Context context, LoggedValue value)
    {
        IInvocationOperation? building = null;
        for (var current = value.Value.Parent; current is not null; current = current.Parent)
        {
            if (current is IInvocationOperation invocation)
            {
                building = invocation;
                break;
            }
        }

        if (building?.Syntax is not InvocationExpressionSyntax syntax || ArgumentIndex(syntax, value.Syntax) is not { } index
            || syntax.ArgumentList.Arguments[index].NameColon is not null)
        {
            return null;
        }

        var method = building.TargetMethod;
        if (method.Name == "Format")
        {
            var format = building.Arguments.FirstOrDefault(a => a.Parameter?.Name == "format");
            if (format is null || ArgumentIndex(syntax, format.Value.Syntax) is not { } formatIndex || index <= formatIndex
                || !StringLiteralText.TryCreate(syntax.ArgumentList.Arguments[formatIndex].Expression, out _)
                || format.Value.ConstantValue.Value is not string formatText
                || building.Arguments.Any(a => a.ArgumentKind == ArgumentKind.ParamArray && a.Value is not IArrayCreationOperation { Initializer: not null }))
            {
                return null;
            }

            var template = new CallTemplate(formatIndex, MessageTemplate.Parse(formatText), positional: true, unescapeWhenNoValues: false, collapseWhenNoValues: true);
            var formatEdit = new ArgumentsEdit(syntax, template, context.Options);
            formatEdit.Add(index, index - formatIndex - 1, context.ValueWords);
            return formatEdit;
        }

        // string.Concat / string.Join: the value goes if the call still binds without it.
        var remaining = SeparatedListRemoval.Remove(syntax.ArgumentList.Arguments, new[] { index });
        var speculative = syntax.WithArgumentList(syntax.ArgumentList.WithArguments(remaining));
        if (context.Model.GetSpeculativeSymbolInfo(syntax.SpanStart, speculative, SpeculativeBindingOption.BindAsExpression).Symbol is not IMethodSymbol bound
            || bound.ReturnType.SpecialType != SpecialType.System_String)
        {
            return null;
        }

        var edit = new ArgumentsEdit(syntax, null, context.Options);
        edit.Add(index, -1);
        return edit;
    }
}
