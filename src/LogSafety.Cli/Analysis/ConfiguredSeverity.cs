using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LogSafety.Cli.Analysis;

/// <summary>
/// The severity .editorconfig gives a rule, as the compiler applies it in a build: dotnet_diagnostic.ID.severity, else
/// dotnet_analyzer_diagnostic.category-CATEGORY.severity. Applied here too so that loose mode honours it the same way.
/// </summary>
internal static class ConfiguredSeverity
{
    /// <summary>The diagnostic's configured severity, or null when it is turned off (none, silent).</summary>
    public static DiagnosticSeverity? Of(Diagnostic diagnostic, AnalyzerConfigOptions options)
    {
        if (!options.TryGetValue($"dotnet_diagnostic.{diagnostic.Id}.severity", out var value)
            && !options.TryGetValue($"dotnet_analyzer_diagnostic.category-{diagnostic.Descriptor.Category}.severity", out value))
        {
            return diagnostic.Severity;
        }

        return value.Trim().ToLowerInvariant() switch
        {
            "error" => DiagnosticSeverity.Error,
            "warning" => DiagnosticSeverity.Warning,
            "suggestion" => DiagnosticSeverity.Info,
            "silent" or "none" => null,
            _ => diagnostic.Severity,
        };
    }
}
