using LogSafety.Analyzers.Options;
using LogSafety.Analyzers.Sensitivity;
using Xunit;

namespace LogSafety.Analyzers.Tests.Sensitivity;

public sealed class NameClassifierTests
{
    [Theory]
    [InlineData("APIKey", "api key")]
    [InlineData("x-api-key", "x api key")]
    [InlineData("JWTToken", "jwt token")]
    [InlineData("refresh_token", "refresh token")]
    [InlineData("Jwt:Secret", "jwt secret")]
    [InlineData("userPWD", "user pwd")]
    [InlineData("accessToken2", "access token 2")]
    [InlineData("apikey", "api key")]
    [InlineData("sessionid", "session id")]
    [InlineData("passwordhash", "password hash")]
    [InlineData("HTTPRequest", "http request")]
    public void Split_SplitsIdentifiersIntoWords(string name, string expected) =>
        Assert.Equal(expected, string.Join(" ", NameWords.Split(name)));

    [Theory]
    [InlineData("password", "a password")]
    [InlineData("Password", "a password")]
    [InlineData("newPassword", "a password")]
    [InlineData("confirmPassword", "a password")]
    [InlineData("passwordConfirmation", "a password")]
    [InlineData("user_password", "a password")]
    [InlineData("pwd", "a password")]
    [InlineData("passwd", "a password")]
    [InlineData("passphrase", "a password")]
    [InlineData("dbPass", "a password")]
    [InlineData("passwordHash", "a password hash")]
    [InlineData("hashedPassword", "a password hash")]
    [InlineData("PasswordHashBase64", "a password hash")]
    [InlineData("passwords", "a password")]
    [InlineData("passwordFromForm", "a password")]
    public void Classify_Passwords(string name, string description) =>
        AssertVerdict(name, SecretKind.Password, description);

    [Theory]
    [InlineData("accessToken", "an access token")]
    [InlineData("refreshToken", "a refresh token")]
    [InlineData("resetToken", "a reset token")]
    [InlineData("passwordResetToken", "a reset token")]
    [InlineData("idToken", "an ID token")]
    [InlineData("bearerToken", "a bearer token")]
    [InlineData("token", "a token")]
    [InlineData("jwt", "a JWT")]
    [InlineData("apiKey", "an API key")]
    [InlineData("ApiKey", "an API key")]
    [InlineData("x-api-key", "an API key")]
    [InlineData("clientSecret", "a client secret")]
    [InlineData("privateKey", "a private key")]
    [InlineData("signingKey", "a signing key")]
    [InlineData("otp", "a one-time code")]
    [InlineData("totpCode", "a one-time code")]
    [InlineData("mfaCode", "a one-time code")]
    [InlineData("verificationCode", "a one-time code")]
    [InlineData("recoveryCodes", "a recovery code")]
    [InlineData("mfaSecret", "a secret")]
    [InlineData("refresh_token", "a refresh token")]
    [InlineData("Jwt:Secret", "a secret")]
    [InlineData("accessTokenValue", "an access token")]
    [InlineData("tokenForUser", "a token")]
    public void Classify_TokensKeysAndSecrets(string name, string description) =>
        AssertVerdict(name, SecretKind.TokenOrSecret, description);

    [Theory]
    [InlineData("sessionId", "a session ID")]
    [InlineData("SessionID", "a session ID")]
    [InlineData("session_id", "a session ID")]
    [InlineData("sessionKey", "a session key")]
    [InlineData("sessionToken", "a session token")]
    [InlineData("userSessionId", "a session ID")]
    [InlineData("JSESSIONID", "a session ID")]
    public void Classify_SessionIds(string name, string description) =>
        AssertVerdict(name, SecretKind.SessionId, description);

    [Theory]
    [InlineData("tokenCount")]
    [InlineData("cancellationToken")]
    [InlineData("CancellationToken")]
    [InlineData("nextPageToken")]
    [InlineData("continuationToken")]
    [InlineData("pageToken")]
    [InlineData("passwordLength")]
    [InlineData("passwordPolicy")]
    [InlineData("passwordExpiry")]
    [InlineData("passwordChanged")]
    [InlineData("passwordHint")]
    [InlineData("passwordStrength")]
    [InlineData("isPasswordRequired")]
    [InlineData("hasPassword")]
    [InlineData("tokenId")]
    [InlineData("tokenType")]
    [InlineData("tokenExpiry")]
    [InlineData("refreshTokenExpiresAt")]
    [InlineData("accessTokenLifetime")]
    [InlineData("refreshTokenFamilyId")]
    [InlineData("jti")]
    [InlineData("family")]
    [InlineData("sessionCount")]
    [InlineData("sessionTimeout")]
    [InlineData("playSessionId")]
    [InlineData("checkoutSessionId")]
    [InlineData("cacheKey")]
    [InlineData("partitionKey")]
    [InlineData("key")]
    [InlineData("statusCode")]
    [InlineData("errorCode")]
    [InlineData("secretName")]
    [InlineData("apiKeyName")]
    [InlineData("apiKeyHeaderName")]
    [InlineData("accessKeyId")]
    [InlineData("email")]
    [InlineData("userId")]
    [InlineData("ip")]
    [InlineData("passThrough")]
    [InlineData("bypass")]
    [InlineData("compass")]
    [InlineData("maskedToken")]
    [InlineData("redactedPassword")]
    [InlineData("maxTokens")]
    [InlineData("promptTokens")]
    [InlineData("tokenEndpoint")]
    [InlineData("session")]
    [InlineData("passport")]
    [InlineData("reason")]
    public void Classify_NotSecrets(string name) =>
        Assert.False(NameClassifier.Classify(name, LogSafetyOptions.Default).IsSensitive, name);

    private static void AssertVerdict(string name, SecretKind kind, string description)
    {
        var verdict = NameClassifier.Classify(name, LogSafetyOptions.Default);
        Assert.Equal(kind, verdict.Kind);
        Assert.Equal(description, verdict.Description);
    }
}
