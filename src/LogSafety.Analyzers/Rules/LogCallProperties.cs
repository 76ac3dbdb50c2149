using System.Collections.Immutable;
using System.Globalization;
using LogSafety.Analyzers.Logging;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace LogSafety.Analyzers.Rules;

/// <summary>The <see cref="DiagnosticProperties"/> of a finding on a log call: what the fixer needs to take the value out.</summary>
internal static class LogCallProperties
{
    public static ImmutableDictionary<string, string?> For(LogCall call, LoggedValue value) => For(call, value.Syntax, value.Form);

    /// <summary>The properties of a value at <paramref name="syntax"/> in the call, sitting there as <paramref name="form"/>.</summary>
    public static ImmutableDictionary<string, string?> For(LogCall call, SyntaxNode syntax, LoggedValueForm form)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string?>();
        builder.Add(DiagnosticProperties.Form, form.ToString());
        builder.Add(DiagnosticProperties.Api, call.Api.ToString());
        builder.Add(DiagnosticProperties.TemplateIndex, ArgumentTemplateIndex(call, syntax.Span).ToString(CultureInfo.InvariantCulture));
        if (call.TemplateArgument?.Syntax is ArgumentSyntax { Parent: ArgumentListSyntax list } template)
        {
            builder.Add(DiagnosticProperties.TemplateArgument, list.Arguments.IndexOf(template).ToString(CultureInfo.InvariantCulture));
        }

        return builder.ToImmutable();
    }

    private static int ArgumentTemplateIndex(LogCall call, TextSpan span)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.Value.Syntax.Span.Contains(span))
            {
                return argument.TemplateIndex;
            }
        }

        return -1;
    }
}
