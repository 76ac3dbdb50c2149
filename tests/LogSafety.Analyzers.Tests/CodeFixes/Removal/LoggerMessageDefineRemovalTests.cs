using System.Threading.Tasks;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LogSafety.Analyzers.Rules.LoggedSecretAnalyzer,
    LogSafety.CodeFixes.RemoveLoggedValueCodeFixProvider>;

namespace LogSafety.Analyzers.Tests.CodeFixes.Removal;

/// <summary>"Remove '…' from the log call", one diagnostic at a time (mirrors src/LogSafety.CodeFixes/Removal/LoggerMessageDefineRemoval.cs): A value passed to a LoggerMessage.Define delegate: template, type arguments and every call stay in step.</summary>
public sealed class LoggerMessageDefineRemovalTests
{
    [Fact]
    public Task LoggerMessageDefineDelegate_TemplateTypeArgumentsAndEveryCallStayInStep() => Verify.VerifyCodeFixAsync("""
        using System;
        using Microsoft.Extensions.Logging;

        class C
        {
            private static readonly Action<ILogger, string, string, Exception?> LoggedIn =
                LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(1), "User {UserId} logged in with {Token}");

            private static readonly Action<ILogger, string, Exception?> KeyRotated =
                LoggerMessage.Define<string>(LogLevel.Information, new EventId(2), "{ApiKey}");

            void M(ILogger logger, string userId, string token, string apiKey)
            {
                LoggedIn(logger, userId, {|LS0002:token|}, null);
                LoggedIn.Invoke(logger, userId, "anonymous", null);
                KeyRotated(logger, {|LS0002:apiKey|}, null);
            }
        }
        """, """
        using System;
        using Microsoft.Extensions.Logging;

        class C
        {
            private static readonly Action<ILogger, string, Exception?> LoggedIn =
                LoggerMessage.Define<string>(LogLevel.Information, new EventId(1), "User {UserId} logged in");

            private static readonly Action<ILogger, Exception?> KeyRotated =
                LoggerMessage.Define(LogLevel.Information, new EventId(2), "<event>" /* TODO: name the event this call logs; LogSafety removed the secret it wrote */);

            void M(ILogger logger, string userId, string token, string apiKey)
            {
                LoggedIn(logger, userId, null);
                LoggedIn.Invoke(logger, userId, null);
                KeyRotated(logger, null);
            }
        }
        """);
}
