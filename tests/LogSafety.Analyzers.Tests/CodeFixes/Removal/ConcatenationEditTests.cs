using System.Threading.Tasks;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LogSafety.Analyzers.Rules.LoggedSecretAnalyzer,
    LogSafety.CodeFixes.RemoveLoggedValueCodeFixProvider>;

namespace LogSafety.Analyzers.Tests.CodeFixes.Removal;

/// <summary>"Remove '…' from the log call", one diagnostic at a time (mirrors src/LogSafety.CodeFixes/Removal/ConcatenationEdit.cs): Removing a concatenation operand with the label text of the literal before it.</summary>
public sealed class ConcatenationEditTests
{
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
    public Task Console_ConcatenationInMiddle_KeepsTheRest() => Verify.VerifyCodeFixAsync("""
        using System;

        class C
        {
            void M(string user, string password, int attempts)
            {
                Console.WriteLine("User " + user + " password " + {|LS0001:password|} + " after " + attempts + " attempts");
            }
        }
        """, """
        using System;

        class C
        {
            void M(string user, string password, int attempts)
            {
                Console.WriteLine("User " + user + " after " + attempts + " attempts");
            }
        }
        """);

    [Fact]
    public Task Mel_ConcatenatedMessage_KeepsEventText() => Verify.VerifyCodeFixAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string token)
            {
                logger.LogInformation("Refresh token: " + {|LS0002:token|});
            }
        }
        """, """
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string token)
            {
                logger.LogInformation("Refresh token");
            }
        }
        """);
}
