using System.Threading.Tasks;
using Xunit;
using Fix = LogSafety.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LogSafety.Analyzers.Rules.LoggedSecretAnalyzer,
    LogSafety.CodeFixes.RemoveLoggedValueCodeFixProvider>;
using Project = LogSafety.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LogSafety.Analyzers.Rules.LoggedSecretAnalyzer,
    LogSafety.CodeFixes.ProjectSafeFieldsCodeFixProvider>;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LogSafety.Analyzers.Rules.LoggedSecretAnalyzer>;

namespace LogSafety.Analyzers.Tests.Rules;

/// <summary>
/// A dictionary (or list of pairs) built in a local and then logged whole, most often as a scope: the entries the method
/// put in it before the call are written, each under its key. Reported on the local in the call, with the entry as an
/// additional location.
/// </summary>
public sealed class LocalEntriesTests
{
    [Fact]
    public Task Mel_ScopeDictionaryBuiltInALocal_ReportsItsEntries() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string token, string apiKey, string password, string userId)
            {
                var scope = new Dictionary<string, object>
                {
                    ["UserId"] = userId,
                    ["Token"] = {|#2:token|},
                };
                scope["ApiKey"] = {|#3:apiKey|};
                scope.Add("Password", {|#4:password|});
                if (userId != null)
                {
                    using ({|#1:logger.BeginScope({|#0:scope|})|})
                    {
                        logger.LogInformation("Calling upstream");
                    }
                }
            }
        }
        """,
        Verify.Diagnostic("LS0002").WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("scope", "holds 'token', which looks like a token,", "BeginScope"),
        Verify.Diagnostic("LS0002").WithLocation(0).WithLocation(1).WithLocation(3).WithArguments("scope", "holds 'apiKey', which looks like an API key,", "BeginScope"),
        Verify.Diagnostic("LS0001").WithLocation(0).WithLocation(1).WithLocation(4).WithArguments("scope", "holds 'password', which looks like a password,", "BeginScope"));

    [Fact]
    public Task Serilog_DestructuredLocalDictionary_ReportsAnEntryByItsKey() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Serilog;

        class C
        {
            void M(ILogger logger, string value, string userId)
            {
                IDictionary<string, string> data = new Dictionary<string, string>();
                data["UserId"] = userId;
                data.TryAdd("RefreshToken", value);
                logger.Information("Refreshed {@Data}", {|LS0002:data|});
            }
        }
        """);

    [Fact]
    public Task LocalEntries_SafeOrAfterTheCallOrNotLogged_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string token, string userId, string correlationId)
            {
                var scope = new Dictionary<string, object> { ["UserId"] = userId, ["CorrelationId"] = correlationId };
                scope["TokenLength"] = token.Length;
                using (logger.BeginScope(scope))
                {
                    logger.LogInformation("Calling upstream");
                }

                scope["Token"] = token;
                var headers = new Dictionary<string, string> { ["Authorization"] = token };
                logger.LogInformation("Sent {Count} headers", headers.Count);
            }
        }
        """);

    [Fact]
    public Task LocalEntries_FilledAndLoggedOnly_FixRemovesEachEntry() => Fix.VerifyCodeFixAsync("""
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string token, string apiKey, string password, string userId)
            {
                var scope = new Dictionary<string, object>
                {
                    ["UserId"] = userId,
                    ["Token"] = {|#2:token|},
                };
                // The caller's key.
                scope["ApiKey"] = {|#3:apiKey|};
                if (password != null)
                {
                    scope.Add("Password", {|#4:password|});
                }

                using ({|#1:logger.BeginScope({|#0:scope|})|})
                {
                    logger.LogInformation("Calling upstream");
                }
            }
        }
        """, """
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string token, string apiKey, string password, string userId)
            {
                var scope = new Dictionary<string, object>
                {
                    ["UserId"] = userId,
                };

                using (logger.BeginScope(scope))
                {
                    logger.LogInformation("Calling upstream");
                }
            }
        }
        """,
        Fix.Diagnostic("LS0002").WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("scope", "holds 'token', which looks like a token,", "BeginScope"),
        Fix.Diagnostic("LS0002").WithLocation(0).WithLocation(1).WithLocation(3).WithArguments("scope", "holds 'apiKey', which looks like an API key,", "BeginScope"),
        Fix.Diagnostic("LS0001").WithLocation(0).WithLocation(1).WithLocation(4).WithArguments("scope", "holds 'password', which looks like a password,", "BeginScope"));

    [Fact]
    public Task LocalEntries_DictionaryAlsoSent_FixTakesTheLocalOutOfTheCall() => Fix.VerifyCodeFixAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Serilog;

        class C
        {
            async Task M(ILogger logger, HttpClient client, string clientId, string secret)
            {
                var form = new Dictionary<string, string> { ["client_id"] = clientId };
                form["client_secret"] = secret;
                logger.Debug("Requesting a token for {ClientId} with {@Form}", clientId, {|LS0002:form|});
                using var response = await client.PostAsync("https://idp.example/token", new FormUrlEncodedContent(form));
            }
        }
        """, """
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Serilog;

        class C
        {
            async Task M(ILogger logger, HttpClient client, string clientId, string secret)
            {
                var form = new Dictionary<string, string> { ["client_id"] = clientId };
                form["client_secret"] = secret;
                logger.Debug("Requesting a token for {ClientId}", clientId);
                using var response = await client.PostAsync("https://idp.example/token", new FormUrlEncodedContent(form));
            }
        }
        """);

    [Fact]
    public Task LocalEntries_EntryUnderABracelessIf_FixTakesTheLocalOutOfTheCall() => Fix.VerifyCodeFixAsync("""
        using System.Collections.Generic;
        using Serilog;

        class C
        {
            void M(ILogger logger, string token, string userId)
            {
                var data = new Dictionary<string, object> { ["UserId"] = userId };
                if (token != null) data["Token"] = token;
                logger.Information("Signed in {@Data}", {|LS0002:data|});
            }
        }
        """, """
        using System.Collections.Generic;
        using Serilog;

        class C
        {
            void M(ILogger logger, string token, string userId)
            {
                var data = new Dictionary<string, object> { ["UserId"] = userId };
                if (token != null) data["Token"] = token;
                logger.Information("Signed in");
            }
        }
        """);

    /// <summary>
    /// Logged by two calls, the local leaves each of them under Fix All, which plans every fix on the same code. One fix
    /// at a time, the second call finds the local logged once and takes the entry out instead: both are correct code.
    /// </summary>
    [Fact]
    public Task LocalEntries_LoggedTwice_FixAllTakesTheLocalOutOfBothCalls() => new Fix.Test
    {
        TestCode = """
            using System.Collections.Generic;
            using Serilog;

            class C
            {
                void M(ILogger logger, string token, string userId)
                {
                    var data = new Dictionary<string, object> { ["UserId"] = userId, ["Token"] = token };
                    logger.Information("Refreshed {@Data}", {|LS0002:data|});
                    logger.Information("Again {@Data}", {|LS0002:data|});
                }
            }
            """,
        FixedCode = """
            using System.Collections.Generic;
            using Serilog;

            class C
            {
                void M(ILogger logger, string token, string userId)
                {
                    var data = new Dictionary<string, object> { ["UserId"] = userId };
                    logger.Information("Refreshed");
                    logger.Information("Again {@Data}", data);
                }
            }
            """,
        BatchFixedCode = """
            using System.Collections.Generic;
            using Serilog;

            class C
            {
                void M(ILogger logger, string token, string userId)
                {
                    var data = new Dictionary<string, object> { ["UserId"] = userId, ["Token"] = token };
                    logger.Information("Refreshed");
                    logger.Information("Again");
                }
            }
            """,
    }.RunAsync();

    /// <summary>The safe fields are the entry's: the fix takes the entry out rather than project the dictionary.</summary>
    [Fact]
    public Task LocalEntries_ObjectWithSecrets_FixRemovesTheEntry() => Project.VerifyCodeFixAsync("""
        using System.Collections.Generic;
        using Serilog;

        class User
        {
            public string Id { get; set; } = "";
            public string PasswordHash { get; set; } = "";
        }

        class C
        {
            void M(ILogger logger, User user, string requestId)
            {
                var data = new Dictionary<string, object> { ["RequestId"] = requestId, ["User"] = user };
                logger.Information("Signed in {@Data}", {|LS0006:data|});
            }
        }
        """, """
        using System.Collections.Generic;
        using Serilog;

        class User
        {
            public string Id { get; set; } = "";
            public string PasswordHash { get; set; } = "";
        }

        class C
        {
            void M(ILogger logger, User user, string requestId)
            {
                var data = new Dictionary<string, object> { ["RequestId"] = requestId };
                logger.Information("Signed in {@Data}", data);
            }
        }
        """);

    /// <summary>Top-level statements: a use of the local in a later statement counts, so the entry stays.</summary>
    [Fact]
    public Task LocalEntries_TopLevelStatements_UseInALaterStatementKeepsTheEntry() => new Fix.Test
    {
        TestState =
        {
            OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication,
            Sources =
            {
                """
                using System.Collections.Generic;
                using System.Net.Http;
                using Serilog;

                ILogger logger = new LoggerConfiguration().CreateLogger();
                var secret = System.Environment.GetEnvironmentVariable("S") ?? "";
                var form = new Dictionary<string, string> { ["client_secret"] = secret };
                logger.Debug("Requesting a token with {@Form}", {|LS0002:form|});
                using var response = await new HttpClient().PostAsync("https://idp.example/token", new FormUrlEncodedContent(form));
                """,
            },
        },
        FixedState =
        {
            OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication,
            Sources =
            {
                """
                using System.Collections.Generic;
                using System.Net.Http;
                using Serilog;

                ILogger logger = new LoggerConfiguration().CreateLogger();
                var secret = System.Environment.GetEnvironmentVariable("S") ?? "";
                var form = new Dictionary<string, string> { ["client_secret"] = secret };
                logger.Debug("Requesting a token");
                using var response = await new HttpClient().PostAsync("https://idp.example/token", new FormUrlEncodedContent(form));
                """,
            },
        },
    }.RunAsync();

    [Fact]
    public Task HttpClientHandler_EntryAddedInAnIf_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;

        class TraceHandler : DelegatingHandler
        {
            private readonly ILogger _logger;

            public TraceHandler(ILogger logger) => _logger = logger;

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var scope = new Dictionary<string, object> { ["Uri"] = request.RequestUri! };
                if (request.Content != null)
                {
                    scope.Add("RequestBody", await request.Content.ReadAsStringAsync(cancellationToken));
                }
                else
                {
                    scope.Add("Method", request.Method.Method);
                }

                using (_logger.BeginScope({|LS0004:scope|}))
                {
                    return await base.SendAsync(request, cancellationToken);
                }
            }
        }
        """);
}
