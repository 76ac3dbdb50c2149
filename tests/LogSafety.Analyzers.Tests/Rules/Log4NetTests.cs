using System.Threading.Tasks;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LogSafety.Analyzers.Rules.LoggedSecretAnalyzer>;

namespace LogSafety.Analyzers.Tests.Rules;

public sealed class Log4NetTests
{
    [Fact]
    public Task Log4Net_MessageAndFormatMethods_Report() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Globalization;
        using log4net;

        class C
        {
            void M(ILog log, Exception ex, string email, string password, string sessionId)
            {
                log.Debug({|LS0001:password|});
                log.Info("Login " + email + " " + {|LS0001:password|});
                log.Warn($"Login {email} {{|LS0001:password|}}", ex);
                log.Error({|LS0003:sessionId|}, ex);
                log.DebugFormat("Login {0} {1}", email, {|LS0001:password|});
                log.InfoFormat(CultureInfo.InvariantCulture, "Login {0} {1}", email, {|LS0001:password|});
                log.FatalFormat("Session {0}", {|LS0003:sessionId|});
            }
        }
        """);

    [Fact]
    public Task Log4Net_SafeValues_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using log4net;

        class C
        {
            void M(ILog log, string email, string password)
            {
                log.Info("Password changed");
                log.InfoFormat("Login {0} ({1} chars)", email, password.Length);
                log.Info(email);
            }
        }
        """);
}
