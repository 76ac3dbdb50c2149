using System.Collections.Immutable;

namespace LogSafety.Analyzers.Sensitivity;

/// <summary>
/// The words that make a name a secret, the words that qualify them, and the words after them that keep a name a
/// secret ("passwordHash") rather than describe it ("passwordLength", "tokenExpiry", "tokenId").
/// </summary>
internal static class SecretVocabulary
{
    public static readonly WordSet PasswordNouns = new("password passwd pwd passphrase passcode pass pw");

    /// <summary>Words that name a token; what precedes them may say it is not a credential (paging, lexing, LLM usage).</summary>
    public static readonly WordSet NotCredentialTokenQualifiers = new(
        "cancellation continuation next page paging pagination previous prev sync resume change syntax lexer"
        + " lexical json xml parse parser stop end start eof prompt completion max total input output used"
        + " cancel delta skip search query sort word text string match format template expression sql csv html"
        + " markup cache entity resource");

    /// <summary>"key" is a secret only after one of these ("cacheKey", "partitionKey", "sortKey" are not).</summary>
    public static readonly WordSet SecretKeyQualifiers = new(
        "api private signing secret encryption decryption access client master hmac aes rsa shared"
        + " subscription authenticator app symmetric crypto cipher security auth webhook account jwt session"
        + " license ssh pgp gpg recovery totp otp mfa root admin");

    /// <summary>"code" is a one-time secret only after one of these ("statusCode", "errorCode" are not).</summary>
    public static readonly WordSet SecretCodeQualifiers = new(
        "verification confirmation otp mfa 2fa totp hotp authenticator recovery backup reset auth"
        + " authorization security sms login signin magic time factor invite invitation activation pairing"
        + " device access email phone");

    public static readonly WordSet OneTimeCodeNouns = new("otp totp hotp");

    public static readonly WordSet SessionIdTails = new("id identifier key token cookie ticket secret");

    /// <summary>Sessions that are not authentication sessions (media playback, payment checkout, games, ...).</summary>
    public static readonly WordSet NonAuthSessionQualifiers = new(
        "play playback player media video audio stream streaming checkout payment billing stripe paypal game"
        + " gaming match chat conversation debug debugger upload download recording training workout exercise"
        + " sync transfer terminal ssh meeting call voice quiz exam practice study db database nhibernate"
        + " analytics telemetry tracking trace capture replay browser test lab class course lesson booking"
        + " charging parking negotiation signalr hub kernel notebook repl tus batch import export migration");

    /// <summary>Types and namespaces where a bare "token" is a lexical token ("JsonParser", "ExpressionTokenizer", "Syntax").</summary>
    public static readonly WordSet LexicalContextWords = new(
        "parser parsers parsing lexer lexing tokenizer tokenizers scanner grammar syntax compiler interpreter"
        + " expression expressions markdown formatter serializer deserializer reader writer");

    /// <summary>Words after the secret noun that still name the secret itself (or an encoding of it).</summary>
    public static readonly WordSet HolderWords = new(
        "hash hashed value values text plain plaintext raw bytes byte data str string b64 base64 base b utf8"
        + " utf encoded hex input attempt guess confirm confirmation again repeat param parameter arg argument"
        + " digits pem der chars literal content contents body header claim cookie field entry list array set"
        + " pair candidate old new current bearer in out from to for of"
        // A participle or adjective after the noun still names the secret: "tokenReceived", "passwordEntered".
        + " received expected entered provided supplied submitted given sent presented typed issued generated"
        + " returned decoded decrypted incoming actual posted captured");

    /// <summary>
    /// A last word that says a value describes something rather than holds it ("secret.Name", "checkoutSession.Id",
    /// "token.ExpiresAt"): such a value keeps its own meaning even when the template hole is named like a secret.
    /// </summary>
    public static readonly WordSet DescriptorWords = new(
        "id name count length size type kind expiry expires expiration lifetime ttl version status state hint"
        + " policy strength url uri endpoint path prefix suffix thumbprint fingerprint jti family at on date"
        + " time timestamp duration number index reason error message directory dir folder file scheme issuer"
        + " audience algorithm format source provider scope scopes label description title");

    /// <summary>A first word that makes a name a question or a setting, not the secret ("hasPassword", "requireToken").</summary>
    public static readonly WordSet PredicatePrefixes = new(
        "is has have had should can must use uses enable enabled require requires required allow allows show"
        + " needs need supports support was were did does contains include includes min max num number count"
        + " total no without missing invalid expired valid remember forgot forgotten");

    /// <summary>Words anywhere in a name that say the value was made safe.</summary>
    public static readonly WordSet SanitizedMarkers = new(
        "masked redacted obfuscated sanitized scrubbed truncated anonymized hidden censored mask redact"
        + " redaction placeholder fake dummy");

    /// <summary>Leading verbs of method names: "GetPassword()" names a password, "GenerateAccessToken()" a token.</summary>
    public static readonly WordSet MethodVerbs = new(
        "get generate create issue read load fetch find build compute hash new make decrypt encrypt encode"
        + " decode sign retrieve obtain acquire request refresh mint derive extract parse resolve lookup try"
        + " async export to");

    /// <summary>
    /// Leading verbs of method names whose result is not the thing named after them: "ReplaceTokens(text)" returns the
    /// text with its placeholders filled in, "ValidateToken(jwt)" a verdict, "StoreToken(...)" nothing worth a name.
    /// </summary>
    public static readonly WordSet NonProducingVerbs = new(
        "replace substitute expand interpolate render validate verify check revoke invalidate delete store"
        + " save send");

    /// <summary>Member names too generic to judge alone: "session.Id", "apiKey.Value" are judged with their receiver.</summary>
    public static readonly WordSet GenericMemberWords = new(
        "id identifier key value hash text data raw string bytes cookie secret content item current result");

    /// <summary>Lower-case compounds are split on these tails and heads ("apikey", "sessionid", "passwordhash").</summary>
    public static readonly ImmutableArray<string> CompoundTails = ImmutableArray.Create(
        "password", "passwd", "token", "secret", "key", "id", "hash", "code", "pwd");

    public static readonly ImmutableArray<string> CompoundHeads = ImmutableArray.Create(
        "password", "token", "session", "secret", "api");

    private static readonly WordSet KnownWords = new(
        "password passwd token secret key id hash code session api access refresh reset bearer auth client"
        + " private signing user new old current confirm hashed admin db master encryption jwt otp mfa totp"
        + " recovery verification value length count type expiry family name policy hint secure app webhook"
        + " shared identity csrf xsrf root");

    public static bool IsKnownWord(string word) => KnownWords.Contains(word);

    /// <summary>"tokens" → "token", "passwords" → "password", "keys" → "key", "codes" → "code", "secrets" → "secret".</summary>
    public static string Singular(string word) => word switch
    {
        "tokens" => "token",
        "passwords" => "password",
        "keys" => "key",
        "codes" => "code",
        "secrets" => "secret",
        "credentials" => "credential",
        "sessions" => "session",
        "ids" => "id",
        "passphrases" => "passphrase",
        "passcodes" => "passcode",
        _ => word,
    };
}
