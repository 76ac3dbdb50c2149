using System.Collections.Concurrent;
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

    public LogCall Create(IInvocationOperation invocation, LogApi api, string sinkName)
    {
        var shape = _shapes.GetOrAdd(invocation.TargetMethod.OriginalDefinition, ShapeOf);
        var template = shape.Template;
        IArgumentOperation? templateArgument = null;
        var values = ImmutableArray.CreateBuilder<LoggedArgument>();
        var templateIndex = 0;
        foreach (var argument in LogCallRecognizer.OrderedArguments(invocation))
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

    private MethodShape ShapeOf(IMethodSymbol method)
    {
        var template = ParameterRoles.FindTemplate(method);
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
