using System;
using LogSafety.Analyzers.Options;

namespace LogSafety.Analyzers.Sensitivity;

/// <summary>HTTP header names whose values are credentials: authorization, cookies, and API-key or token headers by their words.</summary>
internal static class CredentialHeaders
{
    /// <summary>Returns what the header carries, or null when its value is not a credential.</summary>
    public static string? Describe(string headerName, LogSafetyOptions options)
    {
        var name = headerName.Trim();
        if (Is(name, "Authorization") || Is(name, "Proxy-Authorization"))
        {
            return "carries bearer tokens and basic-auth passwords";
        }

        if (Is(name, "Cookie") || Is(name, "Set-Cookie"))
        {
            return "carries session and authentication cookies";
        }

        // CORS headers (Access-Control-Allow-Credentials: true, Access-Control-Allow-Headers: Authorization) say which
        // credentials and headers a browser may send; their values are flags and header names, never the credentials.
        if (name.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var verdict = NameClassifier.Classify(name, options);
        return verdict.IsSensitive ? "looks like " + verdict.Description : null;
    }

    private static bool Is(string name, string header) => string.Equals(name, header, StringComparison.OrdinalIgnoreCase);
}
