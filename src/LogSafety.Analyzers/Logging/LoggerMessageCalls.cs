using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Logging;

/// <summary>
/// Microsoft.Extensions.Logging's compiled log methods: invocations of the delegates LoggerMessage.Define and
/// DefineScope return (paired with the template given at definition), and calls of [LoggerMessage] methods (each
/// parameter logged under its name). Thread-safe; the defined templates are cached per field, property or local.
/// </summary>
internal sealed class LoggerMessageCalls
{
    private readonly LoggingSymbols _symbols;
    private readonly LogTypeRoles _types;
    private readonly ParameterRoles _roles;
    private readonly ConcurrentDictionary<ISymbol, MessageTemplate?> _definedTemplates = new(SymbolEqualityComparer.Default);

    public LoggerMessageCalls(LoggingSymbols symbols, LogTypeRoles types, ParameterRoles roles)
    {
        _symbols = symbols;
        _types = types;
        _roles = roles;
    }

    public LogCall? FromDelegate(IInvocationOperation invocation, INamedTypeSymbol delegateType)
    {
        // LoggerMessage.Define returns Action<ILogger, T1..Tn, Exception?>; DefineScope returns Func<ILogger, T1..Tn, IDisposable?>.
        if (_symbols.MelILogger is not { } logger || !delegateType.IsGenericType)
        {
            return null;
        }

        var typeArguments = delegateType.TypeArguments;
        if (typeArguments.Length < 2 || !SymbolEqualityComparer.Default.Equals(typeArguments[0], logger))
        {
            return null;
        }

        var isAction = delegateType.Name == "Action";
        if (isAction && !_types.IsException(typeArguments[typeArguments.Length - 1]))
        {
            return null;
        }

        var template = invocation.Instance is { } instance ? DefinedTemplate(instance) : null;
        var values = ImmutableArray.CreateBuilder<LoggedArgument>();
        var lastValueOrdinal = isAction ? typeArguments.Length - 2 : typeArguments.Length - 1;
        foreach (var argument in invocation.Arguments)
        {
            var ordinal = argument.Parameter?.Ordinal ?? -1;
            if (ordinal >= 1 && ordinal <= lastValueOrdinal)
            {
                values.Add(new LoggedArgument(argument.Value, ordinal - 1, null, false, argument.Parameter));
            }
        }

        var sinkName = invocation.Instance switch
        {
            IFieldReferenceOperation field => field.Field.Name,
            IPropertyReferenceOperation property => property.Property.Name,
            ILocalReferenceOperation local => local.Local.Name,
            _ => "LoggerMessage.Define",
        };
        return new LogCall(invocation, LogApi.LoggerMessageDelegate, sinkName, null, template, values.ToImmutable());
    }

    public LogCall FromMethod(IInvocationOperation invocation, IMethodSymbol method, INamedTypeSymbol attributeType)
    {
        MessageTemplate? template = null;
        foreach (var attribute in method.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                continue;
            }

            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "Message" && named.Value.Value is string text)
                {
                    template = MessageTemplate.Parse(text);
                }
            }

            foreach (var constructorArgument in attribute.ConstructorArguments)
            {
                if (constructorArgument.Value is string text)
                {
                    template = MessageTemplate.Parse(text);
                }
            }
        }

        var values = ImmutableArray.CreateBuilder<LoggedArgument>();
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter
                && _roles.Of(parameter, template: null) == ParameterRole.Value
                && !(parameter.Type is INamedTypeSymbol named && _types.Of(named) == LogTypeRole.MelLogger))
            {
                // The generated code logs the value under the parameter's name.
                values.Add(new LoggedArgument(argument.Value, -1, parameter.Name, false, parameter));
            }
        }

        return new LogCall(invocation, LogApi.LoggerMessageMethod, method.Name, null, template, values.ToImmutable());
    }

    /// <summary>The template given to LoggerMessage.Define for the field, property or local a delegate is read from; cached per symbol.</summary>
    private MessageTemplate? DefinedTemplate(IOperation instance)
    {
        ISymbol? symbol = instance switch
        {
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation property => property.Property,
            ILocalReferenceOperation local => local.Local,
            _ => null,
        };
        return symbol is null ? null : _definedTemplates.GetOrAdd(symbol, FindDefinedTemplate);
    }

    private static MessageTemplate? FindDefinedTemplate(ISymbol symbol)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax();
            ExpressionSyntax? initializer = syntax switch
            {
                VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                PropertyDeclarationSyntax property => property.Initializer?.Value ?? property.ExpressionBody?.Expression,
                _ => null,
            };
            if (initializer is not InvocationExpressionSyntax { ArgumentList.Arguments: var arguments })
            {
                continue;
            }

            // The format string of Define (third argument) or DefineScope (first): the string literal, no binding needed.
            foreach (var argument in arguments)
            {
                if (argument.Expression is LiteralExpressionSyntax literal && literal.Token.Value is string text)
                {
                    return MessageTemplate.Parse(text);
                }
            }
        }

        return null;
    }
}
