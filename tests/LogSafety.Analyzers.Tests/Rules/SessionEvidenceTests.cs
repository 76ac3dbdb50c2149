using System.Threading.Tasks;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LogSafety.Analyzers.Rules.LoggedSecretAnalyzer>;

namespace LogSafety.Analyzers.Tests.Rules;

/// <summary>LS0003 reports a session ID only with evidence that it is a bearer session identifier.</summary>
public sealed class SessionEvidenceTests
{
    [Fact]
    public Task IdOfAnAppSessionWithoutCredentials_DoesNotReport_ButSessionHoldingATokenDoes() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.Extensions.Logging;

        // A transcoding job the app calls a session: its id is a hash of device and client, and authenticates nothing.
        class EncoderSession { public string Id { get; set; } = ""; public string DeviceId { get; set; } = ""; public Guid OwnerId { get; set; } }

        // A login session that carries the credential next to its id.
        class LoginSession { public string Id { get; set; } = ""; public string BearerToken { get; set; } = ""; public DateTime ExpiresAt { get; set; } }

        class Worker
        {
            private readonly ILogger<Worker> _log = null!;
            private readonly EncoderSession _current = new();

            void Run(EncoderSession session, LoginSession userSession)
            {
                _log.LogDebug("Encoder session {SessionId} joined by {DeviceId}", session.Id, session.DeviceId);
                _log.LogWarning("Session {Id} left", _current.Id);
                _log.LogInformation("Login session {Id} opened", {|LS0003:userSession.Id|});
            }
        }
        """);

    [Fact]
    public Task AspNetCoreSessionId_DoesNotReport_ButAnOutrightSessionIdNameDoes() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;

        class Cache
        {
            // ISession.Id is a random GUID kept inside the session's data, not the cookie or the store key: ASP.NET Core
            // logs it itself ("Session started; Key:{sessionKey}, Id:{sessionId}").
            void Load(ILogger logger, HttpContext context, ISession session, string sessionId)
            {
                logger.LogDebug("Cache for session {Id}", context.Session.Id);
                logger.LogDebug("Cache for session {Id}", session.Id);
                logger.LogDebug("Resumed {SessionId}", {|LS0003:sessionId|});
            }
        }
        """);

    [Fact]
    public Task GuidSessionId_NeedsEvidence_ButAStringSessionIdIsReportedByItsName() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.Extensions.Logging;

        // A session record's key: a route value (DELETE /sessions/{sessionId}) and a foreign key, not the bearer secret.
        record SessionRevoked(Guid SessionId, Guid UserId);

        class Sessions
        {
            void Revoke(ILogger logger, Guid sessionId, Guid? previousSessionId, SessionRevoked revoked, string sessionToken, string cookieSessionId)
            {
                logger.LogInformation("Session {SessionId} revoked", sessionId);
                logger.LogInformation("Replaced {Previous}", previousSessionId);
                logger.LogInformation("Session {SessionId} revoked for {UserId}", revoked.SessionId, revoked.UserId);
                logger.LogInformation("Token {Value}", {|LS0003:sessionToken|});
                logger.LogInformation("Resumed {SessionId}", {|LS0003:cookieSessionId|});
            }
        }
        """);

    [Fact]
    public Task LoggerMessageParameters_ASessionIdThatNeedsEvidenceIsJudgedWhereItIsPassed() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Security.Cryptography;
        using Microsoft.Extensions.Logging;

        static partial class Log
        {
            [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Session {SessionId} revoked")]
            public static partial void Revoked(ILogger logger, Guid sessionId);

            [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Signed out sid {Sid}")]
            public static partial void SignedOut(ILogger logger, string sid);

            [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Resumed {SessionId}")]
            public static partial void Resumed(ILogger logger, string {|LS0003:sessionId|});

            public static partial void Revoked(ILogger logger, Guid sessionId) { }
            public static partial void SignedOut(ILogger logger, string sid) { }
            public static partial void Resumed(ILogger logger, string sessionId) { }
        }

        class Sessions
        {
            void End(ILogger logger, Guid rowKey, string claimSid, string current)
            {
                Log.Revoked(logger, rowKey);
                Log.SignedOut(logger, claimSid);
                var sid = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
                Log.SignedOut(logger, {|LS0003:sid|});
                Log.Resumed(logger, current);
            }
        }
        """);

    [Fact]
    public Task SessionIdLoggedAsSid_NeedsTheEvidenceABareSidNeeds() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Security.Cryptography;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;

        // A BFF's record of an OpenID Connect login: SessionId holds the provider's "sid" claim.
        class UserSession { public string SubjectId { get; set; } = ""; public string SessionId { get; set; } = ""; }

        class Store
        {
            void Create(ILogger logger, UserSession session, HttpResponse response)
            {
                logger.LogDebug("Creating user session for sub {sub} sid {sid}", session.SubjectId, session.SessionId);
                var current = session.SessionId;
                logger.LogDebug("Revoked tokens of sid {sid}", current);
                logger.LogDebug("Creating user session {SessionId}", {|LS0003:session.SessionId|});

                var sessionId = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
                response.Cookies.Append("app.sid", sessionId);
                logger.LogDebug("Issued sid {sid}", {|LS0003:sessionId|});
            }
        }
        """);

    [Fact]
    public Task SessionCreatedFromCryptoRandom_Reports_ButSessionFromGuidDoesNot() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Security.Cryptography;
        using Microsoft.Extensions.Logging;

        record WebSession(string Id, Guid UserId);
        record DraftSession(string Id, string FileName);

        class Sessions
        {
            public WebSession Open(Guid user)
            {
                var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
                return new WebSession(id, user);
            }

            public DraftSession Start(string file) => new DraftSession(Guid.NewGuid().ToString("N"), file);
        }

        class Api
        {
            void Handle(ILogger logger, Sessions sessions, Guid user)
            {
                var session = sessions.Open(user);
                logger.LogInformation("Opened {Session}", {|LS0003:session.Id|});
                var draftSession = sessions.Start("a.txt");
                logger.LogInformation("Draft {Session} started", draftSession.Id);
            }
        }
        """);

    [Fact]
    public Task OutrightSessionIdName_Reports_ButPlaybackSessionIdDoesNot() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class Controller
        {
            void Get(ILogger logger, string sessionToken, string playbackSessionId)
            {
                logger.LogInformation("Resuming {Token}", {|LS0003:sessionToken|});
                logger.LogInformation("Playback {Id}", playbackSessionId);
            }
        }
        """);

    [Fact]
    public Task ProtocolSid_DoesNotReport_ButSidWrittenToACookieDoes() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Security.Claims;
        using System.Security.Cryptography;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;

        class Logout
        {
            void EndSession(ILogger logger, ClaimsPrincipal user)
            {
                // The OpenID Connect sid is in every id_token and front-channel logout URL; it is not a credential.
                var sid = user.FindFirst("sid")?.Value;
                logger.LogInformation("Front-channel logout for sid {Sid}", sid);
            }

            void SignIn(ILogger logger, HttpResponse response)
            {
                var sid = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
                response.Cookies.Append("sid", sid);
                logger.LogInformation("Signed in with {Sid}", {|LS0003:sid|});
            }
        }
        """);

    [Fact]
    public Task SessionIdFinding_SaysWhatTheEvidenceIs() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class ApiSession { public string Key { get; set; } = ""; public string RefreshToken { get; set; } = ""; }

        class Gateway
        {
            void Forward(ILogger logger, ApiSession session) => logger.LogInformation("Forwarding {Session}", session.Key);
        }
        """,
        Verify.Diagnostic("LS0003").WithSpan(7, 103, 7, 114).WithSpan(7, 57, 7, 115)
            .WithArguments("session.Key", "is the ID of 'ApiSession', a session that also holds the credential 'RefreshToken',", "LogInformation"));
}
