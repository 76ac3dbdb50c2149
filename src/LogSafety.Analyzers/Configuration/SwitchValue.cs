using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Configuration;

/// <summary>
/// Whether a boolean switch is surely turned on: the constant <c>true</c>, or a local initialized with it. A value read
/// from configuration, a parameter or a development check is decided elsewhere and is not reported.
/// </summary>
internal static class SwitchValue
{
    private const int MaxLocalDepth = 3;

    public static bool IsTrue(IOperation? value, int depth = 0)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        return value switch
        {
            null => false,
            { ConstantValue: { HasValue: true, Value: bool constant } } => constant,
            ILocalReferenceOperation local when depth < MaxLocalDepth => IsTrue(LocalInitializer.Of(local), depth + 1),
            _ => false,
        };
    }
}
