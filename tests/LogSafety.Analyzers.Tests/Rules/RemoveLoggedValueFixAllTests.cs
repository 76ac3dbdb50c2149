using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LogSafety.Analyzers.Rules.LoggedSecretAnalyzer,
    LogSafety.CodeFixes.RemoveLoggedValueCodeFixProvider>;

namespace LogSafety.Analyzers.Tests.Rules;

/// <summary>
/// Fix All (document, project, solution) removes every secret in one pass, also when several sit in one call, and the
/// [LoggerMessage] parameter fix edits the declaration, its message and every call site.
/// </summary>
public sealed class RemoveLoggedValueFixAllTests
{
    [Fact]
    public Task Mel_TwoTemplateSecretsInOneCall_BothGoInOnePass() => VerifyAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string email, string password, string token)
            {
                logger.LogInformation("Login {Email} {Password} {Token}", email, {|LS0001:password|}, {|LS0002:token|});
            }
        }
        """, """
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string email, string password, string token)
            {
                logger.LogInformation("Login {Email}", email);
            }
        }
        """, incrementalIterations: 2);

    /// <summary>eShop's webhook client: the clauses that only said what each token was go with the tokens.</summary>
    [Fact]
    public Task Mel_ClausesThatOnlyNamedTheTokens_GoWithThem() => VerifyAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, int status, string url, string tokenReceived, string tokenExpected)
            {
                logger.LogInformation("Response code is {StatusCode} for url {Url} and token in header was {TokenReceived} (expected token was {TokenExpected})", status, url, {|LS0002:tokenReceived|}, {|LS0002:tokenExpected|});
            }
        }
        """, """
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, int status, string url, string tokenReceived, string tokenExpected)
            {
                logger.LogInformation("Response code is {StatusCode} for url {Url}", status, url);
            }
        }
        """, incrementalIterations: 2);

    [Fact]
    public Task Mel_OnlyTwoSecrets_LeaveTheEventTheMethodNames() => VerifyAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void Login(ILogger logger, string password, string token)
            {
                logger.LogInformation("{Password} {Token}", {|LS0001:password|}, {|LS0002:token|});
            }
        }
        """, """
        using Microsoft.Extensions.Logging;

        class C
        {
            void Login(ILogger logger, string password, string token)
            {
                logger.LogInformation("Login");
            }
        }
        """, incrementalIterations: 2);

    [Fact]
    public Task Serilog_ThreeMemberAnonymousObject_KeepsTheSafeMember() => VerifyAsync("""
        using Serilog;

        class C
        {
            void M(string email, string password, string sessionId)
            {
                Log.Information("Login {@Attempt}", new { email, {|LS0001:password|}, {|LS0003:sessionId|} });
            }
        }
        """, """
        using Serilog;

        class C
        {
            void M(string email, string password, string sessionId)
            {
                Log.Information("Login {@Attempt}", new { email });
            }
        }
        """, incrementalIterations: 2);

    [Fact]
    public Task Console_TwoPositionalSecrets_RenumbersOnce() => VerifyAsync("""
        using System;

        class C
        {
            void M(string password, string user, string token)
            {
                Console.WriteLine("{0} {1} {2}", {|LS0001:password|}, user, {|LS0002:token|});
            }
        }
        """, """
        using System;

        class C
        {
            void M(string password, string user, string token)
            {
                Console.WriteLine("{0}", user);
            }
        }
        """, incrementalIterations: 2);

    [Fact]
    public Task Console_TwoInterpolationHoles_BothGo() => VerifyAsync("""
        using System;

        class C
        {
            void M(string user, string token, string sessionId)
            {
                Console.WriteLine($"token={{|LS0002:token|}} session={{|LS0003:sessionId|}} user={user}");
            }
        }
        """, """
        using System;

        class C
        {
            void M(string user, string token, string sessionId)
            {
                Console.WriteLine($"user={user}");
            }
        }
        """, incrementalIterations: 2);

    [Fact]
    public Task Console_TwoConcatenatedSecrets_BothGo() => VerifyAsync("""
        using System;

        class C
        {
            void M(string user, string password, string apiKey)
            {
                Console.WriteLine("Signup " + user + " password: " + {|LS0001:password|} + " key: " + {|LS0002:apiKey|});
            }
        }
        """, """
        using System;

        class C
        {
            void M(string user, string password, string apiKey)
            {
                Console.WriteLine("Signup " + user);
            }
        }
        """, incrementalIterations: 2);

    [Fact]
    public Task Serilog_ForContextAndTemplateValueInOneStatement_BothGo() => VerifyAsync("""
        using Serilog;

        class C
        {
            void M(ILogger logger, string sessionId, string password, string email)
            {
                logger.ForContext("SessionId", {|LS0003:sessionId|}).Warning("Bad login {Email} {Password}", email, {|LS0001:password|});
            }
        }
        """, """
        using Serilog;

        class C
        {
            void M(ILogger logger, string sessionId, string password, string email)
            {
                logger.Warning("Bad login {Email}", email);
            }
        }
        """, incrementalIterations: 2);

    [Fact]
    public Task Serilog_PushedSecretAroundLoggedSecret_BothGoAndTheBodyStays() => VerifyAsync("""
        using Serilog;
        using Serilog.Context;

        class C
        {
            void M(string apiKey, string user, string password)
            {
                using (LogContext.PushProperty("ApiKey", {|LS0002:apiKey|}))
                {
                    Log.Warning("Login {User} password {Password}", user, {|LS0001:password|});
                }
            }
        }
        """, """
        using Serilog;
        using Serilog.Context;

        class C
        {
            void M(string apiKey, string user, string password)
            {
                Log.Warning("Login {User}", user);
            }
        }
        """, incrementalIterations: 2);

    [Fact]
    public Task PropertySetStatements_TheStatementGoes() => VerifyAsync("""
        using Microsoft.AspNetCore.Http;

        namespace Serilog
        {
            public interface IDiagnosticContext
            {
                void Set(string propertyName, object value, bool destructureObjects = false);
            }
        }

        class C
        {
            void M(Serilog.IDiagnosticContext diagnosticContext, NLog.Logger logger, HttpContext http, string apiKey)
            {
                diagnosticContext.Set("Path", http.Request.Path.ToString());
                diagnosticContext.Set("Authorization", {|LS0005:http.Request.Headers.Authorization.ToString()|});
                logger.SetProperty("ApiKey", {|LS0002:apiKey|});
                logger.Info("Done");
            }
        }
        """, """
        using Microsoft.AspNetCore.Http;

        namespace Serilog
        {
            public interface IDiagnosticContext
            {
                void Set(string propertyName, object value, bool destructureObjects = false);
            }
        }

        class C
        {
            void M(Serilog.IDiagnosticContext diagnosticContext, NLog.Logger logger, HttpContext http, string apiKey)
            {
                diagnosticContext.Set("Path", http.Request.Path.ToString());
                logger.Info("Done");
            }
        }
        """, incrementalIterations: 2);

    [Fact]
    public Task NearMissBesideSecret_OnlyTheSecretGoes() => VerifyAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string password, string passwordPolicy, int tokenCount, string token)
            {
                logger.LogInformation("Policy {Policy} tokens {TokenCount} {Password} {Token}", passwordPolicy, tokenCount, {|LS0001:password|}, {|LS0002:token|});
            }
        }
        """, """
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string password, string passwordPolicy, int tokenCount, string token)
            {
                logger.LogInformation("Policy {Policy} tokens {TokenCount}", passwordPolicy, tokenCount);
            }
        }
        """, incrementalIterations: 2);

    [Fact]
    public async Task TwoDocuments_FixAllInProjectAndSolution_FixesBoth()
    {
        var test = new Verify.Test
        {
            NumberOfIncrementalIterations = 2,
            NumberOfFixAllIterations = 1,
            // Fix All in document fixes one document per pass.
            NumberOfFixAllInDocumentIterations = 2,
        };
        test.TestState.Sources.Add(("/0/A.cs", """
            using Microsoft.Extensions.Logging;

            class A
            {
                void M(ILogger logger, string user, string password)
                {
                    logger.LogWarning("Failed login {User} {Password}", user, {|LS0001:password|});
                }
            }
            """));
        test.TestState.Sources.Add(("/0/B.cs", """
            using Microsoft.Extensions.Logging;

            class B
            {
                void M(ILogger logger, string refreshToken)
                {
                    logger.LogDebug("Refreshing with {RefreshToken}", {|LS0002:refreshToken|});
                }
            }
            """));
        test.FixedState.Sources.Add(("/0/A.cs", """
            using Microsoft.Extensions.Logging;

            class A
            {
                void M(ILogger logger, string user, string password)
                {
                    logger.LogWarning("Failed login {User}", user);
                }
            }
            """));
        test.FixedState.Sources.Add(("/0/B.cs", """
            using Microsoft.Extensions.Logging;

            class B
            {
                void M(ILogger logger, string refreshToken)
                {
                    logger.LogDebug("Refreshing");
                }
            }
            """));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task LoggerMessageParameter_RemovesParameterPlaceholderAndEveryArgument()
    {
        var test = new Verify.Test { NumberOfIncrementalIterations = 1, NumberOfFixAllIterations = 1 };
        test.TestState.Sources.Add(("/0/Log.cs", """
            using Microsoft.Extensions.Logging;

            static partial class Log
            {
                [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "User {UserId} signed in with {Password}")]
                static partial void SignedIn(ILogger logger, string userId, string {|LS0001:password|});

                public static void Here(ILogger logger, string id, string pwd) => SignedIn(logger, id, pwd);
            }
            """));
        test.TestState.Sources.Add(("/0/Other.cs", """
            using Microsoft.Extensions.Logging;

            static partial class Log
            {
                static void There(ILogger logger, string id, string secret)
                {
                    SignedIn(
                        logger,
                        id,
                        secret);
                }
            }
            """));
        test.FixedState.Sources.Add(("/0/Log.cs", """
            using Microsoft.Extensions.Logging;

            static partial class Log
            {
                [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "User {UserId} signed in")]
                static partial void SignedIn(ILogger logger, string userId);

                public static void Here(ILogger logger, string id, string pwd) => SignedIn(logger, id);
            }
            """));
        test.FixedState.Sources.Add(("/0/Other.cs", """
            using Microsoft.Extensions.Logging;

            static partial class Log
            {
                static void There(ILogger logger, string id, string secret)
                {
                    SignedIn(
                        logger,
                        id);
                }
            }
            """));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task LoggerMessageTwoParameters_ExtensionMethodWithPositionalMessage_BothGoInOnePass() => VerifyAsync("""
        using Microsoft.Extensions.Logging;

        static partial class Log
        {
            [LoggerMessage(3, LogLevel.Warning, "Reset for {Email}: token={ResetToken}, session {SessionId}")]
            static partial void ResetRequested(this ILogger logger, string email, string {|LS0002:resetToken|}, string {|LS0003:sessionId|});

            static void M(ILogger logger, string email, string token, string session) => logger.ResetRequested(email, token, session);
        }
        """, """
        using Microsoft.Extensions.Logging;

        static partial class Log
        {
            [LoggerMessage(3, LogLevel.Warning, "Reset for {Email}")]
            static partial void ResetRequested(this ILogger logger, string email);

            static void M(ILogger logger, string email, string token, string session) => logger.ResetRequested(email);
        }
        """, incrementalIterations: 2);

    [Fact]
    public async Task LoggerMessageParameterUsedAsMethodGroup_OffersNoFix()
    {
        const string Source = """
            using System;
            using Microsoft.Extensions.Logging;

            static partial class Log
            {
                [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Token {Token}")]
                static partial void Issued(ILogger logger, string {|LS0002:token|});

                static Action<ILogger, string> Handler => Issued;
            }
            """;
        var test = new Verify.Test
        {
            TestCode = Source,
            FixedCode = Source,
            // The LoggerMessage generator does not run here, so the delegate has no implementation to bind to (CS0762).
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task LoggerMessageParameterNamedInNameof_StillFixes()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using Microsoft.Extensions.Logging;

                static partial class Log
                {
                    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Token {Token} issued")]
                    static partial void Issued(ILogger logger, string {|LS0002:token|});

                    const string Name = nameof(Issued);
                }
                """,
            FixedCode = """
                using Microsoft.Extensions.Logging;

                static partial class Log
                {
                    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Token issued")]
                    static partial void Issued(ILogger logger);

                    const string Name = nameof(Issued);
                }
                """,
        };
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task LoggerMessageOrdinaryParameterPassedASessionId_ParameterGoesWithItsPlaceholderAndEveryArgument() => VerifyAsync("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;

        static partial class Log
        {
            [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Resumed checkout {Reference}")]
            static partial void CheckoutResumed(ILogger logger, string reference);

            static void Resume(ILogger logger, HttpContext http)
            {
                var sessionId = http.Session.Id;
                CheckoutResumed(logger, {|LS0003:sessionId|});
                CheckoutResumed(logger, "cart-42");
            }
        }
        """, """
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;

        static partial class Log
        {
            [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Resumed checkout")]
            static partial void CheckoutResumed(ILogger logger);

            static void Resume(ILogger logger, HttpContext http)
            {
                var sessionId = http.Session.Id;
                CheckoutResumed(logger);
                CheckoutResumed(logger);
            }
        }
        """, incrementalIterations: 1);

    [Fact]
    public Task Mel_SecretsInAnArrayAndAsTheWholeMessage_AllGoInOnePass() => VerifyAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void Checkout(ILogger logger, string email, string password, string apiKey)
            {
                logger.LogInformation("Checkout {Email} {Password} {ApiKey}", new object[] { email, {|LS0001:password|}, {|LS0002:apiKey|} });
                logger.LogDebug({|LS0002:apiKey|});
            }
        }
        """, """
        using Microsoft.Extensions.Logging;

        class C
        {
            void Checkout(ILogger logger, string email, string password, string apiKey)
            {
                logger.LogInformation("Checkout {Email}", new object[] { email });
                logger.LogDebug("Checkout");
            }
        }
        """, incrementalIterations: 3);

    private static Task VerifyAsync(string source, string fixedSource, int incrementalIterations)
    {
        var test = new Verify.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            NumberOfIncrementalIterations = incrementalIterations,
            NumberOfFixAllIterations = incrementalIterations == 0 ? 0 : 1,
        };
        return test.RunAsync(CancellationToken.None);
    }
}
