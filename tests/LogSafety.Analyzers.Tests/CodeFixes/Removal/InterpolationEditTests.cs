using System.Threading.Tasks;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LogSafety.Analyzers.Rules.LoggedSecretAnalyzer,
    LogSafety.CodeFixes.RemoveLoggedValueCodeFixProvider>;

namespace LogSafety.Analyzers.Tests.CodeFixes.Removal;

/// <summary>"Remove '…' from the log call", one diagnostic at a time (mirrors src/LogSafety.CodeFixes/Removal/InterpolationEdit.cs): Removing an interpolation hole with the label text attached to it.</summary>
public sealed class InterpolationEditTests
{
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
    public Task Console_InterpolationWithEqualsLabel_RemovesLabel() => Verify.VerifyCodeFixAsync("""
        using System;

        class C
        {
            void M(string user, string sessionId)
            {
                Console.WriteLine($"user={user} session_id={{|LS0003:sessionId|}} ok");
            }
        }
        """, """
        using System;

        class C
        {
            void M(string user, string sessionId)
            {
                Console.WriteLine($"user={user} ok");
            }
        }
        """);

    [Fact]
    public Task Debug_OnlyInterpolation_BecomesPlainText() => Verify.VerifyCodeFixAsync("""
        using System.Diagnostics;

        class C
        {
            void M(string clientSecret)
            {
                Debug.WriteLine($"Loaded client secret {{|LS0002:clientSecret|}}");
            }
        }
        """, """
        using System.Diagnostics;

        class C
        {
            void M(string clientSecret)
            {
                Debug.WriteLine("Loaded client secret");
            }
        }
        """);
}
