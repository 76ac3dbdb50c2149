using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LogSafety.Analyzers.Tests.Robustness;

/// <summary>
/// The C# programs the rule tests are written in (their raw string literals, markup removed) and the sample app,
/// read from the repository at test time so every new rule test feeds the fuzzer too.
/// A small embedded set stands in when the tests run outside a checkout.
/// </summary>
internal static class SeedSources
{
    private static readonly Regex MarkupOpen = new(@"\{\|[^:{}|\s]*:|\[\|", RegexOptions.Compiled);
    private static readonly Regex MarkupClose = new(@"\|\}|\|\]", RegexOptions.Compiled);

    public static IReadOnlyList<string> All { get; } = Load();

    public static string? RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LogSafety.Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    private static IReadOnlyList<string> Load()
    {
        var seeds = new List<string>();
        if (RepositoryRoot() is { } root)
        {
            var rules = Path.Combine(root, "tests", "LogSafety.Analyzers.Tests", "Rules");
            var files = Directory.Exists(rules) ? Directory.GetFiles(rules, "*.cs", SearchOption.AllDirectories) : Array.Empty<string>();
            foreach (var file in files.OrderBy(f => f, StringComparer.Ordinal))
            {
                seeds.AddRange(RawStringPrograms(File.ReadAllText(file)));
            }

            var samples = Path.Combine(root, "samples");
            if (Directory.Exists(samples))
            {
                seeds.AddRange(Directory.GetFiles(samples, "*.cs", SearchOption.AllDirectories)
                    .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                    .OrderBy(f => f, StringComparer.Ordinal)
                    .Select(File.ReadAllText));
            }
        }

        if (seeds.Count == 0)
        {
            seeds.AddRange(Embedded);
        }

        return seeds;
    }

    /// <summary>Raw string literals that hold a C# program, with test markup removed.</summary>
    public static IEnumerable<string> RawStringPrograms(string testFile)
    {
        var root = CSharpSyntaxTree.ParseText(testFile, new CSharpParseOptions(LanguageVersion.Latest)).GetRoot();
        foreach (var token in root.DescendantTokens())
        {
            if (!token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) && !token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken))
            {
                continue;
            }

            var text = token.ValueText;
            if (text.Contains("class ", StringComparison.Ordinal) || text.Contains("using ", StringComparison.Ordinal))
            {
                yield return StripMarkup(text);
            }
        }
    }

    public static string StripMarkup(string text) => MarkupClose.Replace(MarkupOpen.Replace(text, string.Empty), string.Empty);

    private static readonly string[] Embedded =
    {
        """
        using Microsoft.Extensions.Logging;

        class AccountController
        {
            private readonly ILogger _logger;
            public AccountController(ILogger logger) => _logger = logger;

            private void log(string evt, object data) => _logger.LogInformation("{Event} {@Data}", evt, data);

            void Login(string email, string password, string sessionId, string accessToken)
            {
                _logger.LogInformation("Login {Email} {Password}", email, password);
                _logger.LogInformation($"Token {accessToken}");
                _logger.LogInformation("Session " + sessionId);
                log("login", new { email, password });
                using (_logger.BeginScope(new System.Collections.Generic.Dictionary<string, object> { ["ApiKey"] = accessToken })) { }
            }
        }
        """,
        """
        using System;
        using Serilog;

        static class Audit
        {
            public static void Event(string name, object? data = null) => Log.Information("{Name} {@Data}", name, data);
        }

        class C
        {
            void M(string email, string refreshToken, NLog.Logger nlog, log4net.ILog log4)
            {
                Audit.Event("refresh", new { email, refreshToken });
                Console.WriteLine($"{email} {refreshToken}");
                nlog.Info("Token {Token}", refreshToken);
                log4.InfoFormat("Token {0}", refreshToken);
                nlog.Debug(() => "Token " + refreshToken);
                NLog.MappedDiagnosticsLogicalContext.Set("Token", refreshToken);
                log4net.ThreadContext.Properties["Token"] = refreshToken;
                using (log4net.ThreadContext.Stacks["NDC"].Push(refreshToken)) { }
                nlog.Log(new NLog.LogEventInfo(NLog.LogLevel.Info, "audit", "Token " + refreshToken));
                using (Serilog.Context.LogContext.Push(new Serilog.Core.Enrichers.PropertyEnricher("Token", refreshToken))) { }
            }
        }
        """,
        """
        using System;
        using Microsoft.Extensions.Logging;

        static partial class Log
        {
            private static readonly Action<ILogger, string, Exception?> s_login = LoggerMessage.Define<string>(LogLevel.Information, new EventId(1), "Login {Password}");

            [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Reset {ResetToken}")]
            public static partial void Reset(ILogger logger, string resetToken);

            public static partial void Reset(ILogger logger, string resetToken) { }

            public static void Login(ILogger logger, string password) => s_login(logger, password, null);
        }
        """,
    };
}
