using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LogSafety.Analyzers.Rules.LoggedSecretAnalyzer,
    LogSafety.CodeFixes.RemoveLoggedValueCodeFixProvider>;

namespace LogSafety.Analyzers.Tests.Rules;

/// <summary>"Remove '...' from the log call" for each way a value sits in a log call, one diagnostic at a time.</summary>
public sealed class RemoveLoggedValueCodeFixTests
{
    [Fact]
    public Task Mel_NamedTemplateArgument_RemovesArgumentAndPlaceholder() => Verify.VerifyCodeFixAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string email, string password)
            {
                logger.LogInformation("Login {Email} {Password}", email, {|LS0001:password|});
            }
        }
        """, """
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string email, string password)
            {
                logger.LogInformation("Login {Email}", email);
            }
        }
        """);

    [Fact]
    public Task Mel_LabelledPlaceholderBeforePunctuation_RemovesLabelToo() => Verify.VerifyCodeFixAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, int userId, string password)
            {
                logger.LogWarning("User {UserId} password={Password}.", userId, {|LS0001:password|});
            }
        }
        """, """
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, int userId, string password)
            {
                logger.LogWarning("User {UserId}.", userId);
            }
        }
        """);

    [Fact]
    public Task Mel_MiddleArgumentOnItsOwnLine_KeepsLayout() => Verify.VerifyCodeFixAsync("""
        using System;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, Exception error, string email, string token, int attempt)
            {
                logger.LogError(
                    error,
                    "Refresh failed for {Email}, token {RefreshToken}, attempt {Attempt}",
                    email,
                    {|LS0002:token|},
                    attempt);
            }
        }
        """, """
        using System;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, Exception error, string email, string token, int attempt)
            {
                logger.LogError(
                    error,
                    "Refresh failed for {Email}, attempt {Attempt}",
                    email,
                    attempt);
            }
        }
        """);

    [Fact]
    public Task Mel_OnlyArgument_KeepsEventText() => Verify.VerifyCodeFixAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string sessionId)
            {
                logger.LogDebug("Session started: {SessionId}", {|LS0003:sessionId|});
            }
        }
        """, """
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string sessionId)
            {
                logger.LogDebug("Session started");
            }
        }
        """);

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
    public Task Serilog_InterpolatedHoleWithLabel_RemovesHoleAndLabel() => Verify.VerifyCodeFixAsync("""
        using Serilog;

        class C
        {
            void M(ILogger logger, string email, string apiKey)
            {
                logger.Information($"Client {email} api key: {{|LS0002:apiKey|}}");
            }
        }
        """, """
        using Serilog;

        class C
        {
            void M(ILogger logger, string email, string apiKey)
            {
                logger.Information($"Client {email}");
            }
        }
        """);

    [Fact]
    public Task Console_ConcatenatedOperand_RemovesOperandAndItsLabel() => Verify.VerifyCodeFixAsync("""
        using System;

        class C
        {
            void M(string user, string token)
            {
                Console.WriteLine("Issued for " + user + ", token=" + {|LS0002:token|});
            }
        }
        """, """
        using System;

        class C
        {
            void M(string user, string token)
            {
                Console.WriteLine("Issued for " + user);
            }
        }
        """);

    [Fact]
    public Task Mel_AnonymousMember_RemovesMember() => Verify.VerifyCodeFixAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string email, string password)
            {
                using (logger.BeginScope(new { email, {|LS0001:password|} }))
                {
                }
            }
        }
        """, """
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string email, string password)
            {
                using (logger.BeginScope(new { email }))
                {
                }
            }
        }
        """);
}
