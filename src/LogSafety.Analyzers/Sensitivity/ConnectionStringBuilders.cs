using System.Collections.Immutable;
using LogSafety.Analyzers.Roslyn;
using Microsoft.CodeAnalysis;

namespace LogSafety.Analyzers.Sensitivity;

/// <summary>
/// An ADO.NET provider's connection string builder and the properties that name the target without the credential:
/// the server (data source, host) and, where the provider has one, the database.
/// </summary>
internal sealed class ConnectionStringBuilder
{
    public ConnectionStringBuilder(string metadataName, string serverProperty, string? databaseProperty)
    {
        MetadataName = metadataName;
        ServerProperty = serverProperty;
        DatabaseProperty = databaseProperty;
    }

    /// <summary>The builder's metadata name ("Npgsql.NpgsqlConnectionStringBuilder").</summary>
    public string MetadataName { get; }

    public string ServerProperty { get; }

    /// <summary>Null for a provider whose data source is the database (SQLite).</summary>
    public string? DatabaseProperty { get; }

    /// <summary>The connection type of the same provider: the builder's name without "StringBuilder" (SqlConnection).</summary>
    public string ConnectionMetadataName => MetadataName.Substring(0, MetadataName.Length - "StringBuilder".Length);
}

/// <summary>The connection string builders LogSafety knows, shared by LS0007 (which provider a value is for) and its fix.</summary>
internal static class ConnectionStringBuilders
{
    public static ImmutableArray<ConnectionStringBuilder> Known { get; } = ImmutableArray.Create(
        new ConnectionStringBuilder("Microsoft.Data.SqlClient.SqlConnectionStringBuilder", "DataSource", "InitialCatalog"),
        new ConnectionStringBuilder("System.Data.SqlClient.SqlConnectionStringBuilder", "DataSource", "InitialCatalog"),
        new ConnectionStringBuilder("Npgsql.NpgsqlConnectionStringBuilder", "Host", "Database"),
        new ConnectionStringBuilder("MySqlConnector.MySqlConnectionStringBuilder", "Server", "Database"),
        new ConnectionStringBuilder("MySql.Data.MySqlClient.MySqlConnectionStringBuilder", "Server", "Database"),
        new ConnectionStringBuilder("Microsoft.Data.Sqlite.SqliteConnectionStringBuilder", "DataSource", null));

    public static ConnectionStringBuilder? Named(string metadataName)
    {
        foreach (var builder in Known)
        {
            if (builder.MetadataName == metadataName)
            {
                return builder;
            }
        }

        return null;
    }

    /// <summary>The known builder types a compilation references, resolved once per compilation.</summary>
    public static ImmutableArray<(ConnectionStringBuilder Builder, INamedTypeSymbol Type, INamedTypeSymbol? Connection)> In(Compilation compilation)
    {
        var found = ImmutableArray.CreateBuilder<(ConnectionStringBuilder, INamedTypeSymbol, INamedTypeSymbol?)>();
        foreach (var builder in Known)
        {
            if (TypeLookup.Find(compilation, builder.MetadataName) is { } type)
            {
                found.Add((builder, type, TypeLookup.Find(compilation, builder.ConnectionMetadataName)));
            }
        }

        return found.ToImmutable();
    }
}
