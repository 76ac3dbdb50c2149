using LogSafety.Analyzers.Logging;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.CodeFixes.Removal;

/// <summary>Values that are arguments of the log call itself: template values, optional and params arguments, explicit array elements, the message.</summary>
internal static partial class RemovalPlanner
{
    /// <summary>
    /// The message itself is the secret (logger.LogInformation(password)): it becomes the event the call site implies.
    /// Not when values follow it, which a message without holes would leave without a place.
    /// </summary>
    private static ContainerEdit? PlanWholeMessage(Context context, LoggedValue value)
    {
        var arguments = context.InvocationSyntax.ArgumentList.Arguments;
        if (ArgumentIndex(context.InvocationSyntax, value.Syntax) is not { } index)
        {
            return null;
        }

        if (PlanPushedScope(context) is { } scope)
        {
            return scope;
        }

        for (var i = index + 1; i < arguments.Count; i++)
        {
            if (arguments[i].NameColon is null)
            {
                return null;
            }
        }

        return new MessageEdit(context.InvocationSyntax, index, replaceAlways: true);
    }

    /// <summary>A value that is (part of) an argument of the log call itself.</summary>
    private static ContainerEdit? PlanArgument(Context context, LoggedValue value)
    {
        var call = context.Call;
        if (call.Api is LogApi.LoggerMessageDelegate or LogApi.LoggerMessageMethod)
        {
            // The template lives in the Define call or the [LoggerMessage] attribute, away from this call.
            return null;
        }

        if (call.TemplateArgumentIndex is null && call.Api is LogApi.Serilog or LogApi.NLog or LogApi.Log4Net
            && LogCallRecognizer.IsNamedValueMethod(call.MethodName))
        {
            return PlanPropertyCall(context);
        }

        return call.ArgumentHolding(context.InvocationSyntax, value.Syntax) is { } argument ? PlanLoggedArgument(context, argument) : null;
    }

    private static ContainerEdit? PlanLoggedArgument(Context context, CallArgument argument)
    {
        var invocation = context.InvocationSyntax;
        if (ArgumentIndex(invocation, argument.ValueSyntax) is not { } index || invocation.ArgumentList.Arguments[index].NameColon is not null)
        {
            return null;
        }

        var template = CallTemplateOf(context);

        // An element of an explicit 'new object[] { ... }': the element goes from the array, its hole from the template.
        if (invocation.ArgumentList.Arguments[index].Expression != argument.ValueSyntax)
        {
            return PlanArrayElement(context, argument, invocation.ArgumentList.Arguments[index].Expression, template);
        }

        if (argument.TemplateIndex >= 0)
        {
            if (template is null)
            {
                return null;
            }
        }
        else if (!IsOmittable(context, argument, index))
        {
            // Console.WriteLine(tokenResponse.Json), logger.Info(entry): the value is the whole message, through an
            // object parameter; it becomes the event, as a message that was only the secret does.
            return IsWholeMessage(context, argument) ? PlanPushedScope(context) ?? new MessageEdit(invocation, index, replaceAlways: true) : null;
        }

        var edit = new ArgumentsEdit(invocation, template, context.Options);
        edit.Add(index, argument.TemplateIndex, context.ValueWords);
        return edit;
    }

    private static ContainerEdit? PlanArrayElement(Context context, CallArgument argument, ExpressionSyntax array, CallTemplate? template)
    {
        var initializer = array switch
        {
            ArrayCreationExpressionSyntax { Initializer: { } explicitInitializer } => explicitInitializer,
            ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer,
            _ => null,
        };
        if (initializer is null || SkipParentheses(argument.ValueSyntax) is not ExpressionSyntax element || element.Parent != initializer
            || (argument.TemplateIndex >= 0 && template is null))
        {
            return null;
        }

        var elementEdit = new ListEdit(initializer);
        elementEdit.Add(initializer.Expressions.IndexOf(element));
        if (argument.TemplateIndex < 0)
        {
            return elementEdit;
        }

        context.MoreEdits.Add(elementEdit);
        var edit = new ArgumentsEdit(context.InvocationSyntax, template, context.Options);
        edit.AddHole(argument.TemplateIndex, context.ValueWords);
        return edit;
    }

    /// <summary>The call's only argument, with no template, passed to a string or object parameter (which an event text fits).</summary>
    /// <summary>
    /// using (NestedDiagnosticsLogicalContext.Push(token)) { ... }: a scope that holds nothing but the secret goes, and its
    /// body stays. As a bare statement the push stays, balanced with its Pop, and its text becomes the event.
    /// </summary>
    private static ContainerEdit? PlanPushedScope(Context context) =>
        context.InvocationSyntax.ArgumentList.Arguments.Count == 1 && IsUsingResource(context.InvocationSyntax)
            && IsDisposable(context.Call.Invocation.TargetMethod.ReturnType)
            ? PlanPushedProperty(context, context.InvocationSyntax)
            : null;

    private static bool IsWholeMessage(Context context, CallArgument argument)
    {
        if (argument.TemplateIndex >= 0
            || argument.Parameter is not { Type.SpecialType: SpecialType.System_Object or SpecialType.System_String, IsParams: false } parameter)
        {
            return false;
        }

        // log.Logger.Log(type, level, message, exception): the other arguments say how and where, not what.
        foreach (var other in context.Call.Invocation.Arguments)
        {
            if (other.Parameter is { } otherParameter && !SymbolEqualityComparer.Default.Equals(otherParameter, parameter)
                && (other.ArgumentKind == ArgumentKind.ParamArray || otherParameter.Type.SpecialType is SpecialType.System_Object or SpecialType.System_String))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An optional argument that nothing positional follows, or one element of an expanded params list.</summary>
    private static bool IsOmittable(Context context, CallArgument argument, int index)
    {
        var parameter = argument.Parameter;
        if (parameter is null)
        {
            return false;
        }

        if (argument.IsParamArrayElement)
        {
            return true;
        }

        if (!parameter.IsOptional)
        {
            return false;
        }

        var arguments = context.InvocationSyntax.ArgumentList.Arguments;
        for (var i = index + 1; i < arguments.Count; i++)
        {
            if (arguments[i].NameColon is null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The call's constant template literal, when holes can be edited in place.</summary>
    private static CallTemplate? CallTemplateOf(Context context)
    {
        var call = context.Call;
        if (call.TemplateArgumentIndex is not { } index || call.Template is null
            || !StringLiteralText.TryCreate(context.InvocationSyntax.ArgumentList.Arguments[index].Expression, out _))
        {
            return null;
        }

        var unescape = call.Api is LogApi.ConsoleOrTrace or LogApi.NLog;
        return new CallTemplate(index, call.Template, call.Template.IsPositional, unescape, collapseWhenNoValues: false);
    }
}
