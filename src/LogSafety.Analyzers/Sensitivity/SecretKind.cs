namespace LogSafety.Analyzers.Sensitivity;

/// <summary>What a logged value was judged to hold; each kind maps to one rule.</summary>
internal enum SecretKind
{
    None = 0,
    Password,
    TokenOrSecret,
    SessionId,

    /// <summary>LS0004: a raw request body, a request form, or a whole request.</summary>
    RequestBody,

    /// <summary>LS0005: a credential header or cookie, or a whole header or cookie collection.</summary>
    CredentialHeader,

    /// <summary>LS0007: a connection string or URL that carries a credential inside it.</summary>
    ConnectionStringOrUrl,

    /// <summary>LS0006: an object logged whole that exposes a sensitive member; the reason is the member's path.</summary>
    ObjectWithSecrets,
}

/// <summary>A name's verdict: the kind of secret and how to describe it ("a refresh token", "a password hash").</summary>
internal readonly struct NameVerdict
{
    public NameVerdict(SecretKind kind, string description, bool needsEvidence = false)
    {
        Kind = kind;
        Description = description;
        NeedsEvidence = needsEvidence;
    }

    public SecretKind Kind { get; }
    public string Description { get; }

    /// <summary>The name alone is too weak ("sid"): the value is reported only with evidence of where it came from.</summary>
    public bool NeedsEvidence { get; }
    public bool IsSensitive => Kind != SecretKind.None;

    public static NameVerdict None => default;
}
