namespace LogSafety.Sample.Accounts;

public sealed record SignupRequest(string Email, string Password);

public sealed record LoginRequest(string Email, string Password);

public sealed record LogoutRequest(string SessionId, string RefreshToken);

public sealed record PasswordResetRequest(string Email);

public sealed record PasswordResetConfirmation(string Token, string NewPassword);

public sealed record RefreshRequest(string RefreshToken);

/// <summary>What a successful login or refresh returns to the client.</summary>
public sealed record TokenResponse(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt);
