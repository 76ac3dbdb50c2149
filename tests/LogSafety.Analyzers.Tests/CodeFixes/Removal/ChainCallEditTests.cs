using System.Threading.Tasks;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LogSafety.Analyzers.Rules.LoggedSecretAnalyzer,
    LogSafety.CodeFixes.RemoveLoggedValueCodeFixProvider>;

namespace LogSafety.Analyzers.Tests.CodeFixes.Removal;

/// <summary>"Remove '…' from the log call", one diagnostic at a time (mirrors src/LogSafety.CodeFixes/Removal/ChainCallEdit.cs): Taking a property-adding call (ForContext, Property) out of its chain.</summary>
public sealed class ChainCallEditTests
{
    [Fact]
    public Task Serilog_ForContextInChain_RemovesTheCall() => Verify.VerifyCodeFixAsync("""
        using Serilog;

        class C
        {
            void M(ILogger logger, string token, string email)
            {
                logger
                    .ForContext("Token", {|LS0002:token|})
                    .Information("Signed in {Email}", email);
            }
        }
        """, """
        using Serilog;

        class C
        {
            void M(ILogger logger, string token, string email)
            {
                logger
                    .Information("Signed in {Email}", email);
            }
        }
        """);

    [Fact]
    public Task Serilog_StaticForContext_UsesLogLogger() => Verify.VerifyCodeFixAsync("""
        using Serilog;

        class C
        {
            void M(string sessionId)
            {
                var log = Log.ForContext("SessionId", {|LS0003:sessionId|});
                log.Information("Started");
            }
        }
        """, """
        using Serilog;

        class C
        {
            void M(string sessionId)
            {
                var log = Log.Logger;
                log.Information("Started");
            }
        }
        """);

    [Fact]
    public Task NLog_EventBuilderProperty_RemovesTheCall() => Verify.VerifyCodeFixAsync("""
        using NLog;

        class C
        {
            void M(Logger logger, string bearerToken)
            {
                logger.ForInfoEvent().Property("BearerToken", {|LS0002:bearerToken|}).Message("Authorized").Log();
            }
        }
        """, """
        using NLog;

        class C
        {
            void M(Logger logger, string bearerToken)
            {
                logger.ForInfoEvent().Message("Authorized").Log();
            }
        }
        """);
}
