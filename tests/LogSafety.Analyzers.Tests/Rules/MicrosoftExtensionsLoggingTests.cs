using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LogSafety.Analyzers.Rules.LoggedSecretAnalyzer>;

namespace LogSafety.Analyzers.Tests.Rules;

public sealed class MicrosoftExtensionsLoggingTests
{
    [Fact]
    public Task LogInformation_PasswordArgument_Reports() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string email, string password)
            {
                logger.LogInformation("Login {Email} {Password}", email, {|LS0001:password|});
            }
        }
        """);

    [Fact]
    public Task LogInformation_PasswordLength_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string email, string password)
            {
                logger.LogInformation("Login {Email} {PasswordLength}", email, password.Length);
                logger.LogInformation("Login {Email} {HasPassword}", email, string.IsNullOrEmpty(password));
                logger.LogInformation("Password changed for {UserId}", email);
                logger.LogInformation("Login {Email} {Ok}", email, password == "x");
                logger.LogInformation("Login {Email} {Missing}", email, password is null);
            }
        }
        """);

    [Fact]
    public Task Message_Diagnostic_NamesValueReasonAndMethod() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class LoginRequest { public string Email { get; set; } = ""; public string Password { get; set; } = ""; }

        class C
        {
            void M(ILogger logger, LoginRequest request)
            {
                logger.LogWarning("Login {Email} {Secret}", request.Email, {|#0:request.Password|});
            }
        }
        """,
        Verify.Diagnostic("LS0001").WithLocation(0).WithArguments("request.Password", "looks like a password", "LogWarning").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task Placeholder_NamesAnInnocentValue_Reports() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string email, string x)
            {
                logger.LogInformation("Login {Email} {Password}", email, {|#0:x|});
            }
        }
        """,
        Verify.Diagnostic("LS0001").WithLocation(0).WithArguments("x", "is logged as 'Password', which looks like a password,", "LogInformation").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task Placeholder_DescriptorName_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string x, string y)
            {
                logger.LogInformation("Reset {TokenId} {TokenFamily} {PasswordPolicy}", x, y, x);
            }
        }
        """);

    [Fact]
    public Task EveryLevelAndOverload_Reports() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger<C> logger, Exception ex, string accessToken)
            {
                logger.LogTrace("t {T}", {|LS0002:accessToken|});
                logger.LogDebug(new EventId(1), "t {T}", {|LS0002:accessToken|});
                logger.LogInformation(ex, "t {T}", {|LS0002:accessToken|});
                logger.LogWarning(new EventId(2), ex, "t {T}", {|LS0002:accessToken|});
                logger.LogError("t {T}", {|LS0002:accessToken|});
                logger.LogCritical("t {T}", {|LS0002:accessToken|});
                logger.Log(LogLevel.Information, "t {T}", {|LS0002:accessToken|});
                logger.Log(LogLevel.Information, new EventId(3), ex, "t {T}", {|LS0002:accessToken|});
            }
        }
        """);

    [Fact]
    public Task ExceptionArgument_IsNotAValue() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.Extensions.Logging;

        class TokenException : Exception { }

        class C
        {
            void M(ILogger logger, TokenException tokenException, string userId)
            {
                logger.LogError(tokenException, "Token refresh failed for {UserId}", userId);
            }
        }
        """);

    [Fact]
    public Task SessionAndTokenNames_ReportEachRule() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string userId, string sessionId, string refreshToken, string apiKey, string clientSecret, string passwordHash)
            {
                logger.LogInformation("session {UserId} {SessionId}", userId, {|LS0003:sessionId|});
                logger.LogInformation("refresh {UserId} {Token}", userId, {|LS0002:refreshToken|});
                logger.LogInformation("key {Key}", {|LS0002:apiKey|});
                logger.LogInformation("secret {Secret}", {|LS0002:clientSecret|});
                logger.LogInformation("hash {Hash}", {|LS0001:passwordHash|});
            }
        }
        """);

    [Fact]
    public Task SafeFieldsFromTheChapter_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Threading;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string email, string ip, Guid userId, string jti, string family, int tokenCount,
                   DateTime tokenExpiresAt, TimeSpan tokenLifetime, bool tokenValid, CancellationToken cancellationToken,
                   string method, string path, int status, double duration, string nextPageToken, string continuationToken)
            {
                logger.LogInformation("login_success {Email} {Ip} {UserId}", email, ip, userId);
                logger.LogInformation("token_revoked {Jti} {UserId}", jti, userId);
                logger.LogInformation("refresh_token_reuse {Family} {UserId}", family, userId);
                logger.LogInformation("tokens {Count} {ExpiresAt} {Lifetime} {Valid}", tokenCount, tokenExpiresAt, tokenLifetime, tokenValid);
                logger.LogInformation("request {Method} {Path} {Status} {Duration}", method, path, status, duration);
                logger.LogInformation("page {Next} {Continuation} {Ct}", nextPageToken, continuationToken, cancellationToken);
            }
        }
        """);

    [Fact]
    public Task ConstantsLiteralsAndNameof_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        static class GrantTypes { public const string RefreshToken = "refresh_token"; }

        class C
        {
            const string Password = "password";
            void M(ILogger logger, string email, string password)
            {
                logger.LogInformation("grant {GrantType}", GrantTypes.RefreshToken);
                logger.LogInformation("login_failed {Email} {Reason}", email, "wrong_password");
                logger.LogInformation("field {Field}", nameof(password));
                logger.LogInformation("field {Field}", Password);
            }
        }
        """);

    [Fact]
    public Task InterpolatedMessage_HoleWithSecret_Reports() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string email, string password, string resetToken)
            {
                logger.LogInformation($"Login {email} with {{|LS0001:password|}}");
                logger.LogInformation($"Reset link /reset?token={{|LS0002:resetToken|}}");
                logger.LogInformation($"Login {email} ({password.Length} chars)");
            }
        }
        """);

    [Fact]
    public Task ConcatenatedMessage_OperandWithSecret_Reports() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string email, string password)
            {
                logger.LogInformation("Login " + email + " pw=" + {|LS0001:password|});
                logger.LogInformation("Login " + email + " length=" + password.Length);
            }
        }
        """);

    [Fact]
    public Task StringFormatMessage_ArgumentWithSecret_Reports() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string email, string sessionId)
            {
                logger.LogInformation(string.Format("Session {0} for {1}", {|LS0003:sessionId|}, email));
                logger.LogInformation(string.Format("Session for {0}", email));
            }
        }
        """);

    [Fact]
    public Task BeginScope_TemplateAndStates_Report() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string userId, string sessionId, string accessToken)
            {
                using (logger.BeginScope("User {UserId} session {SessionId}", userId, {|LS0003:sessionId|})) { }
                using (logger.BeginScope(new Dictionary<string, object> { ["UserId"] = userId, ["SessionId"] = {|LS0003:sessionId|} })) { }
                using (logger.BeginScope(new Dictionary<string, object> { { "UserId", userId }, { "Token", {|LS0002:accessToken|} } })) { }
                using (logger.BeginScope(new List<KeyValuePair<string, object>> { new("UserId", userId), new("Token", {|LS0002:accessToken|}) })) { }
                using (logger.BeginScope(new { userId, {|LS0003:sessionId|} })) { }
                using (logger.BeginScope(new Dictionary<string, object> { ["UserId"] = userId, ["Session"] = "web" })) { }
            }
        }
        """);

    [Fact]
    public Task ILoggerLog_StateObject_Reports() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string email, string password)
            {
                logger.Log(LogLevel.Information, new EventId(1), new { email, {|LS0001:password|} }, null, (s, e) => "login");
                logger.Log(LogLevel.Information, new EventId(1), new { email }, null, (s, e) => "login");
            }
        }
        """);

    [Fact]
    public Task LoggerMessageDefine_DelegateArgument_Reports() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.Extensions.Logging;

        class C
        {
            private static readonly Action<ILogger, string, string, Exception?> LoginAttempt =
                LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(1), "Login {Email} {Value}");

            private static readonly Func<ILogger, string, IDisposable?> SessionScope =
                LoggerMessage.DefineScope<string>("Session {SessionKey}");

            void M(ILogger logger, string email, string password, string value)
            {
                LoginAttempt(logger, email, {|LS0001:password|}, null);
                LoginAttempt(logger, email, email, null);
                using (SessionScope(logger, {|LS0003:value|})) { }
            }
        }
        """);

    [Fact]
    public Task LoggerMessageAttribute_SensitiveParameter_ReportsAtDeclaration() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        static partial class Log
        {
            [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Login {Email} {Password}")]
            public static partial void LoginAttempt(ILogger logger, string email, string {|LS0001:password|});

            [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Logout {UserId}")]
            public static partial void Logout(ILogger logger, string userId);

            [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Data {Data}")]
            public static partial void Data(ILogger logger, string data);

            public static partial void LoginAttempt(ILogger logger, string email, string password) { }
            public static partial void Logout(ILogger logger, string userId) { }
            public static partial void Data(ILogger logger, string data) { }
        }

        class C
        {
            void M(ILogger logger, string email, string password, string userId, string refreshToken)
            {
                Log.LoginAttempt(logger, email, password);
                Log.Logout(logger, userId);
                Log.Data(logger, {|LS0002:refreshToken|});
            }
        }
        """);

    [Fact]
    public Task NotALogCall_NamedLikeOne_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;

        class Auth
        {
            public bool LogIn(string user, string password) => password.Length > 0;
            public bool Login(string user, string password) => password.Length > 0;
            public void LogOn(string user, string password) { }
            public void Catalog(string password) { }
            public void Dialog(string password) { }
            public Task SignInAsync(string user, string password) => Task.CompletedTask;
        }

        class C
        {
            void M(Auth auth, string user, string password)
            {
                auth.LogIn(user, password);
                auth.Login(user, password);
                auth.LogOn(user, password);
                auth.Catalog(password);
                auth.Dialog(password);
                _ = auth.SignInAsync(user, password);
            }
        }
        """);

    [Fact]
    public Task MembersAndMethods_NamedLikeSecrets_Report() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.Logging;

        class Session { public string Id { get; set; } = ""; public string RefreshToken { get; set; } = ""; }
        class Tokens { public string GenerateAccessToken() => ""; public string HashPassword(string p) => p; public int CountTokens() => 0; }

        class C
        {
            void M(ILogger logger, Session session, Tokens tokens, IConfiguration config, HttpContext context, string password)
            {
                logger.LogInformation("s {S}", {|LS0003:session.Id|});
                logger.LogInformation("t {T}", {|LS0002:tokens.GenerateAccessToken()|});
                logger.LogInformation("h {H}", {|LS0001:tokens.HashPassword(password)|});
                logger.LogInformation("n {N}", tokens.CountTokens());
                logger.LogInformation("k {K}", {|LS0002:config["Jwt:Secret"]|});
                logger.LogInformation("k {K}", config["Jwt:Issuer"]);
                logger.LogInformation("s {S}", context.Session.Id);
                logger.LogInformation("p {P}", {|LS0001:password.Trim().ToLowerInvariant()|});
                logger.LogInformation("t {T}", context.TraceIdentifier);
            }
        }
        """);

    [Fact]
    public Task Sanitizers_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        static class Secrets { public static string Redact(string s) => "***"; public static string Mask(string s) => "***"; }

        class C
        {
            void M(ILogger logger, string accessToken, string maskedToken)
            {
                logger.LogInformation("t {T}", Secrets.Redact(accessToken));
                logger.LogInformation("t {T}", Secrets.Mask(accessToken));
                logger.LogInformation("t {T}", maskedToken);
            }
        }
        """);

    [Fact]
    public Task NonStringTypes_NamedLikeSecrets_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.Extensions.Logging;

        enum PasswordStrength { Weak, Strong }
        class SyntaxToken { }

        class C
        {
            void M(ILogger logger, PasswordStrength password, int otp, SyntaxToken token, DateTimeOffset sessionId)
            {
                logger.LogInformation("{A} {B} {C} {D}", password, otp, token, sessionId);
            }
        }
        """);

    [Fact]
    public Task ConditionalAndCoalesce_BothBranchesJudged() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, bool b, string? accessToken, string refreshToken, string email)
            {
                logger.LogInformation("t {T}", b ? {|LS0002:accessToken|} : email);
                logger.LogInformation("t {T}", {|LS0002:accessToken|} ?? {|LS0002:refreshToken|});
            }
        }
        """);

    [Fact]
    public Task ValueForms_AnonymousTupleArray_Report() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string email, string ip, string password, string data)
            {
                logger.LogInformation("login {@Data}", new { email, ip, {|LS0001:password|} });
                logger.LogInformation("login {@Data}", new { email, Secret = {|LS0001:password|} });
                logger.LogInformation("login {@Data}", new { email, Password = {|LS0001:data|} });
                logger.LogInformation("login {@Data}", new { email, ip });
                logger.LogInformation("login {Data}", ("password", {|LS0001:data|}));
                logger.LogInformation("login {Data}", (Email: email, Password: {|LS0001:data|}));
                logger.LogInformation("login {Data}", (email, {|LS0001:password|}));
                logger.LogInformation("login {Data}", (Email: email, Ip: ip));
                logger.LogInformation("login {A} {B}", new object[] { email, {|LS0001:password|} });
            }
        }
        """);

    [Fact]
    public Task SerializedAnonymousObject_MembersJudged() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Text.Json;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string email, string password, string value)
            {
                logger.LogInformation("login {Body}", JsonSerializer.Serialize(new { email, {|LS0001:password|} }));
                logger.LogInformation("login {Body}", JsonSerializer.Serialize(new Dictionary<string, string> { ["email"] = email, ["api_key"] = {|LS0002:value|} }));
                logger.LogInformation("login {Body}", JsonSerializer.Serialize(new { email }));
            }
        }
        """);

    [Fact]
    public Task LookupsByConstantKey_AreNamedByTheKey() => Verify.VerifyAnalyzerAsync("""
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;

        class C
        {
            async Task M(ILogger logger, ClaimsPrincipal user, HttpContext context)
            {
                logger.LogInformation("t {T}", {|LS0002:user.FindFirst("access_token")?.Value|});
                logger.LogInformation("t {T}", {|LS0002:await context.GetTokenAsync("refresh_token")|});
                logger.LogInformation("t {T}", user.FindFirst("email")?.Value);
                logger.LogInformation("t {T}", user.FindFirst(ClaimTypes.NameIdentifier)?.Value);
            }
        }
        """);

    [Fact]
    public Task ExplicitArgumentArray_ElementsPairWithTheirOwnHoles() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string email, string x)
            {
                logger.LogInformation("Login {Password} {Email}", new object[] { {|LS0001:x|}, email });
                logger.LogInformation("Login {Email} {Password}", new object[] { email, {|LS0001:x|} });
            }
        }
        """);
}
