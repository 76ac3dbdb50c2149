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
    public LogCalls(Compilation compilation, LoggingSymbols symbols, Func<SyntaxTree, LogSafetyOptions> optionsFor)
    {
        Recognizer = new LogCallRecognizer(compilation, symbols);
        Wrappers = new WrapperIndex(compilation, Recognizer, optionsFor);
    }

    public LogCallRecognizer Recognizer { get; }

    public WrapperIndex Wrappers { get; }

    /// <summary>The log call <paramref name="invocation"/> makes, or null. Cheap for calls that are not log calls.</summary>
    public LogCall? Recognize(IInvocationOperation invocation, LogSafetyOptions options, CancellationToken cancellationToken) =>
        Recognizer.Recognize(invocation, options)
        ?? (Wrappers.MayBeWrapper(invocation.TargetMethod) && Wrappers.Get(invocation.TargetMethod, cancellationToken) is { } wrapper ? FromWrapper(invocation, wrapper) : null);

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
