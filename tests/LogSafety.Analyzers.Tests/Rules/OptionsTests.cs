using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LogSafety.Analyzers.Rules.LoggedSecretAnalyzer>;
using VerifyOptions = LogSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LogSafety.Analyzers.Rules.OptionsValidationAnalyzer>;

namespace LogSafety.Analyzers.Tests.Rules;

public sealed class OptionsTests
{
    [Fact]
    public Task AdditionalWords_PerRule_Report() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string pin, string secretAnswer, string deviceFingerprint, string pinLength)
            {
                logger.LogInformation("{A}", {|LS0001:pin|});
                logger.LogInformation("{A}", {|LS0002:secretAnswer|});
                logger.LogInformation("{A}", {|LS0003:deviceFingerprint|});
                logger.LogInformation("{A}", pinLength);
            }
        }
        """,
        "logsafety.LS0001.additional_words = pin\nlogsafety.LS0002.additional_words = secretAnswer\nlogsafety.LS0003.additional_words = device_fingerprint\n");

    [Fact]
    public Task SafeNames_AreNeverFlagged() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string passwordResetUrlTemplate, string demoPassword, string password)
            {
                logger.LogInformation("{A}", demoPassword);
                logger.LogInformation("{A}", {|LS0001:password|});
            }
        }
        """,
        "logsafety.safe_names = demoPassword, OtherName\n");

    /// <summary>
    /// Options are parsed once per file and cached per compilation: files with different sections get their own,
    /// whichever file is analyzed first.
    /// </summary>
    [Fact]
    public async Task PerFileSections_ApplyToTheirFilesOnly()
    {
        const string Code = """
            using Microsoft.Extensions.Logging;

            class C{0}
            {{
                void M(ILogger logger, string demoPassword) => logger.LogInformation("{{A}}", {1});
            }}
            """;
        var test = new Verify.Test();
        test.TestState.Sources.Add(("/0/Flagged1.cs", string.Format(Code, 1, "{|LS0001:demoPassword|}")));
        test.TestState.Sources.Add(("/0/Safe.cs", string.Format(Code, 2, "demoPassword")));
        test.TestState.Sources.Add(("/0/Flagged2.cs", string.Format(Code, 3, "{|LS0001:demoPassword|}")));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nlogsafety.safe_names = OtherName\n\n[Safe.cs]\nlogsafety.safe_names = demoPassword\n"));
        await test.RunAsync();
    }

    [Fact]
    public Task ConfiguredSanitizer_IsNotFlagged() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        static class Hide { public static string Fingerprint(string s) => s.GetHashCode().ToString(); }

        class C
        {
            void M(ILogger logger, string accessToken)
            {
                logger.LogInformation("{A}", Hide.Fingerprint(accessToken));
                logger.LogInformation("{A}", {|LS0002:accessToken|});
            }
        }
        """,
        "logsafety.sanitizer_methods = Hide.Fingerprint\n");

    [Fact]
    public Task MalformedOptions_ReportLS9000_AndAnalysisGoesOn() => VerifyOptions.VerifyAnalyzerAsync("""
        class C { }
        """,
        "logsafety.console_and_trace_sinks = maybe\nlogsafety.additional_log_methods = NoDot, Good.Method\nlogsafety.LS0001.additional_words = pin code!\n",
        VerifyOptions.Diagnostic("LS9000").WithArguments("logsafety.LS0001.additional_words", "'pin code!' is not a name (use letters, digits, '_' or '-', separated by commas)"),
        VerifyOptions.Diagnostic("LS9000").WithArguments("logsafety.additional_log_methods", "'NoDot' is not of the form 'Namespace.Type.Method' (or 'Type.Method')"),
        VerifyOptions.Diagnostic("LS9000").WithArguments("logsafety.console_and_trace_sinks", "'maybe' is not 'true' or 'false'"));

    [Fact]
    public Task MalformedOption_DefaultStillApplies() => Verify.VerifyAnalyzerAsync("""
        using System;

        class C
        {
            void M(string password) => Console.WriteLine({|LS0001:password|});
        }
        """,
        "logsafety.console_and_trace_sinks = maybe\n");

    [Fact]
    public Task MisspelledKey_ReportsLS9000() => VerifyOptions.VerifyAnalyzerAsync("""
        class C { }
        """,
        "logsafety.safe_name = demoPassword\n",
        VerifyOptions.Diagnostic("LS9000").WithArguments("logsafety.safe_name", "it is not a LogSafety option (see docs/configuration.md for the options)"));
}
