using System;
using System.Globalization;
using System.Linq;
using LogSafety.Analyzers;
using LogSafety.Analyzers.Logging;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.CodeFixes.Removal;

/// <summary>
/// The log call of an LS0001–LS0006 finding, as the analyzer described it in the diagnostic (<see cref="DiagnosticProperties"/>):
/// the invocation at additional location 0, its API family, where its template is, and the template index of the
/// argument that holds the value. The fixer reads this instead of recognizing the call a second time.
/// </summary>
internal sealed class ReportedCall
{
    private ReportedCall(IInvocationOperation invocation, LogApi api, int? templateArgumentIndex, MessageTemplate? template, int argumentTemplateIndex)
    {
        Invocation = invocation;
        Api = api;
        TemplateArgumentIndex = templateArgumentIndex;
        Template = template;
        ArgumentTemplateIndex = argumentTemplateIndex;
    }

    public IInvocationOperation Invocation { get; }

    public LogApi Api { get; }

    /// <summary>The name of the method called (ForContext, LogInformation, the delegate's Invoke...).</summary>
    public string MethodName => Invocation.TargetMethod.Name;

    /// <summary>The position of the template or format argument in the call's argument list.</summary>
    public int? TemplateArgumentIndex { get; }

    /// <summary>The template, when the template argument is a constant.</summary>
    public MessageTemplate? Template { get; }

    /// <summary>The template index of the argument that holds the reported value, -1 when it fills no hole.</summary>
    public int ArgumentTemplateIndex { get; }

    public static ReportedCall? From(Diagnostic diagnostic, IInvocationOperation invocation)
    {
        var properties = diagnostic.Properties;
        if (!properties.TryGetValue(DiagnosticProperties.Api, out var apiText) || !Enum.TryParse<LogApi>(apiText, out var api)
            || !properties.TryGetValue(DiagnosticProperties.TemplateIndex, out var indexText)
            || !int.TryParse(indexText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var argumentTemplateIndex))
        {
            return null;
        }

        int? templateArgumentIndex = null;
        MessageTemplate? template = null;
        if (properties.TryGetValue(DiagnosticProperties.TemplateArgument, out var templateText) && templateText is not null)
        {
            if (!int.TryParse(templateText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index)
                || invocation.Syntax is not InvocationExpressionSyntax syntax || index >= syntax.ArgumentList.Arguments.Count)
            {
                return null;
            }

            templateArgumentIndex = index;
            var templateArgument = invocation.Arguments.FirstOrDefault(a => a.Syntax == syntax.ArgumentList.Arguments[index]);
            if (templateArgument?.Value.ConstantValue is { HasValue: true, Value: string text })
            {
                template = MessageTemplate.Parse(text);
            }
        }

        return new ReportedCall(invocation, api, templateArgumentIndex, template, argumentTemplateIndex);
    }

    /// <summary>
    /// The argument of the call that holds <paramref name="valueSyntax"/>: the argument's expression, or the element of
    /// an explicit array passed for a params parameter (the analyzer treats each element as an argument).
    /// </summary>
    public CallArgument? ArgumentHolding(InvocationExpressionSyntax syntax, SyntaxNode valueSyntax)
    {
        ArgumentSyntax? argument = null;
        for (var node = valueSyntax; node is not null && node != syntax; node = node.Parent)
        {
            if (node is ArgumentSyntax candidate && candidate.Parent == syntax.ArgumentList)
            {
                argument = candidate;
                break;
            }
        }

        if (argument is null)
        {
            return null;
        }

        var operation = Invocation.Arguments.FirstOrDefault(a => a.Syntax == argument)
            ?? Invocation.Arguments.FirstOrDefault(a => a.ArgumentKind == ArgumentKind.ParamArray
                && a.Value is IArrayCreationOperation { Initializer: { } elements } && elements.ElementValues.Any(e => e.Syntax.Span.Contains(argument.Span)));
        var parameter = operation?.Parameter;
        SyntaxNode value = argument.Expression;
        var initializer = argument.Expression switch
        {
            ArrayCreationExpressionSyntax array => array.Initializer,
            ImplicitArrayCreationExpressionSyntax array => array.Initializer,
            _ => null,
        };
        if (initializer is not null && parameter is { IsParams: true } && operation?.ArgumentKind == ArgumentKind.Explicit
            && initializer.Expressions.FirstOrDefault(e => e.Span.Contains(valueSyntax.Span)) is { } element)
        {
            value = element;
        }

        return new CallArgument(value, ArgumentTemplateIndex, parameter, operation?.ArgumentKind == ArgumentKind.ParamArray);
    }
}

/// <summary>An argument of a reported call: its value (an argument's expression or an explicit array's element), its hole and parameter.</summary>
internal readonly struct CallArgument
{
    public CallArgument(SyntaxNode valueSyntax, int templateIndex, IParameterSymbol? parameter, bool isParamArrayElement)
    {
        ValueSyntax = valueSyntax;
        TemplateIndex = templateIndex;
        Parameter = parameter;
        IsParamArrayElement = isParamArrayElement;
    }

    public SyntaxNode ValueSyntax { get; }

    public int TemplateIndex { get; }

    public IParameterSymbol? Parameter { get; }

    /// <summary>One of the values of an expanded params list.</summary>
    public bool IsParamArrayElement { get; }
}
