using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Configuration;

/// <summary>
/// Reads a flags value for the HTTP or W3C logger and finds the constant parts that turn on one field: the whole value
/// when it is constant, otherwise through the branches of <c>?:</c> and the operands of <c>|</c>, so that each part can
/// be judged by its own guard (<c>dev ? All : RequestPropertiesAndHeaders</c>).
/// </summary>
internal static class LoggedFields
{
    private const int MaxDepth = 16;

    public static List<IOperation> PartsEnabling(IOperation value, long flag)
    {
        var parts = new List<IOperation>();
        Collect(value, flag, parts, 0);
        return parts;
    }

    public static bool Enables(object? constant, long flag) => ToInt64(constant) is { } bits && (bits & flag) != 0;

    /// <summary>The value of the enum member <paramref name="name"/>, or null when the enum has no such member.</summary>
    public static long? MemberValue(INamedTypeSymbol? enumType, string name)
    {
        if (enumType is null)
        {
            return null;
        }

        foreach (var member in enumType.GetMembers(name))
        {
            if (member is IFieldSymbol { HasConstantValue: true } field)
            {
                return ToInt64(field.ConstantValue);
            }
        }

        return null;
    }

    public static long? ToInt64(object? constant) => constant switch
    {
        long value => value,
        int value => value,
        short value => value,
        sbyte value => value,
        byte value => value,
        ushort value => value,
        uint value => value,
        ulong value => unchecked((long)value),
        _ => null,
    };

    private static void Collect(IOperation? value, long flag, List<IOperation> parts, int depth)
    {
        if (value is null || depth > MaxDepth)
        {
            return;
        }

        if (value.ConstantValue.HasValue)
        {
            if (Enables(value.ConstantValue.Value, flag))
            {
                parts.Add(value);
            }

            return;
        }

        switch (value)
        {
            case IConversionOperation conversion:
                Collect(conversion.Operand, flag, parts, depth + 1);
                break;
            case IConditionalOperation conditional:
                Collect(conditional.WhenTrue, flag, parts, depth + 1);
                Collect(conditional.WhenFalse, flag, parts, depth + 1);
                break;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Or } either:
                Collect(either.LeftOperand, flag, parts, depth + 1);
                Collect(either.RightOperand, flag, parts, depth + 1);
                break;
        }
    }
}
