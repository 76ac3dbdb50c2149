using System.Threading.Tasks;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LogSafety.Analyzers.Rules.LoggedSecretAnalyzer,
    LogSafety.CodeFixes.RemoveLoggedValueCodeFixProvider>;

namespace LogSafety.Analyzers.Tests.CodeFixes.Removal;

/// <summary>"Remove '…' from the log call", one diagnostic at a time (mirrors src/LogSafety.CodeFixes/Removal/StatementsEdit.cs): Removing a pushed property's using statement or declaration, keeping its body.</summary>
public sealed class StatementsEditTests
{
    [Fact]
    public Task Serilog_PushPropertyUsingStatement_KeepsTheBody() => Verify.VerifyCodeFixAsync("""
        using Serilog;
        using Serilog.Context;

        class C
        {
            void M(string apiKey)
            {
                using (LogContext.PushProperty("ApiKey", {|LS0002:apiKey|}))
                {
                    Log.Information("Calling upstream");
                    Log.Information("Done");
                }
            }
        }
        """, """
        using Serilog;
        using Serilog.Context;

        class C
        {
            void M(string apiKey)
            {
                Log.Information("Calling upstream");
                Log.Information("Done");
            }
        }
        """);

    [Fact]
    public Task Serilog_PushPropertyUsingDeclaration_RemovesStatement() => Verify.VerifyCodeFixAsync("""
        using Serilog;
        using Serilog.Context;

        class C
        {
            void M(string sessionId, string requestId)
            {
                using var request = LogContext.PushProperty("RequestId", requestId);
                using var session = LogContext.PushProperty("SessionId", {|LS0003:sessionId|});
                Log.Information("Handling");
            }
        }
        """, """
        using Serilog;
        using Serilog.Context;

        class C
        {
            void M(string sessionId, string requestId)
            {
                using var request = LogContext.PushProperty("RequestId", requestId);
                Log.Information("Handling");
            }
        }
        """);

    [Fact]
    public Task NLog_ScopeContextUsingWithSingleStatement_KeepsTheStatement() => Verify.VerifyCodeFixAsync("""
        using NLog;

        class C
        {
            void M(Logger logger, string sessionId)
            {
                using (ScopeContext.PushProperty("SessionId", {|LS0003:sessionId|}))
                    logger.Info("Request handled");
            }
        }
        """, """
        using NLog;

        class C
        {
            void M(Logger logger, string sessionId)
            {
                logger.Info("Request handled");
            }
        }
        """);

    [Fact]
    public Task Serilog_PushPropertyExpressionStatement_RemovesStatement() => Verify.VerifyCodeFixAsync("""
        using Serilog;
        using Serilog.Context;

        class C
        {
            void M(string token)
            {
                LogContext.PushProperty("Token", {|LS0002:token|});
                Log.Information("Calling");
            }
        }
        """, """
        using Serilog;
        using Serilog.Context;

        class C
        {
            void M(string token)
            {
                Log.Information("Calling");
            }
        }
        """);

    [Fact]
    public Task Serilog_PushPropertyWhoseScopeIsUsed_OffersNoFix() => Verify.VerifyCodeFixAsync("""
        using Serilog.Context;

        class C
        {
            void M(string token)
            {
                var scope = LogContext.PushProperty("Token", {|LS0002:token|});
                scope.Dispose();
            }
        }
        """, """
        using Serilog.Context;

        class C
        {
            void M(string token)
            {
                var scope = LogContext.PushProperty("Token", {|LS0002:token|});
                scope.Dispose();
            }
        }
        """);
}
