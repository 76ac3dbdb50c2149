using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Roslyn;

internal static class ImplicitSteps
{
    /// <summary>
    /// The operand under implicit conversions and parentheses: the value as written, where a cast the code writes stays.
    /// </summary>
    public static IOperation Skip(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        return operation;
    }
}
