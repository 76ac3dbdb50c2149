using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace LogSafety.Analyzers.Tests.Robustness;

/// <summary>
/// The analyzers share per-compilation caches (wrapper inference, LoggerMessage.Define templates, options per tree):
/// analyzing one compilation from several threads at once, with concurrent execution on, must give exactly the
/// diagnostics of a single-threaded run.
/// </summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task SameCompilationFromSeveralThreads_IdenticalDiagnostics()
    {
        var compilation = AnalyzerHost.Compile(Program());
        var baseline = await AnalyzerHost.AnalyzeAsync(compilation, concurrent: false);
        Assert.Empty(baseline.Exceptions);
        var expected = baseline.Diagnostics.Select(AnalyzerHost.Describe).OrderBy(d => d, System.StringComparer.Ordinal).ToList();
        Assert.True(expected.Count >= 100, $"only {expected.Count} diagnostics: the program should exercise every API");

        // The same analyzer instances and the same compilation, as an IDE shares them between requests.
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => AnalyzerHost.AnalyzeAsync(compilation, concurrent: true))));
        foreach (var run in runs)
        {
            Assert.Empty(run.Exceptions);
            var actual = run.Diagnostics.Select(AnalyzerHost.Describe).OrderBy(d => d, System.StringComparer.Ordinal).ToList();
            Assert.Equal(expected, actual);
        }
    }

    /// <summary>Forty files that log through every supported API, in every value form, through wrappers that call each other.</summary>
    private static IEnumerable<string> Program()
    {
        yield return """
            using System;
            using Microsoft.Extensions.Logging;

            public static class AppLog
            {
                private static readonly Action<ILogger, string, Exception?> s_login = LoggerMessage.Define<string>(LogLevel.Information, new EventId(1), "Login {UserName}");

                public static void Event(ILogger logger, string name, object? data) => Write(logger, name, data);

                private static void Write(ILogger logger, string name, object? data) => logger.LogInformation("{Name} {@Data}", name, data);

                public static void Login(ILogger logger, string userName) => s_login(logger, userName, null);
            }

            public static partial class Events
            {
                [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Reset {Email} {ResetToken}")]
                public static partial void Reset(ILogger logger, string email, string resetToken);

                public static partial void Reset(ILogger logger, string email, string resetToken) { }
            }
            """;
        for (var i = 0; i < 40; i++)
        {
            yield return $$"""
                using System;
                using System.Collections.Generic;
                using Microsoft.Extensions.Logging;
                using NLog;

                namespace N{{i}};

                public sealed record Login{{i}}(string Email, string Password, string SessionId);

                public sealed class Service{{i}}
                {
                    private readonly Microsoft.Extensions.Logging.ILogger _logger;
                    private readonly Serilog.ILogger _serilog;
                    private readonly NLog.Logger _nlog;
                    private readonly log4net.ILog _log4;

                    public Service{{i}}(Microsoft.Extensions.Logging.ILogger logger, Serilog.ILogger serilog, NLog.Logger nlog, log4net.ILog log4)
                    {
                        _logger = logger;
                        _serilog = serilog;
                        _nlog = nlog;
                        _log4 = log4;
                    }

                    private void Audit(string evt, object data) => _logger.LogInformation("{Event} {@Data}", evt, data);

                    public void Run(Login{{i}} login, string accessToken, string email, int count)
                    {
                        _logger.LogInformation("Login {Email} {Password}", login.Email, login.Password);
                        _logger.LogDebug($"Token {accessToken} for {email}");
                        _logger.LogWarning("Session " + login.SessionId + " count " + count);
                        using (_logger.BeginScope(new Dictionary<string, object> { ["ApiKey"] = accessToken, ["Count"] = count })) { }
                        _serilog.Information("Login {Email} {@Login}", email, new { login.Email, login.Password });
                        _serilog.ForContext("RefreshToken", accessToken).Information("Refreshed");
                        _nlog.Info("Login {Email} {Token}", email, accessToken);
                        _nlog.ForInfoEvent().Message("Login").Property("Password", login.Password).Log();
                        _log4.InfoFormat("Login {0} {1}", email, login.Password);
                        Console.WriteLine($"{email} {accessToken}");
                        Audit("login", new { email, login.Password });
                        AppLog.Event(_logger, "token", accessToken);
                        AppLog.Login(_logger, email);
                        Events.Reset(_logger, email, accessToken);
                        _logger.LogInformation("Count {Count} for {Email}", count, email);
                    }
                }
                """;
        }
    }
}
