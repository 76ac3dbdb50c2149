using LogSafety.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LogSafety.Analyzers.Configuration;

/// <summary>Per-compilation state of the configuration rules: symbols, the development guard and parsed options per tree.</summary>
internal sealed class ConfigurationState
{
    private readonly TreeOptions _options;

    public ConfigurationState(ConfigurationSymbols symbols, AnalyzerOptions analyzerOptions)
    {
        _options = new TreeOptions(analyzerOptions.AnalyzerConfigOptionsProvider);
        Symbols = symbols;
        Guard = new DevelopmentGuard(symbols);
        RequestBodyFlag = LoggedFields.MemberValue(symbols.HttpLoggingFields, RequestBodyMember);
        CookieFlag = LoggedFields.MemberValue(symbols.W3CLoggingFields, CookieMember);
    }

    public const string RequestBodyMember = "RequestBody";
    public const string CookieMember = "Cookie";

    public ConfigurationSymbols Symbols { get; }
    public DevelopmentGuard Guard { get; }

    /// <summary>HttpLoggingFields.RequestBody.</summary>
    public long? RequestBodyFlag { get; }

    /// <summary>W3CLoggingFields.Cookie.</summary>
    public long? CookieFlag { get; }

    public LogSafetyOptions OptionsFor(SyntaxTree tree) => _options.For(tree);
}
