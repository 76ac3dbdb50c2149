using System.Threading.Tasks;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LogSafety.Analyzers.Rules.LoggedSecretAnalyzer>;

namespace LogSafety.Analyzers.Tests.Rules;

/// <summary>Lines seen in real services that must stay quiet: the peers that flag them get switched off.</summary>
public sealed class RealisticNegativesTests
{
    // healthgateway's NotificationSettingsJob (docs/precision.md): the token is logged only when it is null or empty.
    [Fact]
    public Task ValueLoggedOnlyWhenNullOrEmpty_DoesNotReport_ButOtherBranchesDo() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.Extensions.Logging;

        class Job
        {
            private string? _apiKey;

            string? Fetch() => null;

            void Run(ILogger logger, string? accessToken, string? password, bool retry)
            {
                if (string.IsNullOrEmpty(accessToken))
                {
                    logger.LogError("Access token is null or empty, Error:\n{AccessToken}", accessToken);
                }

                if (password is null) logger.LogWarning("No password: {Password}", password);
                if (password?.Length == 0) logger.LogWarning("Password {Password}", {|LS0001:password|});
                if (string.IsNullOrWhiteSpace(_apiKey) && !retry) logger.LogWarning($"Api key '{_apiKey}' missing");

                if (!string.IsNullOrEmpty(accessToken)) logger.LogInformation("Token {Token}", {|LS0002:accessToken|});
                if (string.IsNullOrEmpty(accessToken) || retry) logger.LogInformation("Token {Token}", {|LS0002:accessToken|});
                if (string.IsNullOrEmpty(accessToken))
                {
                    accessToken = Fetch();
                    logger.LogInformation("Token {Token}", {|LS0002:accessToken|});
                }

                if (string.IsNullOrEmpty(accessToken))
                {
                    Action later = () => logger.LogInformation("Token {Token}", {|LS0002:accessToken|});
                }
            }
        }
        """);

    // A masked password under its own name, as a login form logs it (FabricaHilos' Login.cs before its current commit):
    // one repeated character lets only the length through. A string made from the password itself is still reported.
    [Fact]
    public Task MaskOfOneRepeatedCharacter_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.Extensions.Logging;

        class Login
        {
            void M(ILogger logger, string user, string password, char maskChar)
            {
                logger.LogInformation("User {User} password {Password}", user, new string('*', password.Length));
                var masked = new string('*', password.Length);
                logger.LogInformation("Password {Password}", masked);
                Console.WriteLine("password: " + new string('•', 8));
                logger.LogInformation("Password {Password}", {|LS0001:new string(password.ToCharArray())|});
            }
        }
        """);

    [Fact]
    public Task AuthServiceLogLines_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Threading;
        using Microsoft.Extensions.Logging;

        class TokenResponse { public string TokenType { get; set; } = ""; public DateTime ValidTo { get; set; } public string Scope { get; set; } = ""; }
        class RefreshToken { public Guid Id { get; set; } public string FamilyId { get; set; } = ""; public DateTime ExpiresAt { get; set; } }
        class SecretRef { public string Name { get; set; } = ""; public string Version { get; set; } = ""; }
        class CheckoutSession { public string Id { get; set; } = ""; }
        class Options { public string TokenEndpoint { get; set; } = ""; public string Authority { get; set; } = ""; public int PasswordMinLength { get; set; } }

        class AuthService
        {
            private readonly ILogger<AuthService> _logger = null!;

            void M(string email, string ip, Guid userId, TokenResponse response, RefreshToken token, SecretRef secret,
                   CheckoutSession checkoutSession, Options options, IList<string> tokens, CancellationToken cancellationToken,
                   string cacheKey, string clientId, string keyId, string apiKeyHeaderName, Exception ex, string state)
            {
                _logger.LogInformation("Token validated for {UserId}", userId);
                _logger.LogDebug("Using token endpoint {TokenEndpoint} at {Authority}", options.TokenEndpoint, options.Authority);
                _logger.LogInformation("Password reset requested for {Email} from {Ip}", email, ip);
                _logger.LogInformation("Key {KeyId} rotated", keyId);
                _logger.LogDebug("Cache key {CacheKey}", cacheKey);
                _logger.LogInformation("Secret {Secret} version {Version} loaded", secret.Name, secret.Version);
                _logger.LogError(ex, "Failed to refresh token for {ClientId}", clientId);
                _logger.LogDebug("Token type {TokenType}, valid to {ValidTo}, scope {Scope}", response.TokenType, response.ValidTo, response.Scope);
                _logger.LogDebug("Received {Count} tokens", tokens.Count);
                _logger.LogInformation("Token {Token} revoked, family {Family}, expires {ExpiresAt}", token.Id, token.FamilyId, token.ExpiresAt);
                _logger.LogInformation("Checkout session {SessionId} completed", checkoutSession.Id);
                _logger.LogInformation("Api key header {Header}", apiKeyHeaderName);
                _logger.LogInformation("Minimum password length {Length}", options.PasswordMinLength);
                _logger.LogInformation("Working in {Pwd}", Directory.GetCurrentDirectory());
                _logger.LogDebug("OAuth state {State}", state);
                _logger.LogInformation("Cancelled {Cancelled}", cancellationToken.IsCancellationRequested);
            }
        }
        """);

    [Fact]
    public Task LexerToken_DoesNotReport_ButTokenInAuthCodeDoes() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        namespace Acme.Expressions
        {
            class ExpressionParser
            {
                private readonly ILogger _logger = null!;
                void Next(string token) => _logger.LogDebug("Unexpected token {Token}", token);
            }
        }

        namespace Acme.Auth
        {
            class TokenValidator
            {
                private readonly ILogger _logger = null!;
                void Validate(string token, string accessToken) => _logger.LogDebug("Validating {Token} {Access}", {|LS0002:token|}, {|LS0002:accessToken|});
            }

            class JsonReaderHelper
            {
                private readonly ILogger _logger = null!;
                void Read(string accessToken) => _logger.LogDebug("Read {Access}", {|LS0002:accessToken|});
            }
        }
        """);

    [Fact]
    public Task RequestMiddlewareLogLines_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Diagnostics;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;

        record UserDto(Guid Id, string Email, string DisplayName, DateTimeOffset CreatedAt);

        class RequestLoggingMiddleware
        {
            private readonly RequestDelegate _next;
            private readonly ILogger<RequestLoggingMiddleware> _logger;

            public RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger) { _next = next; _logger = logger; }

            public async Task InvokeAsync(HttpContext context, UserDto user)
            {
                var stopwatch = Stopwatch.StartNew();
                await _next(context);
                var request = context.Request;
                _logger.LogInformation("{Method} {Path}{Query} -> {Status} in {Elapsed} ms",
                    request.Method, request.Path, request.QueryString.HasValue ? "?" : "", context.Response.StatusCode, stopwatch.ElapsedMilliseconds);
                _logger.LogDebug("Content type {ContentType}, length {Length}, {HeaderCount} headers, user agent {UserAgent}",
                    request.ContentType, request.ContentLength, request.Headers.Count, request.Headers.UserAgent);
                _logger.LogDebug("Has authorization header: {HasAuth}", request.Headers.ContainsKey("Authorization"));
                _logger.LogDebug("Trace {TraceId} from {Ip}", context.TraceIdentifier, context.Connection.RemoteIpAddress);
                _logger.LogInformation("Signed in {@User}", user);
                _logger.LogInformation("User {User}", user);
            }
        }
        """);
}
