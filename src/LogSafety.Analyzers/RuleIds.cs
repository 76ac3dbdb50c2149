namespace LogSafety.Analyzers;

/// <summary>Every diagnostic ID the package reports. Docs live at docs/rules/{id}.md.</summary>
public static class RuleIds
{
    public const string Password = "LS0001";
    public const string TokenOrSecret = "LS0002";
    public const string SessionId = "LS0003";
    public const string RawRequestBody = "LS0004";
    public const string CredentialHeaderOrCookie = "LS0005";
    public const string ObjectWithSecrets = "LS0006";
    public const string ConnectionStringOrUrl = "LS0007";
    public const string EfSensitiveDataLogging = "LS0010";
    public const string HttpLoggingOfSecrets = "LS0011";
    public const string IdentityModelPii = "LS0012";
    public const string InvalidConfiguration = "LS9000";
    public const string InvalidBaseline = "LS9001";
}
