using System.Threading.Tasks;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LogSafety.Analyzers.Rules.LoggedSecretAnalyzer,
    LogSafety.CodeFixes.RemoveLoggedValueCodeFixProvider>;

namespace LogSafety.Analyzers.Tests.CodeFixes.Removal;

/// <summary>"Remove '…' from the log call", one diagnostic at a time (mirrors src/LogSafety.CodeFixes/Removal/ArgumentsEdit.cs): Removing a positional argument ('{0}': Console, Trace, NLog, log4net, string.Format) and renumbering the holes after it.</summary>
public sealed class ArgumentsEditPositionalTests
{
    [Fact]
    public Task Console_PositionalFormat_RenumbersTheRest() => Verify.VerifyCodeFixAsync("""
        using System;

        class C
        {
            void M(string user, string password, string ip)
            {
                Console.WriteLine("User {0} password {1} from {2}", user, {|LS0001:password|}, ip);
            }
        }
        """, """
        using System;

        class C
        {
            void M(string user, string password, string ip)
            {
                Console.WriteLine("User {0} from {1}", user, ip);
            }
        }
        """);

    [Fact]
    public Task Mel_StringFormatArgument_RenumbersFormat() => Verify.VerifyCodeFixAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string user, string token, int attempt)
            {
                logger.LogInformation(string.Format("User {0} token {1} attempt {2}", user, {|LS0002:token|}, attempt));
            }
        }
        """, """
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string user, string token, int attempt)
            {
                logger.LogInformation(string.Format("User {0} attempt {1}", user, attempt));
            }
        }
        """);

    [Fact]
    public Task Console_StringFormatOnlyArgument_CollapsesToText() => Verify.VerifyCodeFixAsync("""
        using System;

        class C
        {
            void M(string apiKey)
            {
                Console.WriteLine(string.Format("Calling the API with key {0}", {|LS0002:apiKey|}));
            }
        }
        """, """
        using System;

        class C
        {
            void M(string apiKey)
            {
                Console.WriteLine("Calling the API with key");
            }
        }
        """);

    [Fact]
    public Task Console_FormatWithEscapedBraces_UnescapesWhenNoValuesLeft() => Verify.VerifyCodeFixAsync("""
        using System;

        class C
        {
            void M(string password)
            {
                Console.WriteLine("Login {{ok}}, password {0}", {|LS0001:password|});
            }
        }
        """, """
        using System;

        class C
        {
            void M(string password)
            {
                Console.WriteLine("Login {ok}");
            }
        }
        """);

    [Fact]
    public Task Log4Net_FormatMethod_RenumbersPositionalHoles() => Verify.VerifyCodeFixAsync("""
        using log4net;

        class C
        {
            void M(ILog log, string secret, string user)
            {
                log.InfoFormat("Client secret {0} used by {1}", {|LS0002:secret|}, user);
            }
        }
        """, """
        using log4net;

        class C
        {
            void M(ILog log, string secret, string user)
            {
                log.InfoFormat("Client secret used by {0}", user);
            }
        }
        """);

    [Fact]
    public Task NLog_PositionalTemplate_RemovesAndRenumbers() => Verify.VerifyCodeFixAsync("""
        using NLog;

        class C
        {
            void M(Logger logger, string user, string pwd, string ip)
            {
                logger.Info("{0} signed in ({1}) from {2}", user, {|LS0001:pwd|}, ip);
            }
        }
        """, """
        using NLog;

        class C
        {
            void M(Logger logger, string user, string pwd, string ip)
            {
                logger.Info("{0} signed in from {1}", user, ip);
            }
        }
        """);

    [Fact]
    public Task NLog_NoValuesLeft_UnescapesBraces() => Verify.VerifyCodeFixAsync("""
        using NLog;

        class C
        {
            void M(Logger logger, string apiKey)
            {
                logger.Warn("{{Config}} loaded. API key {ApiKey}", {|LS0002:apiKey|});
            }
        }
        """, """
        using NLog;

        class C
        {
            void M(Logger logger, string apiKey)
            {
                logger.Warn("{Config} loaded.");
            }
        }
        """);

    [Fact]
    public Task Trace_TraceInformationFormat_RemovesValue() => Verify.VerifyCodeFixAsync("""
        using System.Diagnostics;

        class C
        {
            void M(string user, string sessionKey)
            {
                Trace.TraceInformation("User {0} session key {1}", user, {|LS0003:sessionKey|});
            }
        }
        """, """
        using System.Diagnostics;

        class C
        {
            void M(string user, string sessionKey)
            {
                Trace.TraceInformation("User {0}", user);
            }
        }
        """);
}
