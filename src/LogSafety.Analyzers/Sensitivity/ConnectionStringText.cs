using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace LogSafety.Analyzers.Sensitivity;

/// <summary>
/// Reads connection strings and URLs as text (constants, or the constant parts of a string built in code, with
/// <see cref="Hole"/> where a value is filled in) and says which credential they carry, if any.
/// </summary>
internal static class ConnectionStringText
{
    /// <summary>Stands for a value computed at run time inside a string built from parts.</summary>
    public const char Hole = '\uFFFC';

    /// <summary>Keys of ADO.NET, Azure Storage/Service Bus/Event Hubs, Redis and similar connection strings that hold a credential.</summary>
    private static readonly ImmutableHashSet<string> CredentialKeys = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "password", "pwd", "passwd", "accountkey", "sharedaccesskey", "sharedaccesssignature", "sig", "clientsecret",
        "client secret", "client_secret", "token", "accesstoken", "access_token", "apikey", "api key", "api_key", "secret");

    /// <summary>Keys that only a connection string has: with one of them, "a=b;c=d" text is taken for one.</summary>
    private static readonly ImmutableHashSet<string> ConnectionKeys = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "server", "data source", "datasource", "host", "database", "initial catalog", "user id", "uid", "user", "username",
        "integrated security", "trusted_connection", "port", "defaultendpointsprotocol", "accountname", "endpoint",
        "sharedaccesskeyname", "entitypath", "filename", "provider", "attachdbfilename", "ssl", "sslmode", "abortconnect");

    /// <summary>URL query parameters that carry a credential.</summary>
    private static readonly ImmutableHashSet<string> CredentialParameters = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "access_token", "id_token", "refresh_token", "token", "api_key", "apikey", "key", "sig", "password", "client_secret");

    /// <summary>Names a request's query is read with in code that handles credentials in the URL.</summary>
    public static bool IsCredentialParameter(string name) => CredentialParameters.Contains(name) || name.Equals("code", StringComparison.OrdinalIgnoreCase);

    /// <summary>The credential key a connection string sets (to a value or to a hole), or null when it sets none.</summary>
    public static string? ConnectionStringCredential(string text, out bool isConnectionString)
    {
        isConnectionString = false;
        if (UrlUserInfoPassword(text) is { } userInfo)
        {
            isConnectionString = true;
            return userInfo;
        }

        var pairs = 0;
        var known = false;
        string? credential = null;
        foreach (var part in text.Split(';', ','))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var key = part.Substring(0, equals).Trim();
            var value = part.Substring(equals + 1).Trim().Trim('"', '\'');
            pairs++;
            known |= ConnectionKeys.Contains(key) || CredentialKeys.Contains(key);
            if (credential is null && CredentialKeys.Contains(key) && value.Length > 0)
            {
                credential = key;
            }
        }

        isConnectionString = known && pairs >= 1 && text.IndexOf("://", StringComparison.Ordinal) < 0;
        return isConnectionString ? credential : null;
    }

    /// <summary>What a URL carries: "a user name and password", "its 'api_key' parameter", or null.</summary>
    public static string? UrlCredential(string text, bool oauthCallback)
    {
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0 && text.IndexOf('?') < 0)
        {
            return null;
        }

        if (UrlUserInfoPassword(text) is not null)
        {
            return "a user name and password";
        }

        var query = text.IndexOf('?');
        if (query < 0)
        {
            return null;
        }

        foreach (var pair in text.Substring(query + 1).Split('&', '#'))
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0 || equals == pair.Length - 1)
            {
                continue;
            }

            var name = pair.Substring(0, equals);
            if (CredentialParameters.Contains(name) || (oauthCallback && name.Equals("code", StringComparison.OrdinalIgnoreCase)))
            {
                return $"its '{name}' parameter";
            }
        }

        return null;
    }

    /// <summary>"scheme://user:password@host": the password part, when there is one.</summary>
    private static string? UrlUserInfoPassword(string text)
    {
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0)
        {
            return null;
        }

        var authorityStart = scheme + 3;
        var authorityEnd = text.IndexOfAny(new[] { '/', '?', '#' }, authorityStart);
        var authority = authorityEnd < 0 ? text.Substring(authorityStart) : text.Substring(authorityStart, authorityEnd - authorityStart);
        var at = authority.LastIndexOf('@');
        if (at <= 0)
        {
            return null;
        }

        var colon = authority.IndexOf(':');
        return colon > 0 && colon < at - 1 ? "password" : null;
    }

    /// <summary>
    /// Whether a name's last words say "connection string" (connectionString, connStr, DefaultConnectionString); a
    /// name that goes on after them is about the string, not the string itself (connectionStringName, connStrLength).
    /// </summary>
    public static bool NamesConnectionString(IReadOnlyList<string> words)
    {
        var count = words.Count;
        if (count == 0)
        {
            return false;
        }

        var last = words[count - 1];
        if (last is "connectionstring" or "connectionstrings" or "connstr" or "connstring" or "connstrings")
        {
            return true;
        }

        return count >= 2 && words[count - 2] is "connection" or "conn" && last is "string" or "strings" or "str";
    }
}
