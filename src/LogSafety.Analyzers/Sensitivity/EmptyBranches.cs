using LogSafety.Analyzers.Logging;
using LogSafety.Analyzers.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Sensitivity;

/// <summary>
/// A value logged only in the branch where it is null or empty holds nothing:
/// <c>if (string.IsNullOrEmpty(accessToken)) logger.LogError("No access token: {AccessToken}", accessToken);</c>.
/// Only the enclosing <c>if</c> or <c>?:</c> branches of the same method are looked at, and only when the branch does
/// not assign the value.
/// </summary>
internal static class EmptyBranches
{
    public static bool IsLoggedOnlyWhenEmpty(IOperation logged)
    {
        var value = LoggedValueCollector.SkipConversions(logged);
        if (ReferenceOf(value) is not { } symbol)
        {
            return false;
        }

        var child = logged;
        for (var parent = logged.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IConditionalOperation conditional when child == conditional.WhenTrue:
                    if (ChecksEmpty(conditional.Condition, symbol))
                    {
                        return !Assigns(conditional.WhenTrue, symbol);
                    }

                    break;
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    // It runs later, when the value may have been set.
                    return false;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="condition"/> being true means the value of <paramref name="symbol"/> is null or empty.</summary>
    private static bool ChecksEmpty(IOperation condition, ISymbol symbol)
    {
        switch (ImplicitSteps.Skip(condition))
        {
            case IInvocationOperation { TargetMethod: { Name: "IsNullOrEmpty" or "IsNullOrWhiteSpace", IsStatic: true, ContainingType.SpecialType: SpecialType.System_String } } check
                when check.Arguments.Length == 1:
                return Refers(check.Arguments[0].Value, symbol);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both:
                return ChecksEmpty(both.LeftOperand, symbol) || ChecksEmpty(both.RightOperand, symbol);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals:
                return (Refers(equals.LeftOperand, symbol) && IsEmptyConstant(equals.RightOperand))
                    || (Refers(equals.RightOperand, symbol) && IsEmptyConstant(equals.LeftOperand))
                    || (IsLengthOf(equals.LeftOperand, symbol) && IsZero(equals.RightOperand))
                    || (IsLengthOf(equals.RightOperand, symbol) && IsZero(equals.LeftOperand));
            case IIsPatternOperation { Pattern: IConstantPatternOperation { Value: var constant } } pattern:
                return Refers(pattern.Value, symbol) && IsEmptyConstant(constant);
            default:
                return false;
        }
    }

    private static bool IsEmptyConstant(IOperation operation) =>
        ImplicitSteps.Skip(operation) is var value
        && (value.ConstantValue is { HasValue: true, Value: null or "" }
            || value is IFieldReferenceOperation { Field: { Name: "Empty", IsStatic: true, ContainingType.SpecialType: SpecialType.System_String } });

    private static bool IsLengthOf(IOperation operation, ISymbol symbol) =>
        ImplicitSteps.Skip(operation) is IPropertyReferenceOperation { Property.Name: "Length", Instance: { } instance } && Refers(instance, symbol);

    private static bool IsZero(IOperation operation) => ImplicitSteps.Skip(operation).ConstantValue is { HasValue: true, Value: 0 };

    /// <summary>Whether the branch writes the value (an assignment, or a ref or out argument).</summary>
    private static bool Assigns(IOperation branch, ISymbol symbol)
    {
        foreach (var operation in branch.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IAssignmentOperation assignment when WritesTo(assignment.Target, symbol):
                    return true;
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument when Refers(argument.Value, symbol):
                    return true;
            }
        }

        return false;
    }

    private static bool WritesTo(IOperation target, ISymbol symbol) => target switch
    {
        ITupleOperation tuple => AnyWrites(tuple, symbol),
        _ => Refers(target, symbol),
    };

    private static bool AnyWrites(ITupleOperation tuple, ISymbol symbol)
    {
        foreach (var element in tuple.Elements)
        {
            if (WritesTo(element, symbol))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Refers(IOperation operation, ISymbol symbol) =>
        ReferenceOf(ImplicitSteps.Skip(operation)) is { } referenced && SymbolEqualityComparer.Default.Equals(referenced, symbol);

    /// <summary>A local, a parameter, or a field or property of this instance or of a type: one value, whichever reads it.</summary>
    private static ISymbol? ReferenceOf(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
        IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Arguments.IsEmpty: true } property => property.Property,
        _ => null,
    };
}
