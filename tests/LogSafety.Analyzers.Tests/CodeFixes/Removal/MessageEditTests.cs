using System.Threading.Tasks;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LogSafety.Analyzers.Rules.LoggedSecretAnalyzer,
    LogSafety.CodeFixes.RemoveLoggedValueCodeFixProvider>;

namespace LogSafety.Analyzers.Tests.CodeFixes.Removal;

/// <summary>"Remove '…' from the log call", one diagnostic at a time (mirrors src/LogSafety.CodeFixes/Removal/MessageEdit.cs): A message that is the secret becomes the event the call site implies.</summary>
public sealed class MessageEditTests
{
    [Fact]
    public Task Mel_MessageIsTheSecret_BecomesTheEventTheMethodNames() => Verify.VerifyCodeFixAsync("""
        using System;
        using Microsoft.Extensions.Logging;

        class C
        {
            void RequestPasswordReset(ILogger logger, string password)
            {
                logger.LogInformation({|LS0001:password|});
            }

            void Configure(ILogger logger, string token)
            {
                Action log = () => logger.LogWarning({|LS0002:token|});
            }
        }
        """, """
        using System;
        using Microsoft.Extensions.Logging;

        class C
        {
            void RequestPasswordReset(ILogger logger, string password)
            {
                logger.LogInformation("Request password reset");
            }

            void Configure(ILogger logger, string token)
            {
                Action log = () => logger.LogWarning("<event>" /* TODO: name the event this call logs; LogSafety removed the secret it wrote */);
            }
        }
        """);

    [Fact]
    public Task Mel_OnlyFunctionWordsLeft_BecomesTheEvent_ButAWordOrAHoleKeepsTheMessage() => Verify.VerifyCodeFixAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void RotateToken(ILogger logger, string oldToken, string newToken, System.DateTime at)
            {
                logger.LogDebug("{OldToken} to {NewToken}", {|LS0002:oldToken|}, {|LS0002:newToken|});
                logger.LogDebug("Rotated {OldToken} to {NewToken}", {|LS0002:oldToken|}, {|LS0002:newToken|});
                logger.LogDebug("{OldToken} to {NewToken} at {At}", {|LS0002:oldToken|}, {|LS0002:newToken|}, at);
            }

            void UnprotectWith(ILogger logger, string token) => logger.LogDebug({|LS0002:token|});
        }
        """, """
        using Microsoft.Extensions.Logging;

        class C
        {
            void RotateToken(ILogger logger, string oldToken, string newToken, System.DateTime at)
            {
                logger.LogDebug("Rotate token");
                logger.LogDebug("Rotated");
                logger.LogDebug("to at {At}", at);
            }

            void UnprotectWith(ILogger logger, string token) => logger.LogDebug("Unprotect");
        }
        """);

    [Fact]
    public Task Mel_MessageIsTheSecretWithValuesAfterIt_OffersNoFix() => Verify.VerifyCodeFixAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void Login(ILogger logger, string password, string email)
            {
                logger.LogInformation({|LS0001:password|}, email);
            }
        }
        """, """
        using Microsoft.Extensions.Logging;

        class C
        {
            void Login(ILogger logger, string password, string email)
            {
                logger.LogInformation({|LS0001:password|}, email);
            }
        }
        """);
}
