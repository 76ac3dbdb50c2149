using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LogSafety.Analyzers.Options;

/// <summary>
/// The typed view of LogSafety's .editorconfig options, with every default in one place.
/// Parsing never throws: a malformed value is recorded in <see cref="Problems"/> and its default is used.
/// </summary>
internal sealed class LogSafetyOptions
{
    public const string Prefix = "logsafety.";
    public const string PasswordWordsKey = "logsafety.LS0001.additional_words";
    public const string TokenWordsKey = "logsafety.LS0002.additional_words";
    public const string SessionWordsKey = "logsafety.LS0003.additional_words";
    public const string SafeNamesKey = "logsafety.safe_names";
    public const string LogMethodsKey = "logsafety.additional_log_methods";
    public const string SanitizersKey = "logsafety.sanitizer_methods";
    public const string ConsoleSinksKey = "logsafety.console_and_trace_sinks";
    public const string SensitiveAttributesKey = "logsafety.sensitive_attributes";
    public const string SafeAttributesKey = "logsafety.safe_attributes";

    /// <summary>Every key this package reads; used to spot misspelled keys.</summary>
    public static ImmutableArray<string> KnownKeys { get; } = ImmutableArray.Create(
        PasswordWordsKey, TokenWordsKey, SessionWordsKey, SafeNamesKey, LogMethodsKey, SanitizersKey,
        ConsoleSinksKey, SensitiveAttributesKey, SafeAttributesKey);

    public static LogSafetyOptions Default { get; } = new(
        ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty,
        ImmutableHashSet<string>.Empty, ImmutableArray<MethodName>.Empty, ImmutableArray<MethodName>.Empty,
        consoleAndTraceSinks: true, ImmutableHashSet<string>.Empty, ImmutableHashSet<string>.Empty,
        ImmutableArray<OptionProblem>.Empty);

    private LogSafetyOptions(
        ImmutableArray<string> passwordWords,
        ImmutableArray<string> tokenWords,
        ImmutableArray<string> sessionWords,
        ImmutableHashSet<string> safeNames,
        ImmutableArray<MethodName> logMethods,
        ImmutableArray<MethodName> sanitizers,
        bool consoleAndTraceSinks,
        ImmutableHashSet<string> sensitiveAttributes,
        ImmutableHashSet<string> safeAttributes,
        ImmutableArray<OptionProblem> problems)
    {
        PasswordWords = passwordWords;
        TokenWords = tokenWords;
        SessionWords = sessionWords;
        SafeNames = safeNames;
        LogMethods = logMethods;
        Sanitizers = sanitizers;
        ConsoleAndTraceSinks = consoleAndTraceSinks;
        SensitiveAttributes = sensitiveAttributes;
        SafeAttributes = safeAttributes;
        Problems = problems;
    }

    /// <summary>Extra names (split into words like identifiers) that mean a password.</summary>
    public ImmutableArray<string> PasswordWords { get; }
    public ImmutableArray<string> TokenWords { get; }
    public ImmutableArray<string> SessionWords { get; }

    /// <summary>Identifiers that are never flagged, compared case-insensitively.</summary>
    public ImmutableHashSet<string> SafeNames { get; }

    /// <summary>Methods outside the compilation whose arguments are written to the log.</summary>
    public ImmutableArray<MethodName> LogMethods { get; }

    /// <summary>Methods whose result is safe to log whatever they are given.</summary>
    public ImmutableArray<MethodName> Sanitizers { get; }

    public bool ConsoleAndTraceSinks { get; }

    /// <summary>Full names of attribute types that mark a member or parameter as sensitive (or safe).</summary>
    public ImmutableHashSet<string> SensitiveAttributes { get; }
    public ImmutableHashSet<string> SafeAttributes { get; }

    public ImmutableArray<OptionProblem> Problems { get; }

    public bool HasExtraLogMethods => !LogMethods.IsDefaultOrEmpty;

    /// <summary>
    /// The options <paramref name="options"/> sets, with a problem for each value that cannot be read. Unknown
    /// (misspelled) keys are looked for only when <paramref name="checkUnknownKeys"/> is set, by the rule that reports
    /// them (LS9000, once per compilation): that means enumerating every key the file's .editorconfig sections set,
    /// which the per-file parse that every invocation's options come from need not do.
    /// </summary>
    public static LogSafetyOptions Parse(AnalyzerConfigOptions options, bool checkUnknownKeys = false)
    {
        var problems = ImmutableArray.CreateBuilder<OptionProblem>();
        var anySet = false;
        foreach (var key in KnownKeys)
        {
            if (options.TryGetValue(key, out _))
            {
                anySet = true;
                break;
            }
        }

        if (checkUnknownKeys)
        {
            ReportUnknownKeys(options, problems);
        }

        if (!anySet)
        {
            return problems.Count == 0 ? Default : Default.WithProblems(problems.ToImmutable());
        }

        var result = new LogSafetyOptions(
            ReadWords(options, PasswordWordsKey, problems),
            ReadWords(options, TokenWordsKey, problems),
            ReadWords(options, SessionWordsKey, problems),
            ReadWords(options, SafeNamesKey, problems).ToImmutableHashSet(StringComparer.OrdinalIgnoreCase),
            ReadMethods(options, LogMethodsKey, problems),
            ReadMethods(options, SanitizersKey, problems),
            ReadBool(options, ConsoleSinksKey, defaultValue: true, problems),
            ReadTypeNames(options, SensitiveAttributesKey, problems),
            ReadTypeNames(options, SafeAttributesKey, problems),
            problems.ToImmutable());
        return result;
    }

    private LogSafetyOptions WithProblems(ImmutableArray<OptionProblem> problems) =>
        new(PasswordWords, TokenWords, SessionWords, SafeNames, LogMethods, Sanitizers, ConsoleAndTraceSinks, SensitiveAttributes, SafeAttributes, problems);

    /// <summary>A misspelled key would silently do nothing: name it. Hosts that cannot enumerate keys are skipped.</summary>
    private static void ReportUnknownKeys(AnalyzerConfigOptions options, ImmutableArray<OptionProblem>.Builder problems)
    {
        IEnumerable<string> keys;
        try
        {
            keys = options.Keys;
            foreach (var key in keys)
            {
                if (key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && !KnownKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
                {
                    problems.Add(new OptionProblem(key, "it is not a LogSafety option (see docs/configuration.md for the options)"));
                }
            }
        }
        catch (NotImplementedException)
        {
        }
    }

    private static IEnumerable<string> SplitList(string value) =>
        value.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).Where(s => s.Length > 0);

    private static ImmutableArray<string> ReadWords(AnalyzerConfigOptions options, string key, ImmutableArray<OptionProblem>.Builder problems)
    {
        if (!options.TryGetValue(key, out var value))
        {
            return ImmutableArray<string>.Empty;
        }

        var words = ImmutableArray.CreateBuilder<string>();
        foreach (var item in SplitList(value))
        {
            if (!item.All(c => char.IsLetterOrDigit(c) || c is '_' or '-'))
            {
                problems.Add(new OptionProblem(key, $"'{item}' is not a name (use letters, digits, '_' or '-', separated by commas)"));
                continue;
            }

            words.Add(item);
        }

        return words.ToImmutable();
    }

    private static ImmutableArray<MethodName> ReadMethods(AnalyzerConfigOptions options, string key, ImmutableArray<OptionProblem>.Builder problems)
    {
        if (!options.TryGetValue(key, out var value))
        {
            return ImmutableArray<MethodName>.Empty;
        }

        var methods = ImmutableArray.CreateBuilder<MethodName>();
        foreach (var item in SplitList(value))
        {
            if (MethodName.TryParse(item, out var method))
            {
                methods.Add(method);
            }
            else
            {
                problems.Add(new OptionProblem(key, $"'{item}' is not of the form 'Namespace.Type.Method' (or 'Type.Method')"));
            }
        }

        return methods.ToImmutable();
    }

    private static ImmutableHashSet<string> ReadTypeNames(AnalyzerConfigOptions options, string key, ImmutableArray<OptionProblem>.Builder problems)
    {
        if (!options.TryGetValue(key, out var value))
        {
            return ImmutableHashSet<string>.Empty;
        }

        var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var item in SplitList(value))
        {
            if (!item.All(c => char.IsLetterOrDigit(c) || c is '_' or '.'))
            {
                problems.Add(new OptionProblem(key, $"'{item}' is not a full type name such as 'MyCompany.SensitiveAttribute'"));
                continue;
            }

            names.Add(item);
        }

        return names.ToImmutable();
    }

    private static bool ReadBool(AnalyzerConfigOptions options, string key, bool defaultValue, ImmutableArray<OptionProblem>.Builder problems)
    {
        if (!options.TryGetValue(key, out var value))
        {
            return defaultValue;
        }

        if (bool.TryParse(value.Trim(), out var result))
        {
            return result;
        }

        problems.Add(new OptionProblem(key, $"'{value}' is not 'true' or 'false'"));
        return defaultValue;
    }
}

/// <summary>A malformed option: the key and what is wrong with it.</summary>
internal readonly struct OptionProblem : IEquatable<OptionProblem>
{
    public OptionProblem(string key, string message)
    {
        Key = key;
        Message = message;
    }

    public string Key { get; }
    public string Message { get; }

    public bool Equals(OptionProblem other) => Key == other.Key && Message == other.Message;
    public override bool Equals(object? obj) => obj is OptionProblem other && Equals(other);
    public override int GetHashCode() => (Key.GetHashCode() * 397) ^ Message.GetHashCode();
}

/// <summary>A method named in configuration: an optional type (full or simple name) and a method name.</summary>
internal readonly struct MethodName
{
    private MethodName(string? typeName, string methodName)
    {
        TypeName = typeName;
        Method = methodName;
    }

    public string? TypeName { get; }
    public string Method { get; }

    public static bool TryParse(string text, out MethodName result)
    {
        result = default;
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || !trimmed.All(c => char.IsLetterOrDigit(c) || c is '_' or '.' or '`'))
        {
            return false;
        }

        var lastDot = trimmed.LastIndexOf('.');
        if (lastDot <= 0 || lastDot == trimmed.Length - 1)
        {
            return false;
        }

        result = new MethodName(trimmed.Substring(0, lastDot), trimmed.Substring(lastDot + 1));
        return true;
    }

    /// <summary>Matches 'Namespace.Type.Method' against the full type name, or 'Type.Method' against the simple name.</summary>
    public bool Matches(Microsoft.CodeAnalysis.IMethodSymbol method)
    {
        if (!string.Equals(method.Name, Method, StringComparison.Ordinal))
        {
            return false;
        }

        var type = method.ContainingType;
        if (type is null || TypeName is null)
        {
            return false;
        }

        return TypeName.IndexOf('.') < 0
            ? string.Equals(type.Name, TypeName, StringComparison.Ordinal)
            : string.Equals(type.ToDisplayString(Microsoft.CodeAnalysis.SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty), TypeName, StringComparison.Ordinal);
    }
}
