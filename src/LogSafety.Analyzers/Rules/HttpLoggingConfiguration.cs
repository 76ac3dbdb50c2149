using System;
using System.Collections.Immutable;
using LogSafety.Analyzers.Configuration;
using LogSafety.Analyzers.Roslyn;
using LogSafety.Analyzers.Sensitivity;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Rules;

/// <summary>
/// LS0011 for <see cref="SecretLoggingConfigurationAnalyzer"/>: HTTP and W3C logging fields that record request bodies
/// or cookies, and header allow-lists that un-redact credential headers.
/// </summary>
internal static class HttpLoggingConfiguration
{
    private static readonly ImmutableDictionary<string, string?> HeaderProperties = ImmutableDictionary<string, string?>.Empty
        .Add(DiagnosticProperties.Kind, DiagnosticProperties.HeaderKind);

    public static void AnalyzeInvocation(OperationAnalysisContext context, IInvocationOperation invocation, ConfigurationState state)
    {
        var symbols = state.Symbols;
        if (symbols.LoggingFieldsMethods.Contains(invocation.TargetMethod.OriginalDefinition))
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { Type: { } type } && SymbolEqualityComparer.Default.Equals(type, symbols.HttpLoggingFields))
                {
                    AnalyzeFields(context.ReportDiagnostic, argument.Value, type, state);
                }
            }

            return;
        }

        if (invocation.Arguments.Length != 1
            || invocation.TargetMethod.Name != "Add"
            || HeaderSet(invocation, symbols) is not { } headerSet
            || HeaderName(invocation.Arguments[0].Value, symbols) is not { } header)
        {
            return;
        }

        var value = invocation.Arguments[0].Value;

        var carries = CredentialHeaders.Describe(header, state.OptionsFor(invocation.Syntax.SyntaxTree));
        if (carries is null || state.Guard.IsGuarded(invocation))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.HttpLoggingOfSecrets,
            value.Syntax.GetLocation(),
            HeaderProperties,
            $"'{(value.ConstantValue.HasValue ? header : value.Syntax.ToString())}' {carries} and is logged unredacted because it is added to {headerSet.ContainingType.Name}.{headerSet.Name}",
            "remove it from the list (HTTP logging writes headers that are not listed as [Redacted])"));
    }

    /// <summary>Reports each unguarded constant part of a fields value that turns on the request body (or the W3C cookie).</summary>
    public static void AnalyzeFields(Action<Diagnostic> report, IOperation value, ITypeSymbol fieldsType, ConfigurationState state)
    {
        if (FlagFor(fieldsType, state) is not { } flag)
        {
            return;
        }

        foreach (var part in LoggedFields.PartsEnabling(value, flag.Value))
        {
            if (!state.Guard.IsGuarded(part))
            {
                report(FieldsDiagnostic(part.Syntax, fieldsType, flag.Member));
            }
        }
    }

    /// <summary>
    /// [HttpLogging(fields)]: each constructor argument of type HttpLoggingFields whose constant value turns on the request
    /// body, outside a debug-only region. Named properties (RequestBodyLogLimit = 0) are not fields.
    /// </summary>
    /// <summary>[HttpLogging(fields)] by the attribute type's name and an argument: nothing is resolved.</summary>
    public static bool MayBeHttpLogging(IAttributeOperation attribute) =>
        attribute.Operation is IObjectCreationOperation { Constructor.ContainingType.Name: "HttpLoggingAttribute", Arguments.Length: > 0 };

    public static void AnalyzeAttribute(Action<Diagnostic> report, IAttributeOperation attribute, Lazy<ConfigurationState?> lazyState)
    {
        // The name first: the state is resolved only for an attribute that may be this one.
        if (!MayBeHttpLogging(attribute)
            || attribute.Operation is not IObjectCreationOperation { Constructor.ContainingType: { } attributeType } creation
            || lazyState.Value is not { } state
            || state.RequestBodyFlag is not { } flag
            || !SymbolEqualityComparer.Default.Equals(attributeType, state.Symbols.HttpLoggingAttribute))
        {
            return;
        }

        foreach (var argument in creation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue
                || argument.Parameter?.Type is not { } type
                || !SymbolEqualityComparer.Default.Equals(type, state.Symbols.HttpLoggingFields))
            {
                continue;
            }

            var value = argument.Value is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand : argument.Value;
            if (value.ConstantValue is { HasValue: true } constant
                && LoggedFields.Enables(constant.Value, flag)
                && !state.Guard.IsInDebugRegion(value.Syntax))
            {
                report(FieldsDiagnostic(value.Syntax, type, ConfigurationState.RequestBodyMember));
            }
        }
    }

    /// <summary>A lambda's or local function's [HttpLogging(fields)]: bound only when an attribute with arguments may be that one.</summary>
    public static void AnalyzeFunctionAttributes(OperationAnalysisContext context, SyntaxList<AttributeListSyntax> lists, Lazy<ConfigurationState?> lazyState)
    {
        foreach (var list in lists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (attribute.ArgumentList is { Arguments.Count: > 0 }
                    && SyntaxNames.MayNameAttribute(attribute, "HttpLogging")
                    && context.Operation.SemanticModel?.GetOperation(attribute, context.CancellationToken) is IAttributeOperation operation)
                {
                    AnalyzeAttribute(context.ReportDiagnostic, operation, lazyState);
                }
            }
        }
    }

    private static (long Value, string Member)? FlagFor(ITypeSymbol fieldsType, ConfigurationState state)
    {
        if (SymbolEqualityComparer.Default.Equals(fieldsType, state.Symbols.HttpLoggingFields) && state.RequestBodyFlag is { } body)
        {
            return (body, ConfigurationState.RequestBodyMember);
        }

        if (SymbolEqualityComparer.Default.Equals(fieldsType, state.Symbols.W3CLoggingFields) && state.CookieFlag is { } cookie)
        {
            return (cookie, ConfigurationState.CookieMember);
        }

        return null;
    }

    private static Diagnostic FieldsDiagnostic(SyntaxNode part, ITypeSymbol fieldsType, string member)
    {
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticProperties.Kind, DiagnosticProperties.FieldsKind)
            .Add(DiagnosticProperties.Field, member);
        var effect = member == ConfigurationState.RequestBodyMember
            ? "which logs every request body (login, sign-up and password-reset forms)"
            : "which logs session and authentication cookies";
        return Diagnostic.Create(
            Descriptors.HttpLoggingOfSecrets,
            part.GetLocation(),
            properties,
            $"'{part}' turns on {fieldsType.Name}.{member}, {effect}",
            $"log the fields without {member}, or only in development");
    }

    /// <summary>A constant header name, or a HeaderNames member ("SetCookie" is "set-cookie").</summary>
    private static string? HeaderName(IOperation value, ConfigurationSymbols symbols) => value switch
    {
        { ConstantValue: { HasValue: true, Value: string constant } } => constant,
        IFieldReferenceOperation { Field: { IsStatic: true } field }
            when SymbolEqualityComparer.Default.Equals(field.ContainingType, symbols.HeaderNames) => string.Join("-", NameWords.Split(field.Name)),
        _ => null,
    };

    private static IPropertySymbol? HeaderSet(IInvocationOperation invocation, ConfigurationSymbols symbols)
    {
        var set = ConfigurationSymbols.CollectionAddedTo(invocation);
        return set is not null && symbols.LoggedHeaderSets.Contains(set.OriginalDefinition) ? set : null;
    }
}
