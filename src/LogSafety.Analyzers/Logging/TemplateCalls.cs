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

    public TemplateCalls(ParameterRoles roles) => _roles = roles;

    public LogCall Create(IInvocationOperation invocation, LogApi api, string sinkName)
    {
        var template = ParameterRoles.FindTemplate(invocation.TargetMethod);
        IArgumentOperation? templateArgument = null;
        var values = ImmutableArray.CreateBuilder<LoggedArgument>();
        var templateIndex = 0;
        foreach (var argument in LogCallRecognizer.OrderedArguments(invocation))
        {
            if (argument.Parameter is not { } parameter)
            {
                continue;
            }

            switch (_roles.Of(parameter, template))
            {
                case ParameterRole.Template:
                    templateArgument = argument;
                    continue;
                case ParameterRole.Exception:
                case ParameterRole.NotWritten:
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

        var parsed = templateArgument is { Value.ConstantValue: { HasValue: true, Value: string text } } ? MessageTemplate.Parse(text) : null;
        return new LogCall(invocation, api, sinkName, templateArgument, parsed, values.ToImmutable());
    }
}
