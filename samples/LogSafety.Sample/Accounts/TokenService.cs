using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace LogSafety.Sample.Accounts;

/// <summary>A refresh token as stored: its id (jti), its rotation family and whether it was already used.</summary>
public sealed record RefreshTokenRecord(string Jti, string Family, Guid UserId, DateTimeOffset ExpiresAt, bool Used);

public sealed record IssuedTokens(string AccessToken, string RefreshToken, string Jti, string Family, DateTimeOffset ExpiresAt);

public enum RefreshOutcome
{
    Refreshed,
    Unknown,
    Expired,
    Reused,
}

public sealed record RefreshResult(RefreshOutcome Outcome, Guid UserId, string? Family, IssuedTokens? Tokens);

/// <summary>Opaque access and refresh tokens with rotation and reuse detection; password reset tokens.</summary>
public sealed class TokenService
{
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(14);
    public static readonly TimeSpan ResetTokenLifetime = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, RefreshTokenRecord> _refreshTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (Guid UserId, DateTimeOffset ExpiresAt)> _resetTokens = new(StringComparer.Ordinal);

    public IssuedTokens Issue(Guid userId) => Issue(userId, family: NewId());

    public RefreshResult Refresh(string refreshToken)
    {
        if (!_refreshTokens.TryGetValue(refreshToken, out var stored))
        {
            return new RefreshResult(RefreshOutcome.Unknown, Guid.Empty, null, null);
        }

        if (stored.Used)
        {
            RevokeFamily(stored.Family);
            return new RefreshResult(RefreshOutcome.Reused, stored.UserId, stored.Family, null);
        }

        if (stored.ExpiresAt < DateTimeOffset.UtcNow)
        {
            return new RefreshResult(RefreshOutcome.Expired, stored.UserId, stored.Family, null);
        }

        _refreshTokens[refreshToken] = stored with { Used = true };
        return new RefreshResult(RefreshOutcome.Refreshed, stored.UserId, stored.Family, Issue(stored.UserId, stored.Family));
    }

    /// <summary>Revokes a refresh token; returns its jti so the caller can log which token it was.</summary>
    public string? Revoke(string refreshToken) => _refreshTokens.TryRemove(refreshToken, out var stored) ? stored.Jti : null;

    public int ActiveTokenCount(Guid userId) => _refreshTokens.Values.Count(t => t.UserId == userId && !t.Used);

    public string CreateResetToken(Guid userId)
    {
        var token = NewSecret();
        _resetTokens[token] = (userId, DateTimeOffset.UtcNow + ResetTokenLifetime);
        return token;
    }

    public Guid? RedeemResetToken(string token) =>
        _resetTokens.TryRemove(token, out var entry) && entry.ExpiresAt >= DateTimeOffset.UtcNow ? entry.UserId : null;

    private IssuedTokens Issue(Guid userId, string family)
    {
        var jti = NewId();
        var refreshToken = NewSecret();
        var expiresAt = DateTimeOffset.UtcNow + AccessTokenLifetime;
        _refreshTokens[refreshToken] = new RefreshTokenRecord(jti, family, userId, DateTimeOffset.UtcNow + RefreshTokenLifetime, Used: false);
        return new IssuedTokens(NewSecret(), refreshToken, jti, family, expiresAt);
    }

    private void RevokeFamily(string family)
    {
        foreach (var (token, record) in _refreshTokens)
        {
            if (record.Family == family)
            {
                _refreshTokens.TryRemove(token, out _);
            }
        }
    }

    private static string NewId() => Guid.NewGuid().ToString("N");

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
