using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Logging;

/// <summary>
/// Calls that attach one named value to events: Serilog's ForContext(name, value) and LogContext.PushProperty, NLog's
/// Property, WithProperty, SetProperty, PushProperty and PushScopeProperty, the diagnostic contexts' Set. The name
/// labels the value.
/// </summary>
internal static class PropertyCalls
{
    /// <summary>
    /// A name and a value, in that order: (string name, T value [, bool destructure]), after the extended logger and a
    /// level when the method has them (Serilog's <c>logger.ForContext(level, name, value)</c>).
    /// </summary>
    public static bool IsPropertyCall(IMethodSymbol method) =>
        NameOrdinal(method) is { } name
        && method.Parameters.Length - name is 2 or 3
        && (method.Parameters.Length - name == 2 || method.Parameters[name + 2].Type.SpecialType == SpecialType.System_Boolean);

    private static int? NameOrdinal(IMethodSymbol method)
    {
        var parameters = method.Parameters;
        var ordinal = method.IsExtensionMethod ? 1 : 0;
        if (ordinal < parameters.Length && parameters[ordinal].Type.TypeKind == TypeKind.Enum)
        {
            ordinal++;
        }

        return ordinal < parameters.Length && parameters[ordinal].Type.SpecialType == SpecialType.System_String ? ordinal : null;
    }

    public static LogCall Create(IInvocationOperation invocation, LogApi api, string sinkName) =>
        Create(invocation, invocation.TargetMethod, invocation.Arguments, api, sinkName);

    /// <summary>An invocation, or an object creation that takes a name and a value (Serilog's PropertyEnricher).</summary>
    public static LogCall Create(IOperation operation, IMethodSymbol called, ImmutableArray<IArgumentOperation> arguments, LogApi api, string sinkName)
    {
        string? label = null;
        IOperation? value = null;
        var destructure = false;
        var name = NameOrdinal(called) ?? -1;
        foreach (var argument in arguments)
        {
            var parameter = argument.Parameter;
            if (parameter is null || name < 0)
            {
                continue;
            }

            if (parameter.Ordinal == name)
            {
                label = argument.Value.ConstantValue.HasValue ? argument.Value.ConstantValue.Value as string : null;
            }
            else if (parameter.Ordinal == name + 1)
            {
                value = argument.Value;
            }
            else if (parameter.Type.SpecialType == SpecialType.System_Boolean && argument.Value.ConstantValue is { HasValue: true, Value: true })
            {
                destructure = true;
            }
        }

        var logged = value is null
            ? ImmutableArray<LoggedArgument>.Empty
            : ImmutableArray.Create(new LoggedArgument(value, -1, label, destructure, null));
        return new LogCall(operation, api, sinkName, null, null, logged);
    }
}
