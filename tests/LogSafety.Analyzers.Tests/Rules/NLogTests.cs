using System.Threading.Tasks;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LogSafety.Analyzers.Rules.LoggedSecretAnalyzer>;

namespace LogSafety.Analyzers.Tests.Rules;

public sealed class NLogTests
{
    [Fact]
    public Task NLog_LevelMethods_Report() => Verify.VerifyAnalyzerAsync("""
        using System;
        using NLog;

        class C
        {
            private static readonly Logger Log = LogManager.GetCurrentClassLogger();

            void M(ILogger logger, Exception ex, string email, string password, string accessToken)
            {
                logger.Trace("t {Email} {Password}", email, {|LS0001:password|});
                logger.Debug("d {Token}", {|LS0002:accessToken|});
                logger.Info("i {Email} {Password}", email, {|LS0001:password|});
                logger.Warn(ex, "w {Password}", {|LS0001:password|});
                logger.Error("e {0}", {|LS0001:password|});
                logger.Fatal("f {Password}", {|LS0001:password|});
                logger.Log(LogLevel.Info, "l {Password}", {|LS0001:password|});
                Log.Info("s {Password}", {|LS0001:password|});
                Log.Info({|LS0001:password|});
                Log.Info($"pw {{|LS0001:password|}}");
            }
        }
        """);

    [Fact]
    public Task NLog_SafeValues_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using NLog;

        class C
        {
            void M(ILogger logger, string email, string password)
            {
                logger.Info("Login {Email} {Length}", email, password.Length);
                logger.Info("Password changed for {Email}", email);
            }
        }
        """);

    [Fact]
    public Task NLog_FluentEventBuilder_PropertyNameCounts() => Verify.VerifyAnalyzerAsync("""
        using NLog;

        class C
        {
            void M(Logger logger, string email, string value, string sessionId)
            {
                logger.ForInfoEvent().Message("Login {Email}", email).Property("Password", {|LS0001:value|}).Log();
                logger.ForInfoEvent().Message("Login {Email} {Session}", email, {|LS0003:sessionId|}).Log();
                logger.ForInfoEvent().Message("Login {Email}", email).Property("Ip", value).Log();
            }
        }
        """);

    [Fact]
    public Task NLog_ScopeContext_PropertyNameCounts() => Verify.VerifyAnalyzerAsync("""
        using NLog;

        class C
        {
            void M(string value)
            {
                using (ScopeContext.PushProperty("RefreshToken", {|LS0002:value|})) { }
                using (ScopeContext.PushProperty("UserId", value)) { }
            }
        }
        """);
}
