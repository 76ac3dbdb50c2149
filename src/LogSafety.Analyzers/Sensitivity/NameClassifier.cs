using System.Collections.Immutable;
using LogSafety.Analyzers.Options;

namespace LogSafety.Analyzers.Sensitivity;

/// <summary>
/// Judges a name by its words. The rightmost secret noun governs ("resetTokenExpiry" is about an expiry), words after
/// it must still name the secret ("passwordHash", "sessionIdValue"), and qualifiers before it can rule it out
/// ("cancellationToken", "nextPageToken", "cacheKey", "checkoutSessionId").
/// </summary>
internal static class NameClassifier
{
    public static NameVerdict Classify(string name, LogSafetyOptions options) => Classify(NameWords.Split(name), options);

    public static NameVerdict Classify(ImmutableArray<string> rawWords, LogSafetyOptions options)
    {
        if (rawWords.IsDefaultOrEmpty)
        {
            return NameVerdict.None;
        }

        var builder = ImmutableArray.CreateBuilder<string>(rawWords.Length);
        foreach (var word in rawWords)
        {
            if (SecretVocabulary.SanitizedMarkers.Contains(word))
            {
                return NameVerdict.None;
            }

            builder.Add(SecretVocabulary.Singular(word));
        }

        var words = HeadPhrase(builder.MoveToImmutable());
        if (words.Length > 1 && SecretVocabulary.PredicatePrefixes.Contains(words[0]))
        {
            return NameVerdict.None;
        }

        var configured = MatchConfigured(words, options);
        if (configured.IsSensitive)
        {
            return configured;
        }

        for (var i = words.Length - 1; i >= 0; i--)
        {
            var verdict = HeadAt(words, i, out var headStart);
            if (!verdict.IsSensitive)
            {
                continue;
            }

            // The rightmost secret noun decides; what follows it must still be the secret itself.
            if (!TailKeepsSecret(words, i + 1))
            {
                return NameVerdict.None;
            }

            if (verdict.Kind == SecretKind.Password && (Contains(words, "hash") || Contains(words, "hashed")))
            {
                return new NameVerdict(SecretKind.Password, "a password hash");
            }

            // A password's hash can be cracked offline; a token's, key's or session ID's cannot be replayed, which is
            // why servers store them ("refreshTokenHash", "hashedApiKey"). "hashSecret" is a secret used for hashing.
            if (NamesAHashOf(words, headStart, i))
            {
                return NameVerdict.None;
            }

            return verdict;
        }

        return NameVerdict.None;
    }

    /// <summary>
    /// "clientIdFromJwt", "userForToken": the words before a preposition name the value, the rest says where it came
    /// from. A holder before it ("hashOfPassword", "valueFromToken") still names the secret, so the whole name is kept.
    /// </summary>
    private static ImmutableArray<string> HeadPhrase(ImmutableArray<string> words)
    {
        for (var p = 1; p < words.Length - 1; p++)
        {
            if (words[p] is not ("from" or "of" or "for" or "to" or "with"))
            {
                continue;
            }

            for (var j = 0; j < p; j++)
            {
                if (!SecretVocabulary.HolderWords.Contains(words[j]))
                {
                    return words.RemoveRange(p, words.Length - p);
                }
            }

            return words;
        }

        return words;
    }

    private static NameVerdict HeadAt(ImmutableArray<string> words, int i, out int headStart)
    {
        headStart = i;
        var word = words[i];
        var previous = i > 0 ? words[i - 1] : null;

        if (SecretVocabulary.PasswordNouns.Contains(word))
        {
            // "pass" and "pw" are too short to trust unless they end the name ("dbPass", "adminPw").
            if ((word is "pass" or "pw") && !IsLastMeaningful(words, i))
            {
                return NameVerdict.None;
            }

            return new NameVerdict(SecretKind.Password, "a password");
        }

        // session + id/key/token/cookie: a session identifier, unless the session is not an authentication session.
        if (SecretVocabulary.SessionIdTails.Contains(word) && previous == "session")
        {
            headStart = i - 1;
            if (i >= 2 && SecretVocabulary.NonAuthSessionQualifiers.Contains(words[i - 2]))
            {
                return NameVerdict.None;
            }

            return new NameVerdict(SecretKind.SessionId, word is "id" or "identifier" ? "a session ID" : "a session " + word);
        }

        if (word is "sessionid" or "jsessionid" or "phpsessid" or "sessid" or "aspsessionid")
        {
            return new NameVerdict(SecretKind.SessionId, "a session ID");
        }

        // "sid" is as often the OpenID Connect session ID (printed in every id_token) or a Windows security ID:
        // a session credential only with evidence of where it came from.
        if (word == "sid")
        {
            return new NameVerdict(SecretKind.SessionId, "a session ID", needsEvidence: true);
        }

        switch (word)
        {
            case "token":
                if (previous is not null && SecretVocabulary.NotCredentialTokenQualifiers.Contains(previous))
                {
                    return NameVerdict.None;
                }

                return new NameVerdict(SecretKind.TokenOrSecret, DescribeToken(previous));
            case "jwt":
                return new NameVerdict(SecretKind.TokenOrSecret, "a JWT");
            case "secret":
                return new NameVerdict(SecretKind.TokenOrSecret, previous == "client" ? "a client secret" : "a secret");
            case "key":
                if (previous is null || !SecretVocabulary.SecretKeyQualifiers.Contains(previous))
                {
                    return NameVerdict.None;
                }

                return new NameVerdict(SecretKind.TokenOrSecret, DescribeKey(previous));
            case "apikey":
                return new NameVerdict(SecretKind.TokenOrSecret, "an API key");
            case "code":
                if (previous is null || !SecretVocabulary.SecretCodeQualifiers.Contains(previous))
                {
                    return NameVerdict.None;
                }

                return new NameVerdict(SecretKind.TokenOrSecret, previous is "recovery" or "backup" ? "a recovery code" : "a one-time code");
            case "credential":
                return new NameVerdict(SecretKind.TokenOrSecret, "credentials");
            case "header" when previous is "cookie" or "authorization":
                // "cookieHeader", "setCookieHeader", "authorizationHeader": the header line itself, cookies and all.
                return new NameVerdict(SecretKind.CredentialHeader, previous == "cookie" ? "a Cookie header" : "an Authorization header");
        }

        if (SecretVocabulary.OneTimeCodeNouns.Contains(word))
        {
            return new NameVerdict(SecretKind.TokenOrSecret, "a one-time code");
        }

        return NameVerdict.None;
    }

    /// <summary>"tokenHash", "hashedToken", "hashOfToken": the name is a hash of the secret its head names.</summary>
    private static bool NamesAHashOf(ImmutableArray<string> words, int headStart, int head)
    {
        for (var j = 0; j < headStart; j++)
        {
            if (words[j] == "hashed" || (words[j] == "hash" && j + 1 < headStart && words[j + 1] is "of" or "for"))
            {
                return true;
            }
        }

        for (var j = head + 1; j < words.Length && words[j] is not ("for" or "of" or "from" or "to" or "in" or "by" or "with"); j++)
        {
            if (words[j] is "hash" or "hashed")
            {
                return true;
            }
        }

        return false;
    }

    private static bool TailKeepsSecret(ImmutableArray<string> words, int start)
    {
        for (var j = start; j < words.Length; j++)
        {
            var word = words[j];
            if (word is "for" or "of" or "from" or "to" or "in" or "by" or "with")
            {
                // "tokenForUser", "passwordFromForm": what follows a preposition is a modifier.
                return true;
            }

            if (!SecretVocabulary.HolderWords.Contains(word) && !IsNumber(word))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLastMeaningful(ImmutableArray<string> words, int i)
    {
        for (var j = i + 1; j < words.Length; j++)
        {
            if (!IsNumber(words[j]))
            {
                return false;
            }
        }

        return true;
    }

    private static NameVerdict MatchConfigured(ImmutableArray<string> words, LogSafetyOptions options)
    {
        if (options.PasswordWords.IsEmpty && options.TokenWords.IsEmpty && options.SessionWords.IsEmpty)
        {
            return NameVerdict.None;
        }

        if (EndsWithConfigured(words, options.PasswordWords))
        {
            return new NameVerdict(SecretKind.Password, "a password");
        }

        if (EndsWithConfigured(words, options.TokenWords))
        {
            return new NameVerdict(SecretKind.TokenOrSecret, "a secret");
        }

        if (EndsWithConfigured(words, options.SessionWords))
        {
            return new NameVerdict(SecretKind.SessionId, "a session identifier");
        }

        return NameVerdict.None;
    }

    private static bool EndsWithConfigured(ImmutableArray<string> words, ImmutableArray<string> configured)
    {
        foreach (var entry in configured)
        {
            var entryWords = NameWords.Split(entry);
            if (entryWords.IsEmpty || entryWords.Length > words.Length)
            {
                continue;
            }

            for (var start = words.Length - entryWords.Length; start >= 0; start--)
            {
                var match = true;
                for (var k = 0; k < entryWords.Length && match; k++)
                {
                    match = words[start + k] == SecretVocabulary.Singular(entryWords[k]);
                }

                if (match)
                {
                    if (TailKeepsSecret(words, start + entryWords.Length))
                    {
                        return true;
                    }

                    break;
                }
            }
        }

        return false;
    }

    private static string DescribeToken(string? qualifier) => qualifier switch
    {
        "access" => "an access token",
        "refresh" => "a refresh token",
        "reset" => "a reset token",
        "id" => "an ID token",
        "bearer" => "a bearer token",
        "api" => "an API token",
        "auth" or "authentication" or "authorization" => "an authentication token",
        "jwt" => "a JWT",
        "csrf" or "xsrf" or "antiforgery" => "an anti-forgery token",
        "verification" or "confirmation" or "email" => "a verification token",
        "invite" or "invitation" => "an invitation token",
        "session" => "a session token",
        _ => "a token",
    };

    private static string DescribeKey(string qualifier) => qualifier switch
    {
        "api" => "an API key",
        "private" => "a private key",
        "signing" => "a signing key",
        "secret" => "a secret key",
        "encryption" or "decryption" => "an encryption key",
        "access" => "an access key",
        "authenticator" or "totp" or "otp" or "mfa" => "an authenticator key",
        "hmac" or "aes" or "rsa" or "symmetric" or "crypto" or "cipher" or "jwt" => "a cryptographic key",
        _ => "a secret key",
    };

    private static bool Contains(ImmutableArray<string> words, string word) => words.IndexOf(word) >= 0;

    private static bool IsNumber(string word)
    {
        foreach (var c in word)
        {
            if (!char.IsDigit(c))
            {
                return false;
            }
        }

        return word.Length > 0;
    }
}
