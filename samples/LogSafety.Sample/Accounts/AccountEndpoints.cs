using System.Diagnostics;
using LogSafety.Sample.Logging;

namespace LogSafety.Sample.Accounts;

/// <summary>
/// Sign-up, login, logout, password reset and token refresh. Each handler logs the security events worth logging
/// (event name, email, user id, ip, token id and family, counts) and, on purpose, some values that must never be
/// logged. Every unsafe call is marked with a comment naming the rule LogSafety reports on it.
/// </summary>
public static class AccountEndpoints
{
    private const string LogCategory = "LogSafety.Sample.Accounts";

    /// <summary>OAuth grant type names are protocol constants, not secrets.</summary>
    private static class GrantTypes
    {
        public const string RefreshToken = "refresh_token";
    }

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/signup", Signup);
        app.MapPost("/login", Login);
        app.MapPost("/logout", Logout);
        app.MapPost("/password-reset", RequestPasswordReset);
        app.MapPost("/password-reset/confirm", ConfirmPasswordReset);
        app.MapPost("/token/refresh", RefreshToken);
        app.MapPost("/webhooks/identity", IdentityWebhook);
        return app;
    }

    private static IResult Signup(SignupRequest request, HttpContext http, UserStore users, SecurityEvents events, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(LogCategory);
        var ip = ClientIp(http);
        if (request.Password.Length < UserStore.MinimumPasswordLength)
        {
            logger.LogWarning(
                "Signup rejected for {Email}: the password has {PasswordLength} characters, the policy requires {MinimumLength}",
                request.Email, request.Password.Length, UserStore.MinimumPasswordLength);
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["password"] = ["too short"] });
        }

        // LS0001: the plain-text password goes to the log next to the email.
        logger.LogDebug("Signup attempt for {Email} with password {Password}", request.Email, request.Password);

        var user = users.Create(request.Email, request.Password);
        if (user is null)
        {
            events.Log("signup_duplicate_email", new { request.Email, ip });
            return Results.Conflict();
        }

        // LS0001: a password hash is still a password ("not the plain text, not the hash").
        Console.WriteLine($"Created user {user.Id} with hash {user.PasswordHash}");

        events.Log("signup", new { request.Email, ip, userId = user.Id });
        return Results.Created($"/users/{user.Id}", new { user.Id });
    }

    private static IResult Login(
        LoginRequest request, HttpContext http, UserStore users, SessionStore sessions, TokenService tokens,
        SecurityEvents events, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(LogCategory);
        var ip = ClientIp(http);
        // LS0006: the login request is a record, and its generated ToString() prints the password.
        logger.LogInformation("Login attempt {Request}", request);
        using var requestScope = logger.BeginScope(new Dictionary<string, object?> { ["Email"] = request.Email, ["ClientIp"] = ip });

        // LS0001: the chapter's WRONG example `log("login_attempt", { email, password })`, through the app's own wrapper.
        events.Log("login_attempt", new { request.Email, request.Password });

        var user = users.Find(request.Email);
        if (user is null)
        {
            events.Log("login_failed", new { request.Email, ip, reason = "user_not_found" });
            return Results.Unauthorized();
        }

        if (!users.CheckPassword(user, request.Password))
        {
            events.Log("login_failed", new { request.Email, ip, reason = "wrong_password" });
            // LS0001: the wrong password is often the right password with a typo.
            logger.LogWarning("Wrong password '{Attempt}' for {Email}", request.Password, request.Email);
            return Results.Unauthorized();
        }

        AuthLog.LoginSucceeded(logger, user.Id, ip);
        events.Log("login_success", new { request.Email, ip, userId = user.Id });

        var session = sessions.Create(user.Id);
        // LS0003: a [LoggerMessage] method whose message writes the session ID.
        AuthLog.SessionCreated(logger, user.Id, session.Id);
        // LS0003: the session id in a logging scope is attached to every entry written inside it.
        using var sessionScope = logger.BeginScope("Session {SessionId} for {UserId}", session.Id, user.Id);

        var issued = tokens.Issue(user.Id);
        logger.LogInformation(
            "Issued access token {Jti} in family {Family} to {UserId}, valid until {ExpiresAt}",
            issued.Jti, issued.Family, user.Id, issued.ExpiresAt);
        // LS0002: the access token itself is a bearer credential.
        logger.LogInformation("Issued access token {AccessToken} to {UserId}", issued.AccessToken, user.Id);

        http.Response.Cookies.Append("sid", session.Id, new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Strict });
        return Results.Ok(new TokenResponse(issued.AccessToken, issued.RefreshToken, issued.ExpiresAt));
    }

    private static IResult Logout(LogoutRequest request, HttpContext http, SessionStore sessions, TokenService tokens, SecurityEvents events)
    {
        var ip = ClientIp(http);
        var sessionId = request.SessionId;
        var session = sessions.End(sessionId);
        if (session is null)
        {
            events.Log("logout_unknown_session", new { ip });
            return Results.NoContent();
        }

        var userId = session.UserId;
        events.Log("logout", new { userId, ip });
        // LS0003: the session id of the session that just ended can still be replayed if the logout is not honoured everywhere.
        events.Log("session_ended", new { sessionId, userId });

        var jti = tokens.Revoke(request.RefreshToken);
        events.Log("token_revoked", new { jti, userId });
        // LS0002: the refresh token, written by System.Diagnostics.Debug through a concatenation.
        Debug.WriteLine("Revoked refresh token " + request.RefreshToken + " for " + userId);
        return Results.NoContent();
    }

    private static IResult RequestPasswordReset(
        PasswordResetRequest request, HttpContext http, UserStore users, TokenService tokens, SecurityEvents events, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(LogCategory);
        var ip = ClientIp(http);
        var user = users.Find(request.Email);
        if (user is null)
        {
            events.Log("reset_requested_unknown_email", new { request.Email, ip });
            return Results.Accepted();
        }

        var resetToken = tokens.CreateResetToken(user.Id);
        events.Log("reset_token_created", new { request.Email });
        logger.LogInformation("Reset link for {UserId} expires in {ResetTokenLifetime}", user.Id, TokenService.ResetTokenLifetime);
        // LS0002: a reset token in the log lets anyone who reads it set a new password.
        logger.LogInformation($"Reset link for {request.Email}: /password-reset/confirm?token={resetToken}");
        return Results.Accepted();
    }

    private static IResult ConfirmPasswordReset(
        PasswordResetConfirmation request, HttpContext http, UserStore users, TokenService tokens, SecurityEvents events, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(LogCategory);
        var ip = ClientIp(http);
        var userId = tokens.RedeemResetToken(request.Token);
        var user = userId is { } id ? users.Find(id) : null;
        if (user is null)
        {
            events.Log("reset_failed", new { ip, reason = "invalid_or_expired_token" });
            // LS0002: the token that failed is still a live token of someone else's, or a guess worth studying offline.
            logger.LogWarning("Reset failed for token {0} from {1}", request.Token, ip);
            return Results.BadRequest();
        }

        var chosen = request.NewPassword.Trim();
        // LS0001: 'chosen' is the new password under an innocent name (local data flow).
        logger.LogDebug("Password reset for {UserId} to {Chosen}", user.Id, chosen);
        users.SetPassword(user, request.NewPassword);
        events.Log("password_reset", new { userId = user.Id, ip });
        logger.LogInformation(
            "Password changed for {UserId}; the new password has {Length} characters",
            user.Id, request.NewPassword.Length);
        // LS0001: the new password, through string.Format.
        Console.WriteLine(string.Format("Password reset for {0}: new password {1}", user.Email, request.NewPassword));
        return Results.NoContent();
    }

    private static IResult RefreshToken(
        RefreshRequest request, HttpContext http, TokenService tokens, SecurityEvents events, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(LogCategory);
        var ip = ClientIp(http);
        // LS0005: the Authorization header carries the caller's bearer token.
        logger.LogDebug("Refresh called with {Authorization}", http.Request.Headers.Authorization);
        var result = tokens.Refresh(request.RefreshToken);
        switch (result.Outcome)
        {
            case RefreshOutcome.Reused:
                events.Log("refresh_token_reuse", new { result.Family, result.UserId });
                // LS0002: the refresh token that was replayed; its family already identifies the theft.
                logger.LogWarning("Refresh token reuse: {RefreshToken} in family {Family}", request.RefreshToken, result.Family);
                return Results.Unauthorized();
            case RefreshOutcome.Unknown or RefreshOutcome.Expired:
                logger.Log(LogLevel.Information, new EventId(2001, "refresh_rejected"), "Refresh rejected ({Outcome}) from {Ip}", result.Outcome, ip);
                return Results.Unauthorized();
        }

        var issued = result.Tokens!;
        AuthLog.TokenRefreshed(logger, result.UserId, issued.Jti, issued.Family);
        logger.LogDebug(
            "{GrantType} grant for {UserId}: {TokenCount} active refresh tokens, cancelled: {Cancelled}",
            GrantTypes.RefreshToken, result.UserId, tokens.ActiveTokenCount(result.UserId), cancellationToken.IsCancellationRequested);
        // LS0002: the new refresh token, in a Serilog-style destructured anonymous object.
        logger.LogDebug("Rotated {@Rotation}", new { issued.Jti, issued.Family, issued.RefreshToken });
        return Results.Ok(new TokenResponse(issued.AccessToken, issued.RefreshToken, issued.ExpiresAt));
    }

    private static async Task<IResult> IdentityWebhook(HttpContext http, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(LogCategory);
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        logger.LogInformation("Identity webhook received: {Length} bytes", body.Length);
        // LS0004: the raw body of an identity-provider webhook carries whatever the provider sends, tokens included.
        logger.LogDebug("Identity webhook body {Body}", body);
        return Results.Ok();
    }

    private static string ClientIp(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
