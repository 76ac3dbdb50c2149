using System.Threading.Tasks;
using Xunit;
using DatabaseFix = LogSafety.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LogSafety.Analyzers.Rules.LoggedSecretAnalyzer,
    LogSafety.CodeFixes.LogServerAndDatabaseCodeFix>;
using UriFix = LogSafety.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LogSafety.Analyzers.Rules.LoggedSecretAnalyzer,
    LogSafety.CodeFixes.LogUriWithoutCredentialsCodeFix>;

namespace LogSafety.Analyzers.Tests.Rules;

/// <summary>The LS0007 rewrites: a Uri keeps its scheme, host and path; a connection string its server and database.</summary>
public sealed class ConnectionStringAndUrlFixTests
{
    /// <summary>Two providers' builders, as Microsoft.Data.SqlClient and Npgsql declare them.</summary>
    private const string SqlClient = """

        namespace Microsoft.Data.SqlClient
        {
            public sealed class SqlConnection : System.Data.Common.DbConnection
            {
                public override string ConnectionString { get; set; } = "";
                public override string Database => "";
                public override string DataSource => "";
                public override string ServerVersion => "";
                public override System.Data.ConnectionState State => default;
                public override void ChangeDatabase(string databaseName) { }
                public override void Close() { }
                public override void Open() { }
                protected override System.Data.Common.DbTransaction BeginDbTransaction(System.Data.IsolationLevel isolationLevel) => null!;
                protected override System.Data.Common.DbCommand CreateDbCommand() => null!;
            }

            public sealed class SqlConnectionStringBuilder : System.Data.Common.DbConnectionStringBuilder
            {
                public SqlConnectionStringBuilder() { }
                public SqlConnectionStringBuilder(string connectionString) => ConnectionString = connectionString;
                public string DataSource { get; set; } = "";
                public string InitialCatalog { get; set; } = "";
            }
        }
        """;

    private const string Npgsql = """

        namespace Npgsql
        {
            public sealed class NpgsqlConnectionStringBuilder : System.Data.Common.DbConnectionStringBuilder
            {
                public NpgsqlConnectionStringBuilder(string? connectionString) => ConnectionString = connectionString;
                public string? Host { get; set; }
                public string? Database { get; set; }
            }
        }
        """;

    [Fact]
    public Task Uri_ArgumentHoleAndConcatenation_KeepSchemeHostAndPath_FixAll() => UriFix.VerifyCodeFixAsync("""
        using System;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string key)
            {
                var endpoint = new Uri($"https://api.example.com/v1/orders?api_key={key}");
                logger.LogWarning("Call to {Url} failed", {|LS0007:endpoint|});
                logger.LogWarning($"Call to {{|LS0007:endpoint.AbsoluteUri|}} failed");
                logger.LogWarning("Call to " + {|LS0007:endpoint|} + " failed");
            }
        }
        """, """
        using System;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string key)
            {
                var endpoint = new Uri($"https://api.example.com/v1/orders?api_key={key}");
                logger.LogWarning("Call to {Url} failed", endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped));
                logger.LogWarning($"Call to {endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)} failed");
                logger.LogWarning("Call to " + endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) + " failed");
            }
        }
        """);

    [Fact]
    public Task Uri_WithoutUsingSystemAndMaybeNull_QualifiedAndConditional() => UriFix.VerifyCodeFixAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string password, bool secure)
            {
                System.Uri? target = new System.Uri($"https://admin:{password}@db.example.com/");
                if (!secure)
                {
                    target = null;
                }

                logger.LogError("Cannot reach {Target}", {|LS0007:target|});
            }
        }
        """, """
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string password, bool secure)
            {
                System.Uri? target = new System.Uri($"https://admin:{password}@db.example.com/");
                if (!secure)
                {
                    target = null;
                }

                logger.LogError("Cannot reach {Target}", target?.GetComponents(System.UriComponents.SchemeAndServer | System.UriComponents.Path, System.UriFormat.UriEscaped));
            }
        }
        """);

    [Fact]
    public async Task Uri_StringUrlOrConnectionString_NotOffered()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            class C
            {
                void M(ILogger logger, string host, string key, string connectionString)
                {
                    var url = $"https://{host}/v1/search?api_key={key}";
                    logger.LogError("Request to {Url} failed", {|LS0007:url|});
                    logger.LogError("Database {Cs}", {|LS0007:connectionString|});
                }
            }
            """;
        await UriFix.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public Task ConnectionString_OnlyBuilderInCompilation_QualifiedWithoutUsing_HoleRenamed_FixAll() => DatabaseFix.VerifyCodeFixAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            private readonly string _connectionString = System.Environment.GetEnvironmentVariable("DB") ?? "";

            void M(ILogger logger, System.Exception ex)
            {
                logger.LogError(ex, "Error opening {ConnectionString} after {Attempts} attempts", {|LS0007:_connectionString|}, 3);
                logger.LogInformation($"Migrating {{|LS0007:_connectionString|}}");
            }
        }
        """ + SqlClient, """
        using Microsoft.Extensions.Logging;

        class C
        {
            private readonly string _connectionString = System.Environment.GetEnvironmentVariable("DB") ?? "";

            void M(ILogger logger, System.Exception ex)
            {
                logger.LogError(ex, "Error opening {Database} after {Attempts} attempts", new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(_connectionString) switch { var builder => $"{builder.DataSource}/{builder.InitialCatalog}" }, 3);
                logger.LogInformation($"Migrating {(new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(_connectionString) switch { var builder => $"{builder.DataSource}/{builder.InitialCatalog}" })}");
            }
        }
        """ + SqlClient);

    [Fact]
    public Task ConnectionString_FromConnectionOrBuilder_ReadsTheirProperties() => DatabaseFix.VerifyCodeFixAsync("""
        using Microsoft.Extensions.Logging;
        using Npgsql;

        class C
        {
            void M(ILogger logger, System.Data.Common.DbConnection connection, NpgsqlConnectionStringBuilder npgsql, string password)
            {
                logger.LogWarning("Could not open {Connection}", {|LS0007:connection.ConnectionString|});
                npgsql.Password = password;
                logger.LogWarning("Could not open {Cs}", {|LS0007:npgsql.ConnectionString|});
            }
        }
        """ + Npgsql.Replace("public string? Database { get; set; }", "public string? Database { get; set; }\n        public string? Password { get; set; }"), """
        using Microsoft.Extensions.Logging;
        using Npgsql;

        class C
        {
            void M(ILogger logger, System.Data.Common.DbConnection connection, NpgsqlConnectionStringBuilder npgsql, string password)
            {
                logger.LogWarning("Could not open {Connection}", $"{connection.DataSource}/{connection.Database}");
                npgsql.Password = password;
                logger.LogWarning("Could not open {Cs}", $"{npgsql.Host}/{npgsql.Database}");
            }
        }
        """ + Npgsql.Replace("public string? Database { get; set; }", "public string? Database { get; set; }\n        public string? Password { get; set; }"));

    [Fact]
    public Task ConnectionString_OriginTypeChoosesAmongTwoProviders_NameTakenPicksAnother() => DatabaseFix.VerifyCodeFixAsync("""
        using Microsoft.Data.SqlClient;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, SqlConnection connection, object builder)
            {
                var cs = connection.ConnectionString;
                logger.LogInformation("Opening {ConnStr}", {|LS0007:cs|});
            }
        }
        """ + SqlClient + Npgsql, """
        using Microsoft.Data.SqlClient;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, SqlConnection connection, object builder)
            {
                var cs = connection.ConnectionString;
                logger.LogInformation("Opening {Database}", new SqlConnectionStringBuilder(cs) switch { var connectionStringBuilder => $"{connectionStringBuilder.DataSource}/{connectionStringBuilder.InitialCatalog}" });
            }
        }
        """ + SqlClient + Npgsql);

    [Fact]
    public async Task ConnectionString_TwoProvidersAndNoOrigin_NotOffered()
    {
        var source = """
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.Logging;

            class C
            {
                void M(ILogger logger, IConfiguration configuration)
                {
                    logger.LogInformation("Database {Db}", {|LS0007:configuration.GetConnectionString("Default")|});
                }
            }
            """ + SqlClient + Npgsql;
        await DatabaseFix.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public async Task ConnectionString_NoBuilderInCompilationOrUrl_NotOffered()
    {
        const string source = """
            using System;
            using Microsoft.Extensions.Logging;

            class C
            {
                void M(ILogger logger, string connectionString, string key)
                {
                    logger.LogInformation("Database {Db}", {|LS0007:connectionString|});
                    var endpoint = new Uri($"https://api.example.com/v1/orders?api_key={key}");
                    logger.LogWarning("Call to {Url} failed", {|LS0007:endpoint|});
                }
            }
            """;
        await DatabaseFix.VerifyCodeFixAsync(source, source);
    }
}
