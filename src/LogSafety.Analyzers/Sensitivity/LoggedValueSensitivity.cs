using LogSafety.Analyzers.Logging;
using LogSafety.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Sensitivity;

/// <summary>
/// The one place that turns a logged value into a finding. The order of checks lives here and nowhere else:
/// reported inside the callee, marked safe, credential header, name (with the evidence some names need), flow
/// refinement of a name, content (request data, attributes, local flow, objects logged whole), then credentials
/// inside connection strings and URLs.
/// </summary>
internal sealed class LoggedValueSensitivity
{
    private readonly LoggingSymbols _symbols;
    private readonly SecretClassifier _secrets;
    private readonly LoggedValueJudge _content;
    private readonly CompositeSecrets _composites;

    public LoggedValueSensitivity(LoggingSymbols symbols, SecretClassifier secrets, LoggedValueJudge content, CompositeSecrets composites)
    {
        _symbols = symbols;
        _secrets = secrets;
        _content = content;
        _composites = composites;
    }

    /// <summary>The finding for <paramref name="value"/> written by <paramref name="call"/>, with its evidence, or null.</summary>
    public ContentFinding? Judge(LogCall call, LoggedValue value, LogSafetyOptions options) =>
        JudgeInOrder(call, value, options) is { } finding && !EmptyBranches.IsLoggedOnlyWhenEmpty(value.Value)
            ? NameWhatTheWrapperWrites(call, value, finding)
            : null;

    private ContentFinding? JudgeInOrder(LogCall call, LoggedValue value, LogSafetyOptions options)
    {
        if (IsConstant(LoggedValueCollector.SkipConversions(value.Value)))
        {
            // Constants are never secrets by name; a constant connection string or URL can still carry one.
            return Composite(value, options);
        }

        if (value.Form == LoggedValueForm.Argument && ReportedInsideCallee(call, value, options))
        {
            return null;
        }

        if (_content.IsMarkedSafe(value, options))
        {
            return null;
        }

        if (_content.CredentialHeaderFirst(value, call, options) is { } header)
        {
            return header;
        }

        if (_secrets.Classify(value, options) is { } byName)
        {
            return _content.MoreSpecificThanName(value, byName.Kind, options)
                ?? new ContentFinding(byName, System.Collections.Immutable.ImmutableArray<string>.Empty);
        }

        return _content.Classify(value, call, options) ?? Composite(value, options);
    }

    private ContentFinding? Composite(LoggedValue value, LogSafetyOptions options) =>
        _composites.Classify(value, options) is { } finding ? new ContentFinding(finding, System.Collections.Immutable.ImmutableArray<string>.Empty) : null;

    /// <summary>
    /// A value passed to the application's own log method is judged as its inner log call would judge it (under the
    /// name that call gives it); the message then says what the wrapper writes, since the call site shows no template.
    /// </summary>
    private static ContentFinding NameWhatTheWrapperWrites(LogCall call, LoggedValue value, ContentFinding finding)
    {
        // LS0006 messages quote the exposed path, and "is logged as 'x'" already names what is written.
        if (call.Api != LogApi.Wrapper || value.Form != LoggedValueForm.Argument
            || finding.Finding.Kind is not (SecretKind.Password or SecretKind.TokenOrSecret or SecretKind.SessionId)
            || finding.Finding.Reason.StartsWith("is logged as", System.StringComparison.Ordinal))
        {
            return finding;
        }

        var written = value.Label ?? (value.Value.Parent as IArgumentOperation ?? FindArgument(value.Value))?.Parameter?.Name;
        if (written is null)
        {
            return finding;
        }

        var reason = $"{finding.Finding.Reason} (written as '{written}')";
        return new ContentFinding(new SecretFinding(finding.Finding.Kind, reason, finding.Finding.Value, finding.Finding.Origin, finding.Finding.ConnectionStringBuilder), finding.SafeMembers);
    }

    /// <summary>Constants are never secrets: literals, nameof, default, const fields and string.Empty ("token ?? string.Empty").</summary>
    private static bool IsConstant(IOperation operation) =>
        operation.ConstantValue.HasValue
        || operation is INameOfOperation or ILiteralOperation or IDefaultValueOperation
        || operation is IFieldReferenceOperation { Field: { Name: "Empty", IsStatic: true, ContainingType.SpecialType: SpecialType.System_String } };

    /// <summary>
    /// A [LoggerMessage] parameter (or an inferred wrapper's) judged at its declaration: by its name, when its type can
    /// carry a secret. A session ID that needs evidence (a bare "sid", one typed Guid) has none at a declaration, so it
    /// is left to the value a call passes.
    /// </summary>
    public NameVerdict JudgeLoggerMessageParameter(IParameterSymbol parameter, LogSafetyOptions options)
    {
        if (!SecretCarrierTypes.CanCarrySecret(parameter.Type, _symbols) || options.SafeNames.Contains(parameter.Name))
        {
            return NameVerdict.None;
        }

        // Only a session ID needs evidence, and a declaration has none.
        var verdict = SecretClassifier.WithSessionEvidenceNeeded(NameClassifier.Classify(parameter.Name, options), parameter.Type, _symbols.Guid, loggedAsBareSid: false);
        return verdict.NeedsEvidence ? NameVerdict.None : verdict;
    }

    /// <summary>
    /// A [LoggerMessage] parameter named like a secret is reported once, at its declaration, where the fix removes it
    /// from the template, the signature and every call; likewise an inferred wrapper's parameter that its inner log
    /// call already reports (named like a secret, or logged under a secret's name). Their call sites stay quiet.
    /// </summary>
    private bool ReportedInsideCallee(LogCall call, LoggedValue value, LogSafetyOptions options)
    {
        var inSource = call.Api == LogApi.LoggerMessageMethod
            || (call.Api == LogApi.Wrapper && call.Invocation is { TargetMethod.Locations: { IsEmpty: false } locations } && locations[0].IsInSource);
        if (!inSource)
        {
            return false;
        }

        // The LoggerMessage generator puts [GeneratedCode] on its implementation part, which makes the whole partial
        // method generated code: its declaration is never analyzed, so its calls report instead.
        if (call.Api == LogApi.LoggerMessageMethod && call.Invocation is { } invocation && IsGeneratorImplemented(invocation.TargetMethod))
        {
            return false;
        }

        var argument = value.Value.Parent as IArgumentOperation ?? FindArgument(value.Value);
        if (argument?.Parameter is not { } parameter)
        {
            return false;
        }

        return JudgeLoggerMessageParameter(parameter, options).IsSensitive
            || (call.Api == LogApi.Wrapper && value.TemplateIndex < 0 && value.Label is { } label
                && SecretCarrierTypes.CanCarrySecret(parameter.Type, _symbols) && NameClassifier.Classify(label, options).IsSensitive);
    }

    private bool IsGeneratorImplemented(IMethodSymbol method)
    {
        if (_symbols.GeneratedCodeAttribute is not { } generatedCode)
        {
            return false;
        }

        return ContentSymbols.HasAttribute(method, generatedCode)
            || (method.PartialImplementationPart is { } implementation && ContentSymbols.HasAttribute(implementation, generatedCode));
    }

    private static IArgumentOperation? FindArgument(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IArgumentOperation argument)
            {
                return argument;
            }

            if (current is IInvocationOperation)
            {
                return null;
            }
        }

        return null;
    }
}
