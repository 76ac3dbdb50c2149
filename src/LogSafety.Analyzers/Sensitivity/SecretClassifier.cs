using System.Collections.Immutable;
using System;
using LogSafety.Analyzers.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using LogSafety.Analyzers.Logging;
using LogSafety.Analyzers.Options;

namespace LogSafety.Analyzers.Sensitivity;

/// <summary>
/// Judges one logged value by its names and type: the name the log gives it (template hole, member, key) and the
/// name of its own expression. Constants, nameof, safe types, sanitizer results and configured safe names are never secrets.
/// </summary>
internal sealed class SecretClassifier
{
    private readonly LoggingSymbols _symbols;
    private readonly SessionEvidence _sessions;
    private readonly HashedCallers _hashedCallers;
    private readonly LocalFlow _flow;

    public SecretClassifier(LoggingSymbols symbols, SessionEvidence sessions, HashedCallers hashedCallers, LocalFlow flow)
    {
        _symbols = symbols;
        _sessions = sessions;
        _hashedCallers = hashedCallers;
        _flow = flow;
    }

    public SecretFinding? Classify(LoggedValue value, LogSafetyOptions options) =>
        Classify(value, options, IsLoggedAsBareSid(value.Label, options));

    /// <param name="loggedAsBareSid">
    /// The value is written under the name "sid" (a placeholder or key), which names the OpenID Connect session ID claim
    /// ("sid {sid}", session.SessionId): a session ID by its name, or by a source's name, then needs the evidence a bare
    /// "sid" needs.
    /// </param>
    public SecretFinding? Classify(LoggedValue value, LogSafetyOptions options, bool loggedAsBareSid)
    {
        var operation = LoggedValueCollector.SkipConversions(value.Value);
        if (SecretCarrierTypes.IsFixedByTheCode(operation))
        {
            return null;
        }

        if (!SecretCarrierTypes.CanCarrySecret(operation.Type, _symbols) || IsSanitized(operation, options))
        {
            return null;
        }

        var ownWords = ValueNames.WordsOf(operation);
        if (IsSafeName(value.Label, options) || IsSafeName(operation, options))
        {
            return null;
        }

        var own = NameClassifier.Classify(ownWords, options);
        own = WithSessionEvidenceNeeded(own, operation.Type, _symbols.Guid, loggedAsBareSid);

        if (own.IsSensitive)
        {
            var evidence = own.Kind == SecretKind.SessionId ? _sessions.Evidence(operation, own, options) : string.Empty;
            if (evidence is null
                || IsLexicalToken(own, operation)
                || HoldsNoSecretWhateverItsName(operation, options))
            {
                return null;
            }

            return new SecretFinding(own.Kind, evidence.Length > 0 ? evidence : "looks like " + own.Description, value);
        }

        // "{Secret}", secret.Name: a value whose own name says what it describes is not renamed by the hole; nor is
        // "{ApiKey}", publicKey: a public key is the half of a key pair meant to be shown.
        if (!ownWords.IsDefaultOrEmpty
            && (SecretVocabulary.DescriptorWords.Contains(ownWords[ownWords.Length - 1]) || NamesAPublicKey(ownWords)))
        {
            return null;
        }

        if (value.Label is { Length: > 0 } label)
        {
            var labelled = WithSessionEvidenceNeeded(NameClassifier.Classify(label, options), operation.Type, _symbols.Guid, loggedAsBareSid: false);
            if (labelled.IsSensitive && !IsLexicalToken(labelled, operation) && (!labelled.NeedsEvidence || _sessions.Evidence(operation, labelled, options) is not null)
                && !HoldsNoSecretWhateverItsName(operation, options))
            {
                return new SecretFinding(labelled.Kind, $"is logged as '{label}', which looks like {labelled.Description},", value);
            }
        }

        if (IsAuthorizationCode(value, ownWords))
        {
            return new SecretFinding(SecretKind.TokenOrSecret, "is the authorization code of an OAuth token request", value);
        }

        return null;
    }

    private static bool NamesAPublicKey(ImmutableArray<string> words)
    {
        for (var i = 1; i < words.Length; i++)
        {
            if (words[i] == "key" && words[i - 1] == "public")
            {
                return true;
            }
        }

        return false;
    }

    private static readonly NameVerdict BareSid = new(SecretKind.SessionId, "a session ID", needsEvidence: true);

    /// <summary>
    /// A session ID by name that needs the evidence a bare "sid" needs: one written under the name "sid", and one typed
    /// Guid, which is a session record's key (route values, foreign keys) far more often than the bearer secret.
    /// </summary>
    public static NameVerdict WithSessionEvidenceNeeded(NameVerdict verdict, ITypeSymbol? type, INamedTypeSymbol? guid, bool loggedAsBareSid) =>
        verdict.Kind == SecretKind.SessionId && !verdict.NeedsEvidence
            && (loggedAsBareSid || IsGuid(type, guid))
            ? BareSid
            : verdict;

    private static bool IsGuid(ITypeSymbol? type, INamedTypeSymbol? guid) =>
        guid is not null && type is not null && SymbolEqualityComparer.Default.Equals(NullableTypes.Underlying(type), guid);

    /// <summary>A placeholder or key named only "sid", which names the OpenID Connect session ID claim.</summary>
    public static bool IsLoggedAsBareSid(string? label, LogSafetyOptions options) =>
        label is { Length: 3 } && NameClassifier.Classify(label, options) is { Kind: SecretKind.SessionId, NeedsEvidence: true };

    /// <summary>
    /// What a local or parameter holds, shown by the method rather than its name: a hash every caller passes, the name
    /// of a secret it is looked up by, or only constants. Overrides both the value's own name and the hole's.
    /// </summary>
    private bool HoldsNoSecretWhateverItsName(IOperation operation, LogSafetyOptions options) =>
        (operation is IParameterReferenceOperation parameter && _hashedCallers.AllCallersHash(parameter.Parameter))
        || _flow.IsPassedAsSecretName(operation, options)
        || _flow.HoldsOnlyConstants(operation);

    /// <summary>
    /// A bare "code" is a status or error code, except beside the other fields of an OAuth token request
    /// (new { grant_type = "authorization_code", code, redirect_uri }): there it is the authorization code.
    /// </summary>
    private static bool IsAuthorizationCode(LoggedValue value, ImmutableArray<string> ownWords)
    {
        // Cheap checks first: this runs for every value no name flagged.
        var named = value.Label is { Length: > 0 } label
            ? label.Length == 4 && string.Equals(label, "code", System.StringComparison.OrdinalIgnoreCase)
            : ownWords is { IsDefaultOrEmpty: false, Length: 1 } && ownWords[0] == "code";
        if (!named)
        {
            return false;
        }

        var current = value.Value.Parent;
        for (var step = 0; step < 3 && current is not null and not IAnonymousObjectCreationOperation; step++)
        {
            current = current.Parent;
        }

        if (current?.Type is not { IsAnonymousType: true } anonymous)
        {
            return false;
        }

        foreach (var member in anonymous.GetMembers())
        {
            if (member is IPropertySymbol property && string.Join(" ", NameWords.Split(property.Name)) is "grant type" or "redirect uri" or "code verifier")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A bare "token" inside a parser, lexer or tokenizer is a piece of text, not a credential. Only asked for bare
    /// tokens, so the enclosing-symbol lookup stays off the hot path.
    /// </summary>
    private static bool IsLexicalToken(NameVerdict verdict, IOperation operation)
    {
        if (verdict.Description != "a token" || operation.SemanticModel is not { } model)
        {
            return false;
        }

        for (var symbol = model.GetEnclosingSymbol(operation.Syntax.SpanStart); symbol is not null; symbol = symbol.ContainingSymbol)
        {
            if (symbol is INamedTypeSymbol or INamespaceSymbol { IsGlobalNamespace: false })
            {
                foreach (var word in NameWords.Split(symbol.Name))
                {
                    if (SecretVocabulary.LexicalContextWords.Contains(word))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool IsSafeName(string? name, LogSafetyOptions options) =>
        name is not null && !options.SafeNames.IsEmpty && options.SafeNames.Contains(name);

    private static bool IsSafeName(IOperation operation, LogSafetyOptions options)
    {
        if (options.SafeNames.IsEmpty)
        {
            return false;
        }

        var name = operation switch
        {
            ILocalReferenceOperation local => local.Local.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            IFieldReferenceOperation field => field.Field.Name,
            IPropertyReferenceOperation property => property.Property.Name,
            IInvocationOperation invocation => invocation.TargetMethod.Name,
            _ => null,
        };
        return name is not null && options.SafeNames.Contains(name);
    }

    /// <summary>Redact(...), Mask(...), configured sanitizers, and Microsoft.Extensions.Compliance redactors.</summary>
    internal static bool IsSanitized(IOperation operation, LogSafetyOptions options)
    {
        if (operation is not IInvocationOperation invocation)
        {
            return false;
        }

        var method = invocation.TargetMethod;
        foreach (var sanitizer in options.Sanitizers)
        {
            if (sanitizer.Matches(method))
            {
                return true;
            }
        }

        var words = NameWords.Split(method.Name);
        return !words.IsEmpty && words[0] is "redact" or "mask" or "obfuscate" or "anonymize" or "scrub" or "sanitize" or "pseudonymize" or "censor";
    }
}
