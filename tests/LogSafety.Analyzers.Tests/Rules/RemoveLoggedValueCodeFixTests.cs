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
    public Task Serilog_ForContextInChain_RemovesTheCall() => Verify.VerifyCodeFixAsync("""
        using Serilog;

        class C
        {
            void M(ILogger logger, string token, string email)
            {
                logger
                    .ForContext("Token", {|LS0002:token|})
                    .Information("Signed in {Email}", email);
            }
        }
        """, """
        using Serilog;

        class C
        {
            void M(ILogger logger, string token, string email)
            {
                logger
                    .Information("Signed in {Email}", email);
            }
        }
        """);

    [Fact]
    public Task Serilog_StaticForContext_UsesLogLogger() => Verify.VerifyCodeFixAsync("""
        using Serilog;

        class C
        {
            void M(string sessionId)
            {
                var log = Log.ForContext("SessionId", {|LS0003:sessionId|});
                log.Information("Started");
            }
        }
        """, """
        using Serilog;

        class C
        {
            void M(string sessionId)
            {
                var log = Log.Logger;
                log.Information("Started");
            }
        }
        """);

    [Fact]
    public Task Serilog_PushPropertyUsingStatement_KeepsTheBody() => Verify.VerifyCodeFixAsync("""
        using Serilog;
        using Serilog.Context;

        class C
        {
            void M(string apiKey)
            {
                using (LogContext.PushProperty("ApiKey", {|LS0002:apiKey|}))
                {
                    Log.Information("Calling upstream");
                    Log.Information("Done");
                }
            }
        }
        """, """
        using Serilog;
        using Serilog.Context;

        class C
        {
            void M(string apiKey)
            {
                Log.Information("Calling upstream");
                Log.Information("Done");
            }
        }
        """);

    [Fact]
    public Task Serilog_PushPropertyUsingDeclaration_RemovesStatement() => Verify.VerifyCodeFixAsync("""
        using Serilog;
        using Serilog.Context;

        class C
        {
            void M(string sessionId, string requestId)
            {
                using var request = LogContext.PushProperty("RequestId", requestId);
                using var session = LogContext.PushProperty("SessionId", {|LS0003:sessionId|});
                Log.Information("Handling");
            }
        }
        """, """
        using Serilog;
        using Serilog.Context;

        class C
        {
            void M(string sessionId, string requestId)
            {
                using var request = LogContext.PushProperty("RequestId", requestId);
                Log.Information("Handling");
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
    public Task NLog_EventBuilderProperty_RemovesTheCall() => Verify.VerifyCodeFixAsync("""
        using NLog;

        class C
        {
            void M(Logger logger, string bearerToken)
            {
                logger.ForInfoEvent().Property("BearerToken", {|LS0002:bearerToken|}).Message("Authorized").Log();
            }
        }
        """, """
        using NLog;

        class C
        {
            void M(Logger logger, string bearerToken)
            {
                logger.ForInfoEvent().Message("Authorized").Log();
            }
        }
        """);

    [Fact]
    public Task Mel_DictionaryIndexerEntry_RemovesEntry() => Verify.VerifyCodeFixAsync("""
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string userId, string sessionId)
            {
                using var scope = logger.BeginScope(new Dictionary<string, object>
                {
                    ["UserId"] = userId,
                    ["SessionId"] = {|LS0003:sessionId|},
                });
            }
        }
        """, """
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string userId, string sessionId)
            {
                using var scope = logger.BeginScope(new Dictionary<string, object>
                {
                    ["UserId"] = userId,
                });
            }
        }
        """);

    [Fact]
    public Task Mel_DictionaryCollectionEntry_RemovesEntry() => Verify.VerifyCodeFixAsync("""
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string password, string userId)
            {
                using var scope = logger.BeginScope(new Dictionary<string, object> { { "Password", {|LS0001:password|} }, { "UserId", userId } });
            }
        }
        """, """
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string password, string userId)
            {
                using var scope = logger.BeginScope(new Dictionary<string, object> { { "UserId", userId } });
            }
        }
        """);

    [Fact]
    public Task Mel_KeyValuePairListEntry_RemovesEntry() => Verify.VerifyCodeFixAsync("""
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string userId, string token)
            {
                using var scope = logger.BeginScope(new List<KeyValuePair<string, object>>
                {
                    new("UserId", userId),
                    new("Token", {|LS0002:token|})
                });
            }
        }
        """, """
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string userId, string token)
            {
                using var scope = logger.BeginScope(new List<KeyValuePair<string, object>>
                {
                    new("UserId", userId)
                });
            }
        }
        """);

    [Fact]
    public Task Serilog_KeyedTupleInArray_RemovesPair() => Verify.VerifyCodeFixAsync("""
        using Serilog;

        class C
        {
            void M(string userId, string otp)
            {
                Log.Information("Fields {@Fields}", new[] { ("UserId", userId), ("Otp", {|LS0002:otp|}) });
            }
        }
        """, """
        using Serilog;

        class C
        {
            void M(string userId, string otp)
            {
                Log.Information("Fields {@Fields}", new[] { ("UserId", userId) });
            }
        }
        """);

    [Fact]
    public Task Serilog_NamedTupleElement_RemovesElement() => Verify.VerifyCodeFixAsync("""
        using Serilog;

        class C
        {
            void M(string email, string password, string ip)
            {
                Log.Information("Attempt {@Attempt}", (Email: email, Password: {|LS0001:password|}, Ip: ip));
            }
        }
        """, """
        using Serilog;

        class C
        {
            void M(string email, string password, string ip)
            {
                Log.Information("Attempt {@Attempt}", (Email: email, Ip: ip));
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
    public Task Wrapper_AnonymousObjectMember_RemovesMember() => Verify.VerifyCodeFixAsync("""
        using Microsoft.Extensions.Logging;

        class Audit
        {
            private readonly ILogger _logger;

            public Audit(ILogger logger) => _logger = logger;

            public void Log(string eventName, object details) => _logger.LogInformation("{Event} {@Details}", eventName, details);

            void M(string email, string ip, string password)
            {
                Log("login_failed", new { email, ip, {|LS0001:password|} });
            }
        }
        """, """
        using Microsoft.Extensions.Logging;

        class Audit
        {
            private readonly ILogger _logger;

            public Audit(ILogger logger) => _logger = logger;

            public void Log(string eventName, object details) => _logger.LogInformation("{Event} {@Details}", eventName, details);

            void M(string email, string ip, string password)
            {
                Log("login_failed", new { email, ip });
            }
        }
        """);

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

    [Fact]
    public Task NLog_ScopeContextUsingWithSingleStatement_KeepsTheStatement() => Verify.VerifyCodeFixAsync("""
        using NLog;

        class C
        {
            void M(Logger logger, string sessionId)
            {
                using (ScopeContext.PushProperty("SessionId", {|LS0003:sessionId|}))
                    logger.Info("Request handled");
            }
        }
        """, """
        using NLog;

        class C
        {
            void M(Logger logger, string sessionId)
            {
                logger.Info("Request handled");
            }
        }
        """);

    [Fact]
    public Task Serilog_PushPropertyExpressionStatement_RemovesStatement() => Verify.VerifyCodeFixAsync("""
        using Serilog;
        using Serilog.Context;

        class C
        {
            void M(string token)
            {
                LogContext.PushProperty("Token", {|LS0002:token|});
                Log.Information("Calling");
            }
        }
        """, """
        using Serilog;
        using Serilog.Context;

        class C
        {
            void M(string token)
            {
                Log.Information("Calling");
            }
        }
        """);

    [Fact]
    public Task Serilog_PushPropertyWhoseScopeIsUsed_OffersNoFix() => Verify.VerifyCodeFixAsync("""
        using Serilog.Context;

        class C
        {
            void M(string token)
            {
                var scope = LogContext.PushProperty("Token", {|LS0002:token|});
                scope.Dispose();
            }
        }
        """, """
        using Serilog.Context;

        class C
        {
            void M(string token)
            {
                var scope = LogContext.PushProperty("Token", {|LS0002:token|});
                scope.Dispose();
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
