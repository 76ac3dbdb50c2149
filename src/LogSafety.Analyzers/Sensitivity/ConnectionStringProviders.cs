using System;
using System.Collections.Immutable;
using LogSafety.Analyzers.Logging;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Sensitivity;

/// <summary>
/// LS0007: which provider a reported connection string is for, so that its fix can log the server and database through
/// that provider's builder. The provider comes from where the value comes from (<c>SqlConnection.ConnectionString</c>,
/// an <c>NpgsqlConnectionStringBuilder</c>), else from the compilation when it references exactly one known builder.
/// Only asked for values already reported, so the walk costs nothing on code that logs no connection string.
/// </summary>
internal sealed class ConnectionStringProviders
{
    private const int MaxDepth = 3;

    private readonly LocalFlow _flow;
    private readonly ImmutableArray<(ConnectionStringBuilder Builder, INamedTypeSymbol Type, INamedTypeSymbol? Connection)> _builders;
    private readonly INamedTypeSymbol? _dbConnection;
    private readonly INamedTypeSymbol? _connectionStringBuilder;

    public ConnectionStringProviders(Compilation compilation, LocalFlow flow, INamedTypeSymbol? dbConnection, INamedTypeSymbol? connectionStringBuilder)
    {
        _flow = flow;
        _dbConnection = dbConnection;
        _connectionStringBuilder = connectionStringBuilder;
        _builders = ConnectionStringBuilders.In(compilation);
    }

    /// <summary>
    /// The metadata name of the builder for <paramref name="value"/>, a reported string; null when it is not a
    /// connection string (a URL) or when no single provider is determinable.
    /// </summary>
    public string? BuilderFor(IOperation value, bool namedConnectionString)
    {
        if (_builders.IsEmpty || value.Type?.SpecialType != SpecialType.System_String)
        {
            return null;
        }

        return Origin(value, namedConnectionString, depth: 0) switch
        {
            { Builder: { } builder } => builder.MetadataName,
            { IsConnectionString: true } when _builders.Length == 1 => _builders[0].Builder.MetadataName,
            _ => null,
        };
    }

    private (ConnectionStringBuilder? Builder, bool IsConnectionString) Origin(IOperation operation, bool named, int depth)
    {
        operation = LoggedValueCollector.SkipConversions(operation);
        if (depth > MaxDepth)
        {
            return (null, named);
        }

        switch (operation)
        {
            case IPropertyReferenceOperation { Property.Name: "ConnectionString", Instance: { } instance }
                when ContentSymbols.IsOrDerives(instance.Type, _dbConnection) || ContentSymbols.IsOrDerives(instance.Type, _connectionStringBuilder):
                return (Known(instance.Type), true);
            case IInvocationOperation { TargetMethod.Name: "ToString", Instance: { } instance }
                when ContentSymbols.IsOrDerives(instance.Type, _connectionStringBuilder):
                return (Known(instance.Type), true);
            case IInvocationOperation { TargetMethod.Name: "GetConnectionString" }:
                return (null, true);
            case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer
                when indexer.Arguments[0].Value.ConstantValue.Value is string key && key.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase):
                return (null, true);
            case ILocalReferenceOperation or IParameterReferenceOperation:
                foreach (var source in _flow.SourcesOf(operation))
                {
                    if (Origin(source, named, depth + 1) is { IsConnectionString: true } origin)
                    {
                        return origin;
                    }
                }

                break;
        }

        if (operation.ConstantValue is { HasValue: true, Value: string text })
        {
            // "Key=Value;..." text; a URL-shaped one ("postgres://user:pass@host") is not what a builder parses.
            ConnectionStringText.ConnectionStringCredential(text, out var isConnectionString);
            return (null, isConnectionString && text.IndexOf("://", StringComparison.Ordinal) < 0);
        }

        return (null, named || ConnectionStringText.NamesConnectionString(ValueNames.WordsOf(operation)));
    }

    /// <summary>The known builder of a connection or builder type (SqlConnection gives SqlConnectionStringBuilder).</summary>
    private ConnectionStringBuilder? Known(ITypeSymbol? type)
    {
        foreach (var (builder, builderType, connection) in _builders)
        {
            if (ContentSymbols.IsOrDerives(type, builderType) || (connection is not null && ContentSymbols.IsOrDerives(type, connection)))
            {
                return builder;
            }
        }

        return null;
    }
}
