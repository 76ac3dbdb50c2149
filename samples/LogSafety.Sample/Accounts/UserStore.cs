using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;

namespace LogSafety.Sample.Accounts;

public sealed class User
{
    public User(Guid id, string email, string passwordHash)
    {
        Id = id;
        Email = email;
        PasswordHash = passwordHash;
    }

    public Guid Id { get; }
    public string Email { get; }
    public string PasswordHash { get; set; }
}

/// <summary>In-memory users with ASP.NET Core Identity's password hasher.</summary>
public sealed class UserStore
{
    public const int MinimumPasswordLength = 12;

    private readonly ConcurrentDictionary<string, User> _byEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly PasswordHasher<User> _hasher = new();

    public User? Find(string email) => _byEmail.TryGetValue(email, out var user) ? user : null;

    public User? Find(Guid userId) => _byEmail.Values.FirstOrDefault(u => u.Id == userId);

    public User? Create(string email, string password)
    {
        var user = new User(Guid.NewGuid(), email, string.Empty);
        user.PasswordHash = _hasher.HashPassword(user, password);
        return _byEmail.TryAdd(email, user) ? user : null;
    }

    public bool CheckPassword(User user, string password) =>
        _hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;

    public void SetPassword(User user, string newPassword) => user.PasswordHash = _hasher.HashPassword(user, newPassword);
}
