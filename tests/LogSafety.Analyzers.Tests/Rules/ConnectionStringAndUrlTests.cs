using System.Threading.Tasks;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LogSafety.Analyzers.Rules.LoggedSecretAnalyzer>;

namespace LogSafety.Analyzers.Tests.Rules;

/// <summary>LS0007: connection strings and URLs that carry a credential inside them; each positive beside its near miss.</summary>
public sealed class ConnectionStringAndUrlTests
{
    [Fact]
    public Task ConnectionStringByName_Reports_NameAboutTheString_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.Extensions.Logging;

        class C
        {
            private readonly string _connectionString = Environment.GetEnvironmentVariable("DB") ?? "";

            void M(ILogger logger, string connStr, string connectionStringName)
            {
                logger.LogError("Error opening database: " + {|LS0007:_connectionString|});
                Console.WriteLine({|LS0007:connStr|});
                logger.LogInformation("Using the connection string called {Name}", connectionStringName);
                logger.LogInformation("Connection string of {Length} characters", connStr.Length);
            }
        }
        """);

    [Fact]
    public Task LiteralWithPassword_Reports_LiteralWithoutCredential_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            private const string Production = "Server=db;Database=app;User Id=app;Password=hunter2";
            private const string Local = "Data Source=app.db";

            void M(ILogger logger)
            {
                var connectionString = Production;
                logger.LogInformation("Connecting with {ConnectionString}", {|LS0007:connectionString|});
                var trusted = "Server=db;Database=app;Integrated Security=true";
                logger.LogInformation("Connecting with {ConnectionString}", trusted);
                logger.LogInformation("Connecting with {ConnectionString}", Local);
                logger.LogInformation("Connecting with {ConnectionString}", "Server=db;Trusted_Connection=yes");
            }
        }
        """);

    [Fact]
    public Task ExampleTextWrittenOutInTheCall_NoDiagnostic_SameTextThroughAConstant_Reports() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.Extensions.Logging;

        class C
        {
            private const string Staging = "Server=staging;Database=app;User Id=app;Password=Staging-2024";

            void Usage(ILogger logger)
            {
                Console.WriteLine(@"Example Connection Strings:");
                Console.WriteLine(@"  SqlServer: server=127.0.0.1;database=Foo;user id=USERNAME;password=BLAH");
                Console.WriteLine("Usage: <protocol>://<username>:<password>@<path>");
                Console.WriteLine("Example: " + "ftp://user:pass@server/folder");
                logger.LogInformation("Connecting with {ConnectionString}", {|LS0007:Staging|});
                Console.WriteLine("Using " + {|LS0007:Staging|});
            }
        }
        """);

    [Fact]
    public Task FromConfiguration_Reports_OtherConfigurationKey_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, IConfiguration configuration)
            {
                logger.LogInformation("Database {Db}", {|LS0007:configuration.GetConnectionString("Default")|});
                logger.LogInformation("Database {Db}", {|LS0007:configuration["ConnectionStrings:Default"]|});
                logger.LogInformation("Environment {Name}", configuration["Environment:Name"]);
            }
        }
        """);

    [Fact]
    public Task DbConnectionString_Reports_DataSourceAndDatabase_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.Data.Common;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, DbConnection connection)
            {
                logger.LogWarning("Could not open {Connection}", {|LS0007:connection.ConnectionString|});
                logger.LogWarning("Could not open {Source}/{Database}", connection.DataSource, connection.Database);
            }
        }
        """);

    [Fact]
    public Task BuilderWithPassword_Reports_BuilderWithoutOrClearedPassword_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.Data.Common;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string secret, string configured)
            {
                var withPassword = new DbConnectionStringBuilder();
                withPassword["Server"] = "db";
                withPassword["Password"] = secret;
                logger.LogInformation("Built {Cs}", {|LS0007:withPassword.ConnectionString|});

                var plain = new DbConnectionStringBuilder();
                plain["Data Source"] = "app.db";
                logger.LogInformation("Built {Cs}", plain.ConnectionString);

                var cleared = new DbConnectionStringBuilder { ConnectionString = configured };
                cleared["Password"] = "";
                logger.LogInformation("Built {Cs}", cleared.ToString());
            }
        }
        """);

    [Fact]
    public Task UrlWithUserInfoOrTokenParameter_Reports_UrlWithoutCredential_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string host, string value, int page)
            {
                var withUser = new Uri("https://admin:s3cret@example.com/api");
                logger.LogError("Request to {Url} failed", {|LS0007:withUser|});
                var withKey = $"https://{host}/v1/search?q=shoes&api_key={value}";
                logger.LogError("Request to {Url} failed", {|LS0007:withKey|});
                var sas = "https://account.blob.core.windows.net/c/b?sv=2024&sig=" + value;
                logger.LogError("Upload to {Url} failed", {|LS0007:sas|});

                var plain = new Uri("https://example.com/api");
                logger.LogError("Request to {Url} failed", plain);
                var paged = $"https://{host}/v1/search?q=shoes&page={page}&pageSize=20";
                logger.LogError("Request to {Url} failed", paged);
                logger.LogError("Request to {Host}{Path} failed", host, "/v1/search");
            }
        }
        """);

    [Fact]
    public Task RequestUrlWhereCodeReadsToken_Reports_RequestLogWithoutIt_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Http.Extensions;
        using Microsoft.Extensions.Logging;

        class C
        {
            void Callback(ILogger logger, HttpRequest request)
            {
                var token = request.Query["access_token"];
                logger.LogInformation("Callback {Url}", {|LS0007:request.GetDisplayUrl()|});
                logger.LogInformation("Callback {Query}", {|LS0007:request.QueryString|});
            }

            void RequestLog(ILogger logger, HttpContext context, long elapsed)
            {
                logger.LogInformation("{Method} {Path} {Status} {Elapsed} {Ip}", context.Request.Method, context.Request.Path,
                    context.Response.StatusCode, elapsed, context.Connection.RemoteIpAddress);
                logger.LogInformation("Request {Url}", context.Request.GetDisplayUrl());
            }
        }
        """);
}
