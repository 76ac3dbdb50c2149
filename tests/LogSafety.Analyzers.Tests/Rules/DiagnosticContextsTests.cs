using System.Threading.Tasks;
using Xunit;
using Fix = LogSafety.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LogSafety.Analyzers.Rules.LoggedSecretAnalyzer,
    LogSafety.CodeFixes.RemoveLoggedValueCodeFixProvider>;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LogSafety.Analyzers.Rules.LoggedSecretAnalyzer>;

namespace LogSafety.Analyzers.Tests.Rules;

/// <summary>
/// NLog's and log4net's diagnostic contexts (MDC, MDLC, GDC, NDC, NDLC, the context stacks), log4net's core logger and
/// NLog's message generators: a value put there is written by every layout that names it, with every event that follows.
/// </summary>
public sealed class DiagnosticContextsTests
{
    [Fact]
    public Task NLog_DiagnosticContexts_Report() => Verify.VerifyAnalyzerAsync("""
        using NLog;

        class C
        {
            void M(string token, string password, string apiKey, string sessionId, string value)
            {
                MappedDiagnosticsContext.Set("Password", {|LS0001:password|});
                MappedDiagnosticsLogicalContext.Set("Token", {|LS0002:token|});
                MappedDiagnosticsLogicalContext.Set<string>("Key", {|LS0002:apiKey|});
                MappedDiagnosticsLogicalContext.Set("AccessToken", {|LS0002:value|});
                using (MappedDiagnosticsLogicalContext.SetScoped("Session", {|LS0003:sessionId|}))
                using (NestedDiagnosticsLogicalContext.Push({|LS0002:token|}))
                using (NestedDiagnosticsContext.Push({|LS0001:password|}))
                {
                    NestedDiagnosticsLogicalContext.PushObject({|LS0002:apiKey|});
                }
            }
        }
        """);

    [Fact]
    public Task NLog_DiagnosticContexts_SafeValues_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using NLog;

        class C
        {
            void M(string token, string userId, Stack<string> pending, string connectionString, string seqApiKey)
            {
                MappedDiagnosticsLogicalContext.Set("UserId", userId);
                MappedDiagnosticsLogicalContext.Set("TokenLength", token.Length);
                var previous = MappedDiagnosticsLogicalContext.Get("Token");
                MappedDiagnosticsLogicalContext.Remove("Token");
                GlobalDiagnosticsContext.Set("HasToken", token != null);

                // The global context holds settings that targets read as configuration, not event data.
                GlobalDiagnosticsContext.Set("connectionString", connectionString);
                GlobalDiagnosticsContext.Set("SeqApiKey", seqApiKey);
                NestedDiagnosticsLogicalContext.Push(userId);
                pending.Push(token);
            }
        }
        """);

    [Fact]
    public Task NLog_MessageGenerator_ReportsWhatTheLambdaReturns() => Verify.VerifyAnalyzerAsync("""
        using NLog;

        class C
        {
            void M(ILogger logger, string token, string refreshToken, string userId, bool renewed)
            {
                logger.Debug(() => "Token " + {|LS0002:token|});
                logger.Trace(() => $"Refresh {{|LS0002:refreshToken|}}");
                logger.Info(() =>
                {
                    if (renewed)
                    {
                        return "Renewed " + {|LS0002:refreshToken|};
                    }

                    return "Kept for " + userId;
                });
                logger.Debug(() => "Token refreshed for " + userId);
                logger.Debug(() => $"Token of {token.Length} characters");
            }
        }
        """);

    [Fact]
    public Task Log4Net_ContextsAndCoreLogger_Report() => Verify.VerifyAnalyzerAsync("""
        using System;
        using log4net;
        using log4net.Core;

        class C
        {
            void M(ILog log, string token, string password, string apiKey, string user, Exception ex)
            {
                MDC.Set("Token", {|LS0002:token|});
                NDC.Push({|LS0001:password|});
                NDC.PushFormat("User {0} key {1}", user, {|LS0002:apiKey|});
                using (ThreadContext.Stacks["NDC"].Push({|LS0002:token|}))
                using (LogicalThreadContext.Stacks["NDC"].Push({|LS0002:apiKey|}))
                {
                    log.Logger.Log(typeof(C), Level.Info, {|LS0001:password|}, ex);
                }
            }
        }
        """);

    [Fact]
    public Task Log4Net_ContextsAndCoreLogger_SafeValues_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using log4net;
        using log4net.Core;

        class C
        {
            void M(ILog log, string token, string user)
            {
                MDC.Set("User", user);
                var previous = MDC.Get("Token");
                MDC.Remove("Token");
                NDC.Push(user);
                using (ThreadContext.Stacks["NDC"].Push("login"))
                {
                    log.Logger.Log(typeof(C), Level.Info, "Token refreshed for " + user, null);
                }
            }
        }
        """);

    [Fact]
    public Task NLog_MappedContextSet_FixRemovesTheStatement() => Fix.VerifyCodeFixAsync("""
        using NLog;

        class C
        {
            void M(ILogger logger, string token, string userId)
            {
                MappedDiagnosticsLogicalContext.Set("UserId", userId);
                MappedDiagnosticsLogicalContext.Set("Token", {|LS0002:token|});
                logger.Info("Signed in");
            }
        }
        """, """
        using NLog;

        class C
        {
            void M(ILogger logger, string token, string userId)
            {
                MappedDiagnosticsLogicalContext.Set("UserId", userId);
                logger.Info("Signed in");
            }
        }
        """);

    [Fact]
    public Task NLog_NestedContextScope_FixKeepsTheBody() => Fix.VerifyCodeFixAsync("""
        using NLog;

        class C
        {
            void M(ILogger logger, string token)
            {
                using (NestedDiagnosticsLogicalContext.Push({|LS0002:token|}))
                {
                    logger.Info("Calling upstream");
                }

                using var scope = MappedDiagnosticsLogicalContext.SetScoped("Token", {|LS0002:token|});
                logger.Info("Done");
            }
        }
        """, """
        using NLog;

        class C
        {
            void M(ILogger logger, string token)
            {
                logger.Info("Calling upstream");
                logger.Info("Done");
            }
        }
        """);

    [Fact]
    public Task NLog_NestedContextPushWithPop_FixKeepsThePushBalanced() => Fix.VerifyCodeFixAsync("""
        using NLog;

        class C
        {
            void Handle(ILogger logger, string token)
            {
                NestedDiagnosticsContext.Push({|LS0002:token|});
                logger.Info("Calling upstream");
                NestedDiagnosticsContext.Pop();
            }
        }
        """, """
        using NLog;

        class C
        {
            void Handle(ILogger logger, string token)
            {
                NestedDiagnosticsContext.Push("<event>" /* TODO: name the event this call logs; LogSafety removed the secret it wrote */);
                logger.Info("Calling upstream");
                NestedDiagnosticsContext.Pop();
            }
        }
        """);

    [Fact]
    public Task NLog_MessageGenerator_FixKeepsTheEvent() => Fix.VerifyCodeFixAsync("""
        using NLog;

        class C
        {
            void M(ILogger logger, string token, string userId)
            {
                logger.Debug(() => "Token issued to " + userId + ": " + {|LS0002:token|});
            }
        }
        """, """
        using NLog;

        class C
        {
            void M(ILogger logger, string token, string userId)
            {
                logger.Debug(() => "Token issued to " + userId);
            }
        }
        """);

    [Fact]
    public Task Log4Net_CoreLoggerAndStacks_FixKeepsTheCallsCompiling() => Fix.VerifyCodeFixAsync("""
        using System;
        using log4net;
        using log4net.Core;

        class C
        {
            void Login(ILog log, string password, string apiKey, string user)
            {
                MDC.Set("Key", {|LS0002:apiKey|});
                log.Logger.Log(typeof(C), Level.Info, {|LS0001:password|}, null);
                NDC.PushFormat("User {0} key {1}", user, {|LS0002:apiKey|});
                using (ThreadContext.Stacks["NDC"].Push({|LS0002:apiKey|}))
                {
                    log.Info("Calling upstream");
                }
            }
        }
        """, """
        using System;
        using log4net;
        using log4net.Core;

        class C
        {
            void Login(ILog log, string password, string apiKey, string user)
            {
                log.Logger.Log(typeof(C), Level.Info, "Login", null);
                NDC.PushFormat("User {0}", user);
                log.Info("Calling upstream");
            }
        }
        """);

    [Fact]
    public Task Log4Net_ContextProperties_Report() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using log4net;

        class C
        {
            void M(ILog log, string token, string password, string value, string user, Dictionary<string, string> headers)
            {
                ThreadContext.Properties["Token"] = {|LS0002:token|};
                LogicalThreadContext.Properties["Secret"] = {|LS0001:password|};
                LogicalThreadContext.Properties["ApiKey"] = {|LS0002:value|};

                // The global context holds settings that appenders read as configuration, not event data.
                GlobalContext.Properties["ConnectionString"] = value;
                ThreadContext.Properties["User"] = user;
                ThreadContext.Properties["TokenLength"] = token.Length;
                headers["Token"] = token;
                log.Info("Signed in");
            }
        }
        """);

    [Fact]
    public Task NLog_EventProperties_Report() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using NLog;

        class C
        {
            void M(ILogger logger, string refreshToken, string userId, Dictionary<string, object> bag)
            {
                var logEvent = new LogEventInfo(LogLevel.Info, logger.Name, "Token refreshed");
                logEvent.Properties["RefreshToken"] = {|LS0002:refreshToken|};
                logEvent.Properties["UserId"] = userId;
                bag["RefreshToken"] = refreshToken;
                logger.Log(logEvent);
            }
        }
        """);

    [Fact]
    public Task ContextProperties_FixRemovesTheAssignment() => Fix.VerifyCodeFixAsync("""
        using log4net;
        using NLog;

        class C
        {
            void M(ILog log, Logger logger, string token, string user)
            {
                ThreadContext.Properties["User"] = user;
                ThreadContext.Properties["Token"] = {|LS0002:token|};
                log.Info("Signed in");

                var logEvent = new LogEventInfo(NLog.LogLevel.Info, logger.Name, "Token refreshed");
                logEvent.Properties["Token"] = {|LS0002:token|};
                logger.Log(logEvent);
            }
        }
        """, """
        using log4net;
        using NLog;

        class C
        {
            void M(ILog log, Logger logger, string token, string user)
            {
                ThreadContext.Properties["User"] = user;
                log.Info("Signed in");

                var logEvent = new LogEventInfo(NLog.LogLevel.Info, logger.Name, "Token refreshed");
                logger.Log(logEvent);
            }
        }
        """);

    [Fact]
    public Task NLog_InternalLogger_AndSerilog_LevelForContext_Report() => Verify.VerifyAnalyzerAsync("""
        using NLog.Common;
        using Serilog;
        using Serilog.Events;

        class C
        {
            void M(ILogger logger, string apiKey, string url)
            {
                InternalLogger.Debug("Sending to {0} with key {1}", url, {|LS0002:apiKey|});
                InternalLogger.Info("Sending to {0}", url);
                logger.ForContext(LogEventLevel.Debug, "ApiKey", {|LS0002:apiKey|}).Information("Sending");
                logger.ForContext(LogEventLevel.Debug, "Url", url).Information("Sending");
            }
        }
        """);

    [Fact]
    public Task Serilog_LevelForContext_FixDropsTheCall() => Fix.VerifyCodeFixAsync("""
        using Serilog;
        using Serilog.Events;

        class C
        {
            void M(ILogger logger, string apiKey)
            {
                logger.ForContext(LogEventLevel.Debug, "ApiKey", {|LS0002:apiKey|}).Information("Sending");
            }
        }
        """, """
        using Serilog;
        using Serilog.Events;

        class C
        {
            void M(ILogger logger, string apiKey)
            {
                logger.Information("Sending");
            }
        }
        """);

    [Fact]
    public Task Log4Net_LogExtensions_ReportMessagesAndCallbacks() => Verify.VerifyAnalyzerAsync("""
        using log4net;
        using log4net.Util;

        class C
        {
            void M(ILog log, string token, string user)
            {
                log.DebugExt("Token " + {|LS0002:token|});
                log.InfoFormatExt("User {0} token {1}", user, {|LS0002:token|});
                log.WarnExt(() => "Token " + {|LS0002:token|});
                log.ErrorExt(() => "Failed for " + user);
                LogLog.Debug(typeof(C), "Token " + {|LS0002:token|});
            }
        }
        """);

    [Fact]
    public Task ContextsAndProperties_MessageNamesTheContext() => Verify.VerifyAnalyzerAsync("""
        using log4net;
        using NLog;

        class C
        {
            void M(string apiKey, string token)
            {
                {|#1:MappedDiagnosticsLogicalContext.Set("ApiKey", {|#0:apiKey|})|};
                {|#3:ThreadContext.Properties["Token"] = {|#2:token|}|};
            }
        }
        """,
        Verify.Diagnostic("LS0002").WithLocation(0).WithLocation(1).WithArguments("apiKey", "looks like an API key", "MappedDiagnosticsLogicalContext.Set"),
        Verify.Diagnostic("LS0002").WithLocation(2).WithLocation(3).WithArguments("token", "looks like a token", "ThreadContext.Properties"));
}
