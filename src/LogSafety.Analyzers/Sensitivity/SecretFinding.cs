using LogSafety.Analyzers.Logging;
using Microsoft.CodeAnalysis;

namespace LogSafety.Analyzers.Sensitivity;

/// <summary>A logged value judged to be a secret: which kind, and the reason to put in the message.</summary>
internal readonly struct SecretFinding
{
    public SecretFinding(SecretKind kind, string reason, LoggedValue value, Location? origin = null, string? connectionStringBuilder = null)
    {
        Kind = kind;
        Reason = reason;
        Value = value;
        Origin = origin;
        ConnectionStringBuilder = connectionStringBuilder;
    }

    public SecretKind Kind { get; }

    /// <summary>The middle of the message: "looks like a password", "is logged as 'Token', which looks like a token".</summary>
    public string Reason { get; }

    public LoggedValue Value { get; }

    /// <summary>
    /// Where the value came from when local flow found it ("'chosen' holds 'request.NewPassword.Trim()'"): reported as
    /// an additional location, not as a line number in the message, which must not change when a line is inserted above.
    /// </summary>
    public Location? Origin { get; }

    /// <summary>LS0007: the metadata name of the connection string builder of the value's provider, when exactly one is determinable.</summary>
    public string? ConnectionStringBuilder { get; }
}
