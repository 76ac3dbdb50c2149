using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LogSafety.Analyzers.Options;
using Xunit;

namespace LogSafety.Analyzers.Tests.Robustness;

/// <summary>Every analyzer on empty source, on source that is nothing but errors, and under every malformed option.</summary>
public sealed class EdgeInputTests
{
    private const string LoggingProgram = """
        using System;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, Serilog.ILogger serilog, string email, string password, string accessToken)
            {
                logger.LogInformation("Login {Email} {Password}", email, password);
                serilog.Information("Token {Token}", accessToken);
                Console.WriteLine($"Login {email}");
            }
        }
        """;

    public static IEnumerable<object[]> BrokenSources() => new[]
    {
        new object[] { "" },
        new object[] { "   \n\n  // only a comment\n" },
        new object[] { "class { void ( ) } }} @@@ " },
        new object[] { "namespace;" },
        new object[] { "#if\n#endif #region" },
        new object[] { "using Microsoft.Extensions.Logging; class C { void M(ILogger logger, string password) { logger.LogInformation(" },
        new object[] { "using Microsoft.Extensions.Logging; class C { void M(ILogger logger, string password) { logger.LogInformation(\"{Password\", password, ; } }" },
        new object[] { "using Microsoft.Extensions.Logging; class C { void M(ILogger logger) { logger.LogInformation(\"{A}\", undefinedPassword); logger.Undefined(password); } }" },
        new object[] { "using Microsoft.Extensions.Logging; static partial class L { [LoggerMessage(Message = )] static partial void M(ILogger, string password); }" },
        new object[] { "using System; class C { void M(string password) { Console.WriteLine($\"{password\"); Console.WriteLine($\"{}\"); } }" },
        new object[] { "class C { void M() => log(\"x\", new { password = }); void log(string e, object d) => System.Console.WriteLine(d); }" },
        new object[] { "\"\"\"\n unterminated raw string" },
        new object[] { "using Microsoft.AspNetCore.Http; using Microsoft.Extensions.Logging; class C { void M(ILogger logger, HttpRequest r) { logger.LogInformation(\"{B}\", Read(r)); logger.LogInformation(\"{B}\", Read2(r)); logger.LogInformation(\"{B}\", Read3()); logger.LogInformation(\"{B}\", Self(r)); } string Read(HttpRequest r) { return new System.IO.StreamReader(r.Body).ReadToEnd( } static string Read2(HttpRequest r) => Undefined(r.Body); extern string Read3(); string Self(HttpRequest r) { return Self(r) + r.Headers[\"Authorization\"]; } }" },
    };

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public async Task EmptyOrBrokenSource_NoAnalyzerThrows(string source)
    {
        var result = await AnalyzerHost.AnalyzeAsync(AnalyzerHost.Compile(source));
        Assert.Empty(result.Exceptions);
    }

    public static IEnumerable<object[]> MalformedOptions()
    {
        var values = new[] { "maybe", "!!!", ",,,", "a..b", "Type.", ".Method", "`", "pin code!", "\u0000", " = ", "true false", new string('x', 10_000), "Namespace.Type.Method(string)", "*" };
        return LogSafetyOptions.KnownKeys.SelectMany(key => values.Select(value => new object[] { key, value }));
    }

    [Theory]
    [MemberData(nameof(MalformedOptions))]
    public async Task MalformedOption_NoAnalyzerThrows_AndAnalysisGoesOn(string key, string value)
    {
        var options = new Dictionary<string, string> { [key] = value };
        var result = await AnalyzerHost.AnalyzeAsync(AnalyzerHost.Compile(LoggingProgram), options);
        Assert.Empty(result.Exceptions);
        // A bad option never silences the defaults.
        Assert.Equal(1, result.Count(RuleIds.Password));
        Assert.Equal(1, result.Count(RuleIds.TokenOrSecret));
    }

    [Fact]
    public async Task EveryOptionMalformedAtOnce_ReportsLS9000_AndAnalysisGoesOn()
    {
        var options = LogSafetyOptions.KnownKeys.ToDictionary(key => key, _ => "pin code! maybe");
        var result = await AnalyzerHost.AnalyzeAsync(AnalyzerHost.Compile(LoggingProgram), options);
        Assert.Empty(result.Exceptions);
        Assert.True(result.Count(RuleIds.InvalidConfiguration) >= 1);
        Assert.Equal(1, result.Count(RuleIds.Password));
    }
}
