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

/// <summary>Values inside structured state: anonymous members, dictionary and key-value entries, tuple and array elements.</summary>
internal static partial class RemovalPlanner
{
    private static ContainerEdit? PlanTupleElement(Context context, SyntaxNode valueSyntax)
    {
        var argument = valueSyntax.AncestorsAndSelf().OfType<ArgumentSyntax>().FirstOrDefault();
        if (argument?.Parent is not TupleExpressionSyntax tuple)
        {
            return null;
        }

        // ("password", value) is one keyed entry: the whole pair goes.
        if (tuple.Arguments.Count == 2 && context.Model.GetConstantValue(tuple.Arguments[0].Expression, context.CancellationToken).Value is string)
        {
            return PlanUnit(context, tuple);
        }

        // Dropping an element changes the tuple's type: only fine where any type goes (object, an inferred TState).
        if (!AcceptsAnyType(context, tuple))
        {
            return null;
        }

        return ListRemoval(tuple, tuple.Arguments.IndexOf(argument));
    }

    private static bool AcceptsAnyType(Context context, ExpressionSyntax expression)
    {
        if (context.Model.GetTypeInfo(expression, context.CancellationToken).ConvertedType?.SpecialType == SpecialType.System_Object)
        {
            return true;
        }

        return SkipParentheses(expression).Parent is ArgumentSyntax argument
            && context.Model.GetOperation(argument, context.CancellationToken) is IArgumentOperation { Parameter: { } parameter }
            && parameter.OriginalDefinition.Type is ITypeParameterSymbol;
    }

    /// <summary>["password"] = value, { "password", value } or a KeyValuePair creation: the entry that holds the value.</summary>
    private static SyntaxNode? DictionaryEntryUnit(SyntaxNode valueSyntax)
    {
        foreach (var node in valueSyntax.Ancestors())
        {
            switch (node)
            {
                case AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax, Left: ImplicitElementAccessSyntax } assignment:
                    return assignment;
                case InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ComplexElementInitializerExpression } complex:
                    return complex;
                case BaseObjectCreationExpressionSyntax creation:
                    return creation;
                case StatementSyntax:
                case InvocationExpressionSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>Removes a whole element (entry, keyed tuple) from whatever holds it.</summary>
    private static ContainerEdit? PlanUnit(Context context, SyntaxNode unit)
    {
        unit = SkipParentheses(unit);
        switch (unit.Parent)
        {
            case InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.ArrayInitializerExpression) || initializer.IsKind(SyntaxKind.CollectionInitializerExpression)
                || initializer.IsKind(SyntaxKind.ObjectInitializerExpression):
                if (IsTemplateArgumentArray(context, initializer))
                {
                    return null;
                }

                return ListRemoval(initializer, initializer.Expressions.IndexOf((ExpressionSyntax)unit));

            case ArgumentSyntax { Parent: TupleExpressionSyntax tuple } element:
                return ListRemoval(tuple, tuple.Arguments.IndexOf(element));

            case ArgumentSyntax element when element.Parent == context.InvocationSyntax.ArgumentList:
                return context.Call.ArgumentHolding(context.InvocationSyntax, unit) is { } argument ? PlanLoggedArgument(context, argument) : null;

            default:
                return null;
        }
    }

    /// <summary>new object[] { a, b } passed for a template's values: its elements pair with holes we would have to renumber.</summary>
    private static bool IsTemplateArgumentArray(Context context, InitializerExpressionSyntax initializer) =>
        context.Call.Template is not null
        && initializer.Parent is ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax
        && initializer.Parent.Parent is ArgumentSyntax argument
        && argument.Parent == context.InvocationSyntax.ArgumentList
        && context.Model.GetOperation(argument, context.CancellationToken) is IArgumentOperation { Parameter.IsParams: true, ArgumentKind: ArgumentKind.Explicit };

    private static ContainerEdit? ListRemoval(SyntaxNode list, int index)
    {
        if (index < 0)
        {
            return null;
        }

        var edit = new ListEdit(list);
        edit.Add(index);
        return edit;
    }
}
