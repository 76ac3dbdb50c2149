using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Logging;

/// <summary>
/// The general shape of a log call: at most one template (or format) parameter, the values that fill it, and
/// parameters that are not written (exceptions, levels, event ids, format providers, conditions). Each argument is
/// placed by its parameter's role (<see cref="ParameterRoles"/>), wherever it sits: exception first or last, generic
/// TArgument values, params arrays and params spans alike.
/// </summary>
internal sealed class TemplateCalls
{
    private readonly ParameterRoles _roles;

    /// <summary>Each method's template and parameter roles, read from its declaration once per compilation.</summary>
    private readonly ConcurrentDictionary<IMethodSymbol, MethodShape> _shapes = new(SymbolEqualityComparer.Default);

    public TemplateCalls(ParameterRoles roles) => _roles = roles;

    public LogCall Create(IInvocationOperation invocation, LogApi api, string sinkName) =>
        Create(invocation, invocation.TargetMethod, invocation.Arguments, api, sinkName);

    /// <summary>An invocation, or an object creation whose constructor takes a message (NLog's LogEventInfo).</summary>
    public LogCall Create(IOperation operation, IMethodSymbol called, ImmutableArray<IArgumentOperation> arguments, LogApi api, string sinkName)
    {
        var method = called.OriginalDefinition;
        var shape = _shapes.TryGetValue(method, out var known) ? known : _shapes.GetOrAdd(method, ShapeOf(method, library: api is not (LogApi.Wrapper or LogApi.LoggerMessageMethod)));
        var template = shape.Template;
        IArgumentOperation? templateArgument = null;
        var values = ImmutableArray.CreateBuilder<LoggedArgument>();
        var templateIndex = 0;
        foreach (var argument in LogCallRecognizer.OrderedArguments(arguments))
        {
            if (argument.Parameter is not { } parameter || parameter.Ordinal >= shape.Roles.Length)
            {
                continue;
            }

            switch (shape.Roles[parameter.Ordinal])
            {
                case ParameterRole.Template:
                    templateArgument = argument;
                    continue;
                case ParameterRole.Exception:
                case ParameterRole.NotWritten:
                    continue;
                case ParameterRole.MessageBuilder:
                    // logger.Debug(() => "Token " + token): the lambda's result is the message.
                    foreach (var returned in ReturnedBy(argument.Value))
                    {
                        values.Add(new LoggedArgument(returned, -1, null, false, parameter));
                    }

                    continue;
            }

            var fillsTemplate = template is not null && parameter.Ordinal > template.Ordinal;
            var elements = ArgumentElements.Of(argument);
            if (elements.IsDefault)
            {
                values.Add(new LoggedArgument(argument.Value, fillsTemplate ? templateIndex++ : -1, null, false, parameter));
                continue;
            }

            foreach (var element in elements)
            {
                values.Add(new LoggedArgument(element, fillsTemplate ? templateIndex++ : -1, null, false, parameter));
            }
        }

        var parsed = templateArgument is null ? null : TemplateOf(templateArgument.Value, templateIndex);
        return new LogCall(operation, api, sinkName, templateArgument, parsed, values.ToImmutable());
    }

    /// <summary>The constant template, or the constant tail of one built at run time ("message + \", {@Details}\"").</summary>
    private static MessageTemplate? TemplateOf(IOperation template, int valueCount)
    {
        if (template.ConstantValue is { HasValue: true, Value: string text })
        {
            return MessageTemplate.Parse(text);
        }

        return ConstantTail(template) is { Length: > 0 } tail ? MessageTemplate.ParseTail(tail, valueCount) : null;
    }

    /// <summary>The constant text after the last part only known at run time: concatenated literals or interpolated text.</summary>
    private static string? ConstantTail(IOperation template)
    {
        var current = LoggedValueCollector.SkipConversions(template);
        string? tail = null;
        while (current is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, RightOperand.ConstantValue: { HasValue: true, Value: string right } } binary)
        {
            tail = right + tail;
            current = LoggedValueCollector.SkipConversions(binary.LeftOperand);
        }

        if (tail is not null || current is not IInterpolatedStringOperation interpolated)
        {
            return tail;
        }

        for (var i = interpolated.Parts.Length - 1; i >= 0; i--)
        {
            if (interpolated.Parts[i] is not IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string part } })
            {
                break;
            }

            tail = part + tail;
        }

        return tail;
    }

    /// <summary>What a lambda or anonymous method passed as a delegate returns (not what functions nested in it return).</summary>
    private static IEnumerable<IOperation> ReturnedBy(IOperation argument) =>
        LoggedValueCollector.SkipConversions(argument) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation function }
            ? Sensitivity.HelperReturns.ReturnedValues(function.Body)
            : Array.Empty<IOperation>();

    private MethodShape ShapeOf(IMethodSymbol method, bool library)
    {
        var template = ParameterRoles.FindTemplate(method, library);
        var roles = ImmutableArray.CreateBuilder<ParameterRole>(method.Parameters.Length);
        foreach (var parameter in method.Parameters)
        {
            roles.Add(_roles.Of(parameter, template));
        }

        return new MethodShape(template, roles.MoveToImmutable());
    }

    private sealed class MethodShape
    {
        public MethodShape(IParameterSymbol? template, ImmutableArray<ParameterRole> roles)
        {
            Template = template;
            Roles = roles;
        }

        public IParameterSymbol? Template { get; }

        public ImmutableArray<ParameterRole> Roles { get; }
    }
}
