using LogSafety.Analyzers.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Sensitivity;

/// <summary>
/// Header and cookie collections walked one entry at a time: "foreach (var header in request.Headers)
/// log(header.Value)" writes the Authorization and Cookie values as surely as logging the collection does, unless
/// the loop looks at the entry's name first.
/// </summary>
internal sealed partial class RequestDataClassifier
{
    private const int MaxLoopBodyOperations = 2000;

    /// <summary>"entry.Value" of a foreach variable over a collection whose items are credentials; default otherwise.</summary>
    private SensitiveMark ClassifyLoopValue(IPropertyReferenceOperation reference, LocalFlow flow)
    {
        // Cheap filters first: only KeyValuePair<,>.Value read from a local.
        if (reference.Property.Name != "Value"
            || reference.Property.ContainingType is not { Name: "KeyValuePair", ContainingNamespace.Name: "Generic" }
            || Skip(reference.Instance ?? reference) is not ILocalReferenceOperation entry)
        {
            return default;
        }

        foreach (var source in flow.SourcesOf(entry))
        {
            if (source.Parent is not IForEachLoopOperation loop || !ForEachLoops.Declares(loop, entry.Local))
            {
                continue;
            }

            var collection = Skip(loop.Collection);
            var whole = ClassifyWhole(collection.Type, ExposureKind.Template);
            if (!whole.IsSensitive || LoopTestsKey(loop.Body, entry.Local))
            {
                return default;
            }

            return new SensitiveMark(whole.Kind, $"is each value of a loop over '{Shorten(collection.Syntax.ToString())}', which {whole.Reason}");
        }

        return default;
    }

    /// <summary>Whether the loop decides something on the entry's name (compares it, matches it, looks it up).</summary>
    private static bool LoopTestsKey(IOperation body, ILocalSymbol entry)
    {
        var count = 0;
        foreach (var operation in body.Descendants())
        {
            if (++count > MaxLoopBodyOperations)
            {
                // Too big to read: assume the loop filters, so as not to report what may be guarded.
                return true;
            }

            if (operation is not IPropertyReferenceOperation { Property.Name: "Key", Instance: ILocalReferenceOperation local }
                || !SymbolEqualityComparer.Default.Equals(local.Local, entry))
            {
                continue;
            }

            for (var current = operation.Parent; current is not null && current != body; current = current.Parent)
            {
                if (IsTestOfKey(current, operation))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The name compared, matched or looked up on its way up: "header.Key == ...", "header.Key.StartsWith(...)",
    /// "sensitive.Contains(header.Key)", "header.Key is ...", or the name inside an if/while/switch condition.
    /// </summary>
    private static bool IsTestOfKey(IOperation ancestor, IOperation key)
    {
        switch (ancestor)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals }:
            case IIsPatternOperation:
            case IInvocationOperation { TargetMethod.ReturnType.SpecialType: SpecialType.System_Boolean }:
                return true;
        }

        var tested = ancestor switch
        {
            IConditionalOperation conditional => conditional.Condition,
            IWhileLoopOperation whileLoop => whileLoop.Condition,
            ISwitchOperation switchStatement => switchStatement.Value,
            ISwitchExpressionOperation switchExpression => switchExpression.Value,
            _ => null,
        };

        return tested is not null && tested.Syntax.Span.Contains(key.Syntax.Span);
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";
}
