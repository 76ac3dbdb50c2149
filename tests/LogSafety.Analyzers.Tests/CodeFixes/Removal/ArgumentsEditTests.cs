using System.Threading.Tasks;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LogSafety.Analyzers.Rules.LoggedSecretAnalyzer,
    LogSafety.CodeFixes.RemoveLoggedValueCodeFixProvider>;

namespace LogSafety.Analyzers.Tests.CodeFixes.Removal;

/// <summary>"Remove '…' from the log call", one diagnostic at a time (mirrors src/LogSafety.CodeFixes/Removal/ArgumentsEdit.cs): Removing a named template argument with its hole, an optional or params argument, an element of an explicit array.</summary>
public sealed class ArgumentsEditTests
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
    public Task Mel_SafeArgumentBesideSecret_IsLeftAlone() => Verify.VerifyCodeFixAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string email, string password)
            {
                logger.LogInformation("Login {Email} {PasswordLength}", email, password.Length);
            }
        }
        """, """
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string email, string password)
            {
                logger.LogInformation("Login {Email} {PasswordLength}", email, password.Length);
            }
        }
        """);

    [Fact]
    public Task Mel_FirstOfSeveralArguments_RemovesPlaceholderAtStart() => Verify.VerifyCodeFixAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string accessToken, string email)
            {
                logger.LogInformation("{AccessToken} issued to {Email}", {|LS0002:accessToken|}, email);
            }
        }
        """, """
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string accessToken, string email)
            {
                logger.LogInformation("issued to {Email}", email);
            }
        }
        """);

    [Fact]
    public Task Mel_VerbatimTemplateWithEventIdAndException_RemovesValue() => Verify.VerifyCodeFixAsync("""
        using System;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, Exception error, string user, string passwordHash)
            {
                logger.Log(LogLevel.Error, new EventId(7), error, @"Hash ""check"" failed for {User} with {PasswordHash}", user, {|LS0001:passwordHash|});
            }
        }
        """, """
        using System;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, Exception error, string user, string passwordHash)
            {
                logger.Log(LogLevel.Error, new EventId(7), error, @"Hash ""check"" failed for {User}", user);
            }
        }
        """);

    [Fact]
    public Task Mel_BeginScopeTemplate_RemovesValue() => Verify.VerifyCodeFixAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string orderId, string sessionId)
            {
                using var scope = logger.BeginScope("Order {OrderId} session {SessionId}", orderId, {|LS0003:sessionId|});
            }
        }
        """, """
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string orderId, string sessionId)
            {
                using var scope = logger.BeginScope("Order {OrderId}", orderId);
            }
        }
        """);

    [Fact]
    public Task Mel_ExplicitArgumentArray_ElementAndHoleGo() => Verify.VerifyCodeFixAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void Login(ILogger logger, string email, string password)
            {
                logger.LogInformation("Login {Email} with {Password}", new object[] { email, {|LS0001:password|} });
            }
        }
        """, """
        using Microsoft.Extensions.Logging;

        class C
        {
            void Login(ILogger logger, string email, string password)
            {
                logger.LogInformation("Login {Email}", new object[] { email });
            }
        }
        """);

    [Fact]
    public Task Mel_ExceptionFirst_KeepsTheExceptionAndTheTemplateInStep() => Verify.VerifyCodeFixAsync("""
        using System;
        using Microsoft.Extensions.Logging;

        class C
        {
            void CallPartner(ILogger logger, Exception ex, string partner, string apiKey)
            {
                logger.LogError(ex, "Call to {Partner} failed, key {ApiKey}", partner, {|LS0002:apiKey|});
            }
        }
        """, """
        using System;
        using Microsoft.Extensions.Logging;

        class C
        {
            void CallPartner(ILogger logger, Exception ex, string partner, string apiKey)
            {
                logger.LogError(ex, "Call to {Partner} failed", partner);
            }
        }
        """);

    [Fact]
    public Task Serilog_NamedTemplate_RemovesValue() => Verify.VerifyCodeFixAsync("""
        using Serilog;

        class C
        {
            void M(string email, string resetToken)
            {
                Log.Information("Password reset for {Email} with {@ResetToken}", email, {|LS0002:resetToken|});
            }
        }
        """, """
        using Serilog;

        class C
        {
            void M(string email, string resetToken)
            {
                Log.Information("Password reset for {Email}", email);
            }
        }
        """);

    [Fact]
    public Task Wrapper_OptionalParameter_RemovesArgument() => Verify.VerifyCodeFixAsync("""
        using Microsoft.Extensions.Logging;

        class Audit
        {
            private readonly ILogger _logger;

            public Audit(ILogger logger) => _logger = logger;

            public void Log(string eventName, object? details = null) => _logger.LogInformation("{Event} {@Details}", eventName, details);

            void M(string token)
            {
                Log("token_refreshed", {|LS0002:token|});
            }
        }
        """, """
        using Microsoft.Extensions.Logging;

        class Audit
        {
            private readonly ILogger _logger;

            public Audit(ILogger logger) => _logger = logger;

            public void Log(string eventName, object? details = null) => _logger.LogInformation("{Event} {@Details}", eventName, details);

            void M(string token)
            {
                Log("token_refreshed");
            }
        }
        """);

    [Fact]
    public Task Wrapper_RequiredParameter_OffersNoFix() => Verify.VerifyCodeFixAsync("""
        using Microsoft.Extensions.Logging;

        class Audit
        {
            private readonly ILogger _logger;

            public Audit(ILogger logger) => _logger = logger;

            public void Log(string eventName, object details) => _logger.LogInformation("{Event} {@Details}", eventName, details);

            void M(string token)
            {
                Log("token_refreshed", {|LS0002:token|});
            }
        }
        """, """
        using Microsoft.Extensions.Logging;

        class Audit
        {
            private readonly ILogger _logger;

            public Audit(ILogger logger) => _logger = logger;

            public void Log(string eventName, object details) => _logger.LogInformation("{Event} {@Details}", eventName, details);

            void M(string token)
            {
                Log("token_refreshed", {|LS0002:token|});
            }
        }
        """);

    [Fact]
    public Task Mel_MultiLineRawTemplate_RemovesPlaceholderKeepsLines() => Verify.VerifyCodeFixAsync(""""
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string user, string password)
            {
                logger.LogInformation("""
                    Signup for {User}
                    with password {Password}
                    """, user, {|LS0001:password|});
            }
        }
        """", """"
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string user, string password)
            {
                logger.LogInformation("""
                    Signup for {User}
                    """, user);
            }
        }
        """");

    [Fact]
    public Task Serilog_ParamsBeyondThreeValues_RemovesOneElement() => Verify.VerifyCodeFixAsync("""
        using Serilog;

        class C
        {
            void M(string a, string b, string c, string jwt)
            {
                Log.Information("{A} {B} {C} {Jwt}", a, b, c, {|LS0002:jwt|});
            }
        }
        """, """
        using Serilog;

        class C
        {
            void M(string a, string b, string c, string jwt)
            {
                Log.Information("{A} {B} {C}", a, b, c);
            }
        }
        """);

    [Fact]
    public Task Wrapper_ParamsElement_RemovesElement() => Verify.VerifyCodeFixAsync("""
        using Microsoft.Extensions.Logging;

        class Audit
        {
            private readonly ILogger _logger;

            public Audit(ILogger logger) => _logger = logger;

            public void Write(string eventName, params object[] values) => _logger.LogInformation("{Event} {Values}", eventName, values);

            void M(string user, string refreshToken)
            {
                Write("refresh", user, {|LS0002:refreshToken|});
            }
        }
        """, """
        using Microsoft.Extensions.Logging;

        class Audit
        {
            private readonly ILogger _logger;

            public Audit(ILogger logger) => _logger = logger;

            public void Write(string eventName, params object[] values) => _logger.LogInformation("{Event} {Values}", eventName, values);

            void M(string user, string refreshToken)
            {
                Write("refresh", user);
            }
        }
        """);
}
