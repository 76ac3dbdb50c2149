namespace LogSafety.Analyzers.Sensitivity;

/// <summary>What a logged value was judged to hold; each kind maps to one rule.</summary>
internal enum SecretKind
{
    None = 0,
    Password,
    TokenOrSecret,
    SessionId,
}

/// <summary>A name's verdict: the kind of secret and how to describe it ("a refresh token", "a password hash").</summary>
internal readonly struct NameVerdict
{
    public NameVerdict(SecretKind kind, string description)
    {
        Kind = kind;
        Description = description;
    }

    public SecretKind Kind { get; }
    public string Description { get; }
    public bool IsSensitive => Kind != SecretKind.None;

    public static NameVerdict None => default;
}
