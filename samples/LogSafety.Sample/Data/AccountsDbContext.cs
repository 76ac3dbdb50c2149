using Microsoft.EntityFrameworkCore;

namespace LogSafety.Sample.Data;

/// <summary>Where refresh-token families are kept; its query parameters hold token hashes, which is why LS0010 matters.</summary>
public sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options) : DbContext(options)
{
    public DbSet<RefreshTokenFamily> RefreshTokenFamilies => Set<RefreshTokenFamily>();
}

public sealed class RefreshTokenFamily
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public bool Revoked { get; set; }
}
