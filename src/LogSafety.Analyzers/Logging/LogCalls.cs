using System;
using System.Collections.Immutable;
using System.Threading;
using LogSafety.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Logging;

/// <summary>
/// "Is this invocation a log call?": a call of a known logging API (<see cref="LogCallRecognizer"/>), else a call of one
/// of the application's own wrappers (<see cref="WrapperIndex"/>). One per compilation; thread-safe.
/// </summary>
internal sealed class LogCalls
{
    public LogCalls(Compilation compilation, LoggingSymbols symbols, TreeOptions options)
    {
        Recognizer = new LogCallRecognizer(compilation, symbols);
        Wrappers = new WrapperIndex(compilation, Recognizer, options);
    }

    public LogCallRecognizer Recognizer { get; }

    public WrapperIndex Wrappers { get; }

    /// <summary>The log call <paramref name="invocation"/> makes, or null. Cheap for calls that are not log calls.</summary>
    /// <param name="mayWriteASecret">
    /// Asked before a wrapper candidate's body is bound: given the call as if the candidate logged every argument (as
    /// written, and destructured), whether any of them could be a finding. When none could, what the candidate logs
    /// does not matter and its body is not bound (see <see cref="MayLabelAValue"/> for what the callee can add).
    /// </param>
    public LogCall? Recognize(
        IInvocationOperation invocation,
        LogSafetyOptions options,
        CancellationToken cancellationToken,
        Func<LogCall, LogSafetyOptions, bool>? mayWriteASecret = null)
    {
        if (Recognizer.Recognize(invocation, options) is { } call)
        {
            return call;
        }

        var method = invocation.TargetMethod;
        if (!PassesAValue(invocation) || !Wrappers.MayBeWrapper(method, cancellationToken))
        {
            return null;
        }

        // Once some call has asked what a method logs, its other calls use the answer rather than judge their
        // arguments first: what a wrapper writes can only be a finding when the guess would have been one too.
        if (!Wrappers.TryGetKnown(method, out var wrapper)
            && (mayWriteASecret is null || MayLabelAValue(invocation) || MayWriteASecret(invocation, options, mayWriteASecret)))
        {
            wrapper = Wrappers.Get(method, cancellationToken);
        }

        return wrapper is not null ? FromWrapper(invocation, wrapper) : null;
    }

    /// <summary>
    /// What a wrapper adds to the values it is passed is their labels: its own (a secret's name makes its inner call
    /// report inside the wrapper, any other name only clears a value) and those of a template or message the call site
    /// passes, which label the values after it or inside it. So a call with text that may be such a template or message
    /// (a constant with a placeholder, an interpolated or concatenated string) is always looked into.
    /// </summary>
    private static bool MayLabelAValue(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            var elements = ArgumentElements.Of(argument);
            if (elements.IsDefault ? MayBeMessageText(argument.Value) : AnyMayBeMessageText(elements))
            {
                return true;
            }
        }

        return false;

        static bool AnyMayBeMessageText(ImmutableArray<IOperation> elements)
        {
            foreach (var element in elements)
            {
                if (MayBeMessageText(element))
                {
                    return true;
                }
            }

            return false;
        }

        static bool MayBeMessageText(IOperation value) =>
            LoggedValueCollector.SkipConversions(value) switch
            {
                IInterpolatedStringOperation => true,
                IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } => true,
                var other => other.ConstantValue is { HasValue: true, Value: string text } && text.IndexOf('{') >= 0,
            };
    }

    private static bool MayWriteASecret(IInvocationOperation invocation, LogSafetyOptions options, Func<LogCall, LogSafetyOptions, bool> mayWriteASecret) =>
        mayWriteASecret(FromWrapper(invocation, EveryParameter(invocation.TargetMethod, destructure: false)), options)
        || mayWriteASecret(FromWrapper(invocation, EveryParameter(invocation.TargetMethod, destructure: true)), options);

    private static WrapperInfo EveryParameter(IMethodSymbol method, bool destructure)
    {
        var parameters = ImmutableArray.CreateBuilder<LoggedParameter>(method.Parameters.Length);
        foreach (var parameter in method.Parameters)
        {
            parameters.Add(new LoggedParameter(parameter.Ordinal, label: null, destructure, isTemplate: false));
        }

        return new WrapperInfo(parameters.MoveToImmutable());
    }

    /// <summary>
    /// Whether some argument is a value a wrapper could write that is not a constant, a number, a flag, a date or an
    /// enum: a call passing only those can write nothing secret, so its callee is never looked into.
    /// </summary>
    private static bool PassesAValue(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            var value = argument.Value;
            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            if (value is IConversionOperation { IsImplicit: true } conversion)
            {
                value = conversion.Operand;
            }

            // The type first: it is at hand, where a constant value may have to be computed.
            if (value.Type is not { } type
                || type.TypeKind is TypeKind.Enum or TypeKind.Delegate
                || type.SpecialType is SpecialType.System_Boolean or SpecialType.System_Char
                    or SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
                    or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
                    or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal or SpecialType.System_DateTime
                || argument.Value.ConstantValue.HasValue)
            {
                continue;
            }

            return true;
        }

        return false;
    }

    /// <summary>
    /// A call of a wrapper: the arguments of the parameters it logs, labelled as its inner call labels them. A wrapper
    /// that forwards a template (an app's ILogger adapter) pairs the constant template with the values after it.
    /// </summary>
    internal static LogCall FromWrapper(IInvocationOperation invocation, WrapperInfo wrapper)
    {
        IArgumentOperation? templateArgument = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter && wrapper.TryGet(parameter.Ordinal, out var logged) && logged.IsTemplate)
            {
                templateArgument = argument;
                break;
            }
        }

        var templateOrdinal = templateArgument?.Parameter?.Ordinal ?? int.MaxValue;
        var templateIndex = 0;
        var values = ImmutableArray.CreateBuilder<LoggedArgument>();
        foreach (var argument in LogCallRecognizer.OrderedArguments(invocation))
        {
            if (argument == templateArgument || argument.Parameter is not { } parameter || !wrapper.TryGet(parameter.Ordinal, out var logged))
            {
                continue;
            }

            var fillsTemplate = parameter.Ordinal > templateOrdinal;
            var elements = ArgumentElements.Of(argument);
            if (!elements.IsDefault)
            {
                foreach (var element in elements)
                {
                    values.Add(new LoggedArgument(element, fillsTemplate ? templateIndex++ : -1, null, logged.Destructure, parameter));
                }

                continue;
            }

            values.Add(new LoggedArgument(argument.Value, fillsTemplate ? templateIndex++ : -1, logged.Label, logged.Destructure, parameter));
        }

        var template = templateArgument is { Value.ConstantValue: { HasValue: true, Value: string text } } ? MessageTemplate.Parse(text) : null;
        return new LogCall(invocation, LogApi.Wrapper, invocation.TargetMethod.Name, templateArgument, template, values.ToImmutable());
    }
}
