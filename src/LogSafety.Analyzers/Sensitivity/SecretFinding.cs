using LogSafety.Analyzers.Logging;

namespace LogSafety.Analyzers.Sensitivity;

/// <summary>A logged value judged to be a secret: which kind, and the reason to put in the message.</summary>
internal readonly struct SecretFinding
{
    public SecretFinding(SecretKind kind, string reason, LoggedValue value)
    {
        Kind = kind;
        Reason = reason;
        Value = value;
    }

    public SecretKind Kind { get; }

    /// <summary>The middle of the message: "looks like a password", "is logged as 'Token', which looks like a token".</summary>
    public string Reason { get; }

    public LoggedValue Value { get; }
}
