using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using LogSafety.Analyzers.Baselines;
using LogSafety.Analyzers.Rules;
using LogSafety.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace LogSafety.Analyzers.Tests.Baselines;

/// <summary>
/// The build's side of a baseline: LoggedSecretAnalyzer reports, BaselineSuppressor suppresses what
/// logsafety.baseline.json (an AdditionalFiles item) accepts, and LS9001 says when the file cannot be read.
/// </summary>
public sealed class BaselineSuppressorTests
{
    private const string BaselinePath = "/0/logsafety.baseline.json";

    private const string Service = """
        using Microsoft.Extensions.Logging;

        public sealed class SignIn
        {
            private readonly ILogger<SignIn> _logger;

            public SignIn(ILogger<SignIn> logger) => _logger = logger;

            public void Attempt(string email, string password, string apiKey)
            {
                _logger.LogInformation("Sign-in for {Email} with {Password}", email, {|#0:password|});
                _logger.LogInformation("Calling the API with {ApiKey}", {|#1:apiKey|});
            }
        }
        """;

    [Fact]
    public async Task Suppressor_BaselinedFinding_IsSuppressed()
    {
        var baseline = BaselineFor(Service, ("LS0001", "password", 0));

        await RunAsync(Service, baseline,
            Finding(RuleIds.Password, 0).WithIsSuppressed(true),
            Finding(RuleIds.TokenOrSecret, 1));
    }

    [Fact]
    public async Task Suppressor_NoBaselineFile_SuppressesNothing()
    {
        await RunAsync(Service, baseline: null,
            Finding(RuleIds.Password, 0),
            Finding(RuleIds.TokenOrSecret, 1));
    }

    [Fact]
    public async Task Suppressor_LinesInsertedAboveAndCallReformatted_StillSuppressed()
    {
        var baseline = BaselineFor(Service, ("LS0001", "password", 0), ("LS0002", "apiKey", 0));
        var moved = "// a header\n\n\n" + Service.Replace(
            "_logger.LogInformation(\"Sign-in for {Email} with {Password}\", email, {|#0:password|});",
            "var unrelated = 1;\n        _logger.LogInformation(\n            \"Sign-in for {Email} with {Password}\", // reformatted\n            email,\n            {|#0:password|});");

        await RunAsync(moved, baseline,
            Finding(RuleIds.Password, 0).WithIsSuppressed(true),
            Finding(RuleIds.TokenOrSecret, 1).WithIsSuppressed(true));
    }

    [Fact]
    public async Task Suppressor_EditedCall_IsReportedAgain()
    {
        var baseline = BaselineFor(Service, ("LS0001", "password", 0), ("LS0002", "apiKey", 0));
        var edited = Service.Replace("Sign-in for {Email}", "Login for {Email}");

        await RunAsync(edited, baseline,
            Finding(RuleIds.Password, 0),
            Finding(RuleIds.TokenOrSecret, 1).WithIsSuppressed(true));
    }

    [Fact]
    public async Task Suppressor_ThirdIdenticalCall_IsReported()
    {
        const string Twice = """
            using Microsoft.Extensions.Logging;

            public static class Tokens
            {
                public static void Issue(ILogger logger, string accessToken)
                {
                    logger.LogInformation("Issued {AccessToken}", {|#0:accessToken|});
                    logger.LogInformation("Issued {AccessToken}", {|#1:accessToken|});
                }
            }
            """;
        var baseline = BaselineFor(Twice, ("LS0002", "accessToken", 0), ("LS0002", "accessToken", 1));
        var thrice = Twice.Replace(
            "        logger.LogInformation(\"Issued {AccessToken}\", {|#1:accessToken|});\n",
            "        logger.LogInformation(\"Issued {AccessToken}\", {|#1:accessToken|});\n        logger.LogInformation(\"Issued {AccessToken}\", {|#2:accessToken|});\n");

        await RunAsync(thrice, baseline,
            Finding(RuleIds.TokenOrSecret, 0).WithIsSuppressed(true),
            Finding(RuleIds.TokenOrSecret, 1).WithIsSuppressed(true),
            Finding(RuleIds.TokenOrSecret, 2));
    }

    [Fact]
    public async Task Suppressor_PathsAreRelativeToTheBaselineFolder()
    {
        // The same finding, recorded as if the root were the folder above: "0/Test0.cs" is not "Test0.cs".
        var wrongRoot = BaselineFor(Service, "0/Test0.cs", ("LS0001", "password", 0));

        await RunAsync(Service, wrongRoot,
            Finding(RuleIds.Password, 0),
            Finding(RuleIds.TokenOrSecret, 1));

        var test = CreateTest(Service, baseline: null, Finding(RuleIds.Password, 0).WithIsSuppressed(true), Finding(RuleIds.TokenOrSecret, 1));
        test.TestState.AdditionalFiles.Add(("/logsafety.baseline.json", wrongRoot));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Suppressor_OtherAdditionalFileName_IsNotABaseline()
    {
        var test = CreateTest(Service, baseline: null, Finding(RuleIds.Password, 0), Finding(RuleIds.TokenOrSecret, 1));
        test.TestState.AdditionalFiles.Add(("/0/other.json", BaselineFor(Service, ("LS0001", "password", 0))));
        await test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("{ \"version\": 1,\n  \"findings\": [\n    { \"fingerprint\": \"abc\", \"ruleId\": \"LS0001\" }\n  ]\n}", 3, "a finding needs a 'fingerprint' of 32 hexadecimal digits")]
    [InlineData("{ \"version\": 2, \"findings\": [] }", 1, "'version' must be 1")]
    [InlineData("{ \"version\": 1,\n  \"findings\": [\n    { \"fingerprint\": \"0123456789abcdef0123456789abcdef\", \"ruleId\": \"LS0001\" },\n  ]\n}", 4, "not valid JSON (a trailing comma before ']', found ']')")]
    [InlineData("not json at all", 1, "expected a JSON object")]
    [InlineData("", 1, "expected a JSON object")]
    [InlineData("{ \"version\": 1, \"findings\": [ { \"fingerprint\": \"\\u12", 1, "not valid JSON (an invalid escape sequence, found 'u')")]
    [InlineData("{ \"version\": 1, \"tool\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", 1, "values nested too deeply")]
    public async Task Suppressor_MalformedBaseline_SuppressesNothingAndReportsLS9001(string text, int line, string reason)
    {
        var lineText = text.Split('\n')[line - 1];
        await RunAsync(Service, text,
            Finding(RuleIds.Password, 0),
            Finding(RuleIds.TokenOrSecret, 1),
            new DiagnosticResult(Descriptors.InvalidBaseline).WithSpan(BaselinePath, line, 1, line, lineText.Length + 1)
                .WithArguments("logsafety.baseline.json", reason));
    }

    /// <summary>A baseline accepting the <c>n</c>th logged <c>value</c> for each rule, computed as the tool computes it.</summary>
    private static string BaselineFor(string markup, params (string RuleId, string Value, int Nth)[] accepted) =>
        BaselineFor(markup, "Test0.cs", accepted);

    private static string BaselineFor(string markup, string relativePath, params (string RuleId, string Value, int Nth)[] accepted)
    {
        var source = Regex.Replace(markup, @"\{\|#[0-9]+:|\|\}", "");
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        var entries = accepted.Select(a =>
        {
            var value = root.DescendantNodes().OfType<ArgumentSyntax>().Where(arg => arg.Expression.ToString() == a.Value).ElementAt(a.Nth).Expression;
            var fingerprint = Fingerprint.Of(a.RuleId, relativePath, root, value.Span);
            return $"    {{ \"fingerprint\": \"{fingerprint}\", \"ruleId\": \"{a.RuleId}\", \"path\": \"{relativePath}\", \"message\": \"{a.Value}\" }}";
        });
        return "{\n  \"version\": 1,\n  \"tool\": \"logsafety\",\n  \"findings\": [\n" + string.Join(",\n", entries) + "\n  ]\n}\n";
    }

    private static DiagnosticResult Finding(string ruleId, int location) =>
        new DiagnosticResult(ruleId, DiagnosticSeverity.Warning).WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private static Task RunAsync(string source, string? baseline, params DiagnosticResult[] expected) =>
        CreateTest(source, baseline, expected).RunAsync(CancellationToken.None);

    private static SuppressorTest CreateTest(string source, string? baseline, params DiagnosticResult[] expected)
    {
        var test = new SuppressorTest { TestCode = source };
        if (baseline is not null)
        {
            test.TestState.AdditionalFiles.Add((BaselinePath, baseline));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    /// <summary>The analyzer, the suppressor and LS9001 together, as a build runs them.</summary>
    private sealed class SuppressorTest : CSharpAnalyzerVerifier<BaselineSuppressor>.Test
    {
        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
            [new LoggedSecretAnalyzer(), new BaselineSuppressor(), new BaselineFileAnalyzer()];
    }
}
