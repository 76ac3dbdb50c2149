using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Logging;

/// <summary>
/// Calls that attach one named value to events: Serilog's ForContext(name, value) and LogContext.PushProperty, NLog's
/// Property, WithProperty, SetProperty, PushProperty and PushScopeProperty. The name labels the value.
/// </summary>
internal static class PropertyCalls
{
    /// <summary>A name and a value, in that order: (string name, T value [, bool destructure]).</summary>
    public static bool IsPropertyCall(IMethodSymbol method) =>
        method.Parameters.Length is 2 or 3
        && method.Parameters[0].Type.SpecialType == SpecialType.System_String
        && (method.Parameters.Length == 2 || method.Parameters[2].Type.SpecialType == SpecialType.System_Boolean);

    public static LogCall Create(IInvocationOperation invocation, LogApi api, string sinkName) =>
        Create(invocation, invocation.Arguments, api, sinkName);

    /// <summary>An invocation, or an object creation that takes a name and a value (Serilog's PropertyEnricher).</summary>
    public static LogCall Create(IOperation operation, ImmutableArray<IArgumentOperation> arguments, LogApi api, string sinkName)
    {
        string? label = null;
        IOperation? value = null;
        var destructure = false;
        foreach (var argument in arguments)
        {
            var parameter = argument.Parameter;
            if (parameter is null)
            {
                continue;
            }

            if (parameter.Ordinal == 0 && parameter.Type.SpecialType == SpecialType.System_String)
            {
                label = argument.Value.ConstantValue.HasValue ? argument.Value.ConstantValue.Value as string : null;
            }
            else if (parameter.Ordinal == 1)
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
