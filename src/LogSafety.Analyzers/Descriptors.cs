using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LogSafety.Analyzers;

/// <summary>The one place where rule IDs meet their titles, messages, categories and help links.</summary>
public static class Descriptors
{
    public const string SecurityCategory = "Security";
    public const string ConfigurationCategory = "Configuration";
    private const string HelpLinkBase = "https://github.com/logsafety/LogSafety.Analyzers/blob/main/docs/rules/";

    // Message arguments for LS0001-LS0006: {0} the value as written, {1} why it is sensitive, {2} the log method.
    public static readonly DiagnosticDescriptor Password = Create(
        RuleIds.Password,
        "Do not log passwords",
        "'{0}' {1} and is written to the log by '{2}'",
        "Passwords, and their hashes, must never reach a log: anyone who can read the logs could sign in as the user or crack the hash offline. Log the event (e.g. 'login_failed' with the email), not the data.");

    public static readonly DiagnosticDescriptor TokenOrSecret = Create(
        RuleIds.TokenOrSecret,
        "Do not log tokens, keys or secrets",
        "'{0}' {1} and is written to the log by '{2}'",
        "Access, refresh, reset and ID tokens, API keys, client secrets, private keys and one-time codes grant access on their own: a leaked log becomes a leaked credential. Log the token's id (jti) or family, never its value.");

    public static readonly DiagnosticDescriptor SessionId = Create(
        RuleIds.SessionId,
        "Do not log session identifiers",
        "'{0}' {1} and is written to the log by '{2}'",
        "A session ID is a bearer credential: whoever reads it from a log can hijack the session. Log the user id instead.");

    public static readonly DiagnosticDescriptor RawRequestBody = Create(
        RuleIds.RawRequestBody,
        "Do not log raw request bodies or forms",
        "'{0}' {1} and is written to the log by '{2}'",
        "Bodies of login, signup, password change and reset requests carry passwords and tokens. Log the event, not the data.");

    public static readonly DiagnosticDescriptor CredentialHeaderOrCookie = Create(
        RuleIds.CredentialHeaderOrCookie,
        "Do not log credential headers or cookies",
        "'{0}' {1} and is written to the log by '{2}'",
        "Authorization and API-key headers and cookies carry bearer credentials and session IDs. Log that the header was present, not its value.");

    public static readonly DiagnosticDescriptor ObjectWithSecrets = Create(
        RuleIds.ObjectWithSecrets,
        "Do not log objects that hold secrets",
        "'{0}' is logged whole and exposes '{1}' by '{2}'",
        "Destructuring, serializing or formatting an object writes all of its members, including the passwords and tokens it holds. Log only the safe fields.");

    public static readonly DiagnosticDescriptor ConnectionStringOrUrl = Create(
        RuleIds.ConnectionStringOrUrl,
        "Do not log connection strings or URLs that carry credentials",
        "'{0}' {1} and is written to the log by '{2}'",
        "A connection string with a password or account key, a URL with user info or an access_token/api_key/sig parameter, carries the credential inside it: logging the whole string logs the secret. Log the server, database, host or path instead.");

    // Message arguments for LS0010-LS0012: {0} what is turned on, {1} how to fix or guard it.
    public static readonly DiagnosticDescriptor EfSensitiveDataLogging = Create(
        RuleIds.EfSensitiveDataLogging,
        "Do not enable EF Core sensitive data logging outside development",
        "{0} writes SQL parameter values (password hashes, tokens) to the log; {1}",
        "EnableSensitiveDataLogging puts the values of every query parameter into logs and exception messages. Guard it with the development environment or remove it.");

    public static readonly DiagnosticDescriptor HttpLoggingOfSecrets = Create(
        RuleIds.HttpLoggingOfSecrets,
        "Do not configure HTTP logging to record bodies or credential headers",
        "{0}; {1}",
        "HTTP logging of request bodies records every login and reset body; logging Authorization or Cookie headers records bearer credentials and session IDs.");

    public static readonly DiagnosticDescriptor IdentityModelPii = Create(
        RuleIds.IdentityModelPii,
        "Do not turn on IdentityModel PII or security artifact logging outside development",
        "{0} makes IdentityModel write tokens and personal data to the log; {1}",
        "IdentityModelEventSource.ShowPII and LogCompleteSecurityArtifact print whole tokens in logs and exception messages.");

    public static readonly DiagnosticDescriptor InvalidConfiguration = new(
        RuleIds.InvalidConfiguration,
        "Invalid LogSafety configuration",
        "The .editorconfig value of '{0}' is invalid: {1}; the default is used instead",
        ConfigurationCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A LogSafety option in .editorconfig could not be read. Analysis goes on with the option's default.",
        helpLinkUri: HelpLinkBase + RuleIds.InvalidConfiguration + ".md",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor InvalidBaseline = new(
        RuleIds.InvalidBaseline,
        "LogSafety baseline file cannot be read",
        "'{0}' is not a valid LogSafety baseline: {1}; the build suppresses none of its findings",
        ConfigurationCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A logsafety.baseline.json given to the build as an AdditionalFiles item could not be read. No finding is suppressed by it until it is fixed or regenerated with 'logsafety baseline'.",
        helpLinkUri: HelpLinkBase + RuleIds.InvalidBaseline + ".md",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
        Password, TokenOrSecret, SessionId, RawRequestBody, CredentialHeaderOrCookie, ObjectWithSecrets, ConnectionStringOrUrl,
        EfSensitiveDataLogging, HttpLoggingOfSecrets, IdentityModelPii, InvalidConfiguration, InvalidBaseline);

    /// <summary>The justification every baselined finding carries in the IDE and in the build's SARIF.</summary>
    public const string BaselineJustification = "Accepted in logsafety.baseline.json";

    /// <summary>
    /// One suppression per rule a baseline can accept: every rule reported on source code (LSSPR0001 accepts LS0001...).
    /// LS9000/LS9001 are about configuration files and have no fingerprint.
    /// </summary>
    public static ImmutableArray<SuppressionDescriptor> BaselineSuppressions { get; } = ImmutableArray.CreateRange(
        ImmutableArray.Create(
            RuleIds.Password, RuleIds.TokenOrSecret, RuleIds.SessionId, RuleIds.RawRequestBody, RuleIds.CredentialHeaderOrCookie,
            RuleIds.ObjectWithSecrets, RuleIds.ConnectionStringOrUrl, RuleIds.EfSensitiveDataLogging, RuleIds.HttpLoggingOfSecrets,
            RuleIds.IdentityModelPii),
        id => new SuppressionDescriptor("LSSPR" + id.Substring(2), id, BaselineJustification));

    public static string HelpLink(string id) => HelpLinkBase + id + ".md";

    private static DiagnosticDescriptor Create(string id, string title, string message, string description) =>
        new(id, title, message, SecurityCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: description, helpLinkUri: HelpLink(id));
}
