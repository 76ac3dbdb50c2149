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

    // Issue 13's table, on the Logger class (LogManager.GetCurrentClassLogger(), whose exception-first calls bind to
    // params ReadOnlySpan<object?>) and on the ILogger interface (params object[]): each row, then its near misses.
    [Theory]
    [InlineData("Logger")]
    [InlineData("ILogger")]
    public Task NLog_ExceptionFirstWithSecret_Reports(string loggerType) => Verify.VerifyAnalyzerAsync($$"""
        using System;
        using System.Globalization;
        using NLog;

        class C
        {
            void M({{loggerType}} nl, Exception ex, string apiKey)
            {
                nl.Error("k {0}", {|LS0002:apiKey|});
                nl.Error(ex, "k {0}", {|LS0002:apiKey|});
                nl.Warn(ex, "k {ApiKey}", {|LS0002:apiKey|});
                nl.Error(ex, "k {0} {1}", {|LS0002:apiKey|}, 1);
                nl.Log(LogLevel.Error, ex, "k {0}", {|LS0002:apiKey|});
                nl.Error(ex, CultureInfo.InvariantCulture, "k {0}", {|LS0002:apiKey|});
                nl.Error<string>("k {0}", {|LS0002:apiKey|});
                nl.Error(ex, "k {0} {1} {2} {3}", 1, 2, 3, {|LS0002:apiKey|});
            }
        }
        """);

    [Theory]
    [InlineData("Logger")]
    [InlineData("ILogger")]
    public Task NLog_ExceptionFirstWithoutSecret_DoesNotReport(string loggerType) => Verify.VerifyAnalyzerAsync($$"""
        using System;
        using System.Globalization;
        using NLog;

        class C
        {
            void M({{loggerType}} nl, Exception ex, string indexerName)
            {
                nl.Error("k {0}", indexerName);
                nl.Error(ex, "k {0}", indexerName);
                nl.Warn(ex, "k {Indexer}", indexerName);
                nl.Error(ex, "k {0} {1}", indexerName, 1);
                nl.Log(LogLevel.Error, ex, "k {0}", indexerName);
                nl.Error(ex, CultureInfo.InvariantCulture, "k {0}", indexerName);
                nl.Error<string>("k {0}", indexerName);
            }
        }
        """);

    [Theory]
    [InlineData("Logger")]
    [InlineData("ILogger")]
    public Task NLog_ExceptionAlone_DoesNotReport(string loggerType) => Verify.VerifyAnalyzerAsync($$"""
        using System;
        using System.Globalization;
        using NLog;

        class C
        {
            void M({{loggerType}} nl, Exception ex, Exception apiKeyException)
            {
                nl.Error(ex, "Apikey is invalid");
                nl.Warn(ex, "Apikey is invalid");
                nl.Log(LogLevel.Error, ex, "Apikey is invalid");
                nl.Error(ex, CultureInfo.InvariantCulture, "Apikey is invalid");
                nl.Error(apiKeyException, "Apikey is invalid");
            }
        }
        """);

    [Fact]
    public Task NLog_LogEventInfoCreateAndConditional_Report() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Globalization;
        using NLog;

        class C
        {
            void M(ILogger logger, Exception ex, string apiKey, string indexerName)
            {
                logger.Log(LogEventInfo.Create(LogLevel.Info, "n", ex, CultureInfo.InvariantCulture, "k {0} {1}", new object[] { indexerName, {|LS0002:apiKey|} }));
                logger.Log(LogEventInfo.Create(LogLevel.Info, "n", CultureInfo.InvariantCulture, {|LS0002:apiKey|}));
                logger.Log(LogEventInfo.Create(LogLevel.Info, "n", "k"));
                logger.ConditionalDebug(ex, "k {0}", {|LS0002:apiKey|});
                logger.ConditionalDebug(ex, "k {0}", indexerName);
            }
        }
        """);

    [Fact]
    public Task NLog_ScopeAndLoggerProperties_PropertyNameCounts() => Verify.VerifyAnalyzerAsync("""
        using NLog;

        class C
        {
            void M(Logger logger, string value, string apiKey)
            {
                using (logger.PushScopeProperty("ApiKey", {|LS0002:value|})) { }
                using (logger.PushScopeProperty("Indexer", value)) { }
                using (logger.PushScopeNested({|LS0002:apiKey|})) { }
                logger.WithProperty("ApiKey", {|LS0002:value|}).Info("k");
                logger.WithProperty("Indexer", value).Info("k");
                logger.SetProperty("ApiKey", {|LS0002:value|});
            }
        }
        """);
}
