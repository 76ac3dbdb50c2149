using System.Threading.Tasks;
using Xunit;
using Fix = LogSafety.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LogSafety.Analyzers.Rules.LoggedSecretAnalyzer,
    LogSafety.CodeFixes.RemoveLoggedValueCodeFixProvider>;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LogSafety.Analyzers.Rules.LoggedSecretAnalyzer>;

namespace LogSafety.Analyzers.Tests.Rules;

/// <summary>
/// Objects created to be written to a log: NLog's <c>new LogEventInfo(level, loggerName, message, ...)</c>, logged later
/// through <c>logger.Log(logEvent)</c>, and Serilog's <c>new PropertyEnricher(name, value)</c>.
/// </summary>
public sealed class LogObjectCreationTests
{
    [Fact]
    public Task NLog_LogEventInfoMessage_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Globalization;
        using NLog;

        class C
        {
            void M(Logger logger, string password, string token, string email)
            {
                logger.Log(new LogEventInfo(LogLevel.Info, logger.Name, "Login " + email + " " + {|LS0001:password|}));
                var logEvent = new LogEventInfo(LogLevel.Info, "Audit", CultureInfo.InvariantCulture, "Token {0} for {1}", new object[] { {|LS0002:token|}, email });
                logger.Log(logEvent);
                logger.Log(new LogEventInfo(LogLevel.Info, "Audit", "Email " + email + " has been verified"));
                logger.Log(new LogEventInfo());
            }
        }
        """);

    [Fact]
    public Task Serilog_PropertyEnricher_Reports() => Verify.VerifyAnalyzerAsync("""
        using Serilog;
        using Serilog.Context;
        using Serilog.Core;
        using Serilog.Core.Enrichers;

        class Input
        {
            public string UrlBase { get; set; } = "";
            public string ApiSecret { get; set; } = "";
        }

        class C
        {
            void M(ILogger logger, Input input, string tokenString, string email)
            {
                ILogEventEnricher[] enrichers =
                {
                    new PropertyEnricher("UrlBase", input.UrlBase),
                    new PropertyEnricher("Token", {|LS0002:input.ApiSecret|}),
                    new PropertyEnricher("UserEmail", email),
                };

                using (LogContext.Push(enrichers))
                {
                    logger.Information("Posting");
                }

                logger.ForContext(new[] { new PropertyEnricher("Token", {|LS0002:tokenString|}) }).Information("Created token");
            }
        }
        """);

    [Fact]
    public Task Creations_NoFixIsOffered() => Fix.VerifyCodeFixAsync("""
        using NLog;

        class C
        {
            void M(Logger logger, string password)
            {
                logger.Log(new LogEventInfo(LogLevel.Info, logger.Name, "Login " + {|LS0001:password|}));
            }
        }
        """, """
        using NLog;

        class C
        {
            void M(Logger logger, string password)
            {
                logger.Log(new LogEventInfo(LogLevel.Info, logger.Name, "Login " + {|LS0001:password|}));
            }
        }
        """);
}
