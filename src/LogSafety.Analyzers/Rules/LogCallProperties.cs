using System.Collections.Immutable;
using System.Globalization;
using LogSafety.Analyzers.Logging;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LogSafety.Analyzers.Rules;

/// <summary>The <see cref="DiagnosticProperties"/> of a finding on a log call: what the fixer needs to take the value out.</summary>
internal static class LogCallProperties
{
    public static ImmutableDictionary<string, string?> For(LogCall call, LoggedValue value)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string?>();
        builder.Add(DiagnosticProperties.Form, value.Form.ToString());
        builder.Add(DiagnosticProperties.Api, call.Api.ToString());
        builder.Add(DiagnosticProperties.TemplateIndex, ArgumentTemplateIndex(call, value).ToString(CultureInfo.InvariantCulture));
        if (call.TemplateArgument?.Syntax is ArgumentSyntax { Parent: ArgumentListSyntax list } template)
        {
            builder.Add(DiagnosticProperties.TemplateArgument, list.Arguments.IndexOf(template).ToString(CultureInfo.InvariantCulture));
        }

        return builder.ToImmutable();
    }

    private static int ArgumentTemplateIndex(LogCall call, LoggedValue value)
    {
        var span = value.Syntax.Span;
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
