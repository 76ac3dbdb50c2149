using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace LogSafety.Sample.Accounts;

public sealed record UserSession(string Id, Guid UserId, DateTimeOffset CreatedAt);

/// <summary>Server-side sessions keyed by an unguessable id: the id is a bearer credential.</summary>
public sealed class SessionStore
{
    private readonly ConcurrentDictionary<string, UserSession> _sessions = new(StringComparer.Ordinal);

    public UserSession Create(Guid userId)
    {
        var session = new UserSession(Convert.ToHexString(RandomNumberGenerator.GetBytes(32)), userId, DateTimeOffset.UtcNow);
        _sessions[session.Id] = session;
        return session;
    }

    public UserSession? End(string id) => _sessions.TryRemove(id, out var session) ? session : null;
}
