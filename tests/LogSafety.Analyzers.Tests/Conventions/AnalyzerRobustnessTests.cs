using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using LogSafety.Analyzers.Tests.Robustness;
using Xunit;

namespace LogSafety.Analyzers.Tests.Conventions;

/// <summary>
/// Every analyzer runs on empty and on broken source (unbalanced braces, half-written log calls) without throwing:
/// no exception reaches <c>onAnalyzerException</c> and no AD0001 is reported, with default and with malformed options.
/// </summary>
public sealed class AnalyzerRobustnessTests
{
    private static readonly Dictionary<string, string> Sources = new(StringComparer.Ordinal)
    {
        ["Empty"] = string.Empty,
        ["Whitespace"] = "\n\n   \n",
        ["UnbalancedBraces"] = """
            using Microsoft.Extensions.Logging;
            namespace N {
                class C {
                    void M(ILogger logger, string password) {
                        if (password != null) {
                            logger.LogInformation("Login {Password}", password);
                    }
                }
            """,
        ["HalfWrittenMelCalls"] = """
            using System;
            using System.Collections.Generic;
            using Microsoft.Extensions.Logging;
            partial class C
            {
                private static readonly Action<ILogger, string, Exception?> Logged = LoggerMessage.Define<string>(LogLevel.Information, new EventId(1), "Token {Token}");

                void M(ILogger logger, string password, string accessToken, string sessionId)
                {
                    logger.LogInformation("Login {Email} {Password}", , password
                    logger.LogWarning("{0} {1} {", password);
                    logger.LogError($"{accessToken} {password", );
                    logger.LogDebug("Session " + sessionId +);
                    logger.Log(LogLevel.Information, "{Password}" password);
                    logger.LogInformation(new EventId(1), null, "{Token}", accessToken, );
                    using (logger.BeginScope(new Dictionary<string, object> { ["Password"] = password, [] = }))
                    logger.BeginScope(new { password, accessToken = , });
                    logger.BeginScope(new[] { new KeyValuePair<string, object>("Session", sessionId), new KeyValuePair<string, object>( });
                    Logged(logger, accessToken);
                    Logged(logger, );
                    logger.LogInformation(string.Format("{0}", password, ), );
                    logger.LogInformation(nameof(password), password.Length, password.);
                    logger.
                }

                [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "User {Password} {Token")]
                static partial void LogBroken(ILogger logger, string password, string , );

                [LoggerMessage(Message = )]
                static partial void LogWorse(ILogger logger, string sessionId
            """,
        ["HalfWrittenOtherLibraries"] = """
            using System;
            using System.Diagnostics;
            class C
            {
                void M(Serilog.ILogger serilog, NLog.Logger nlog, log4net.ILog log4, string password, string apiKey)
                {
                    serilog.Information("Login {@Request} {Password}", new { password, }, );
                    serilog.ForContext("ApiKey", apiKey, ).Information(;
                    Serilog.Context.LogContext.PushProperty("Password", );
                    nlog.Info("{Password} {0}", password
                    nlog.ForInfoEvent().Property("ApiKey", apiKey).Message("x").Log(
                    log4.InfoFormat("{0} {1}", password, apiKey, );
                    Console.WriteLine($"{password} {apiKey:" + );
                    Debug.WriteLine(password +);
                    Trace.TraceInformation("{0}", apiKey,
                }
            """,
        ["RecursiveAndBrokenWrappers"] = """
            using Microsoft.Extensions.Logging;
            class Audit
            {
                private readonly ILogger _logger;
                public Audit(ILogger logger) => _logger = logger;
                public void Log(string name, object data) => Write(name, data);
                public void Write(string name, object data) { Log(name, data); _logger.LogInformation("{Event} {@Data}", name, data); }
                public void Broken(string name, object data) => _logger.LogInformation("{Event} {@Data}", name, data
                public void Use(string email, string password, string token)
                {
                    Log("login_failed", new { email, password });
                    Write("token", new { token, });
                    Broken("x", new { password = });
                    Log(
                }
            }
            """,
        ["MissingTypesAndSymbols"] = """
            class C
            {
                void M(UnknownLogger logger, string password, Missing m)
                {
                    logger.LogInformation("{Password}", password);
                    m.Log("login", new { password });
                    UnknownStatic.Write(password);
                    var x = password switch { "a" => , };
                }
            }
            """,
    };

    private static readonly ImmutableDictionary<string, string> MalformedOptions = ImmutableDictionary.CreateRange(new Dictionary<string, string>
    {
        ["logsafety.LS0001.additional_words"] = "pin, secret answer!, ,",
        ["logsafety.LS0002.additional_words"] = "vault_ref",
        ["logsafety.LS0003.additional_words"] = "???",
        ["logsafety.safe_names"] = "passwordPolicy, ",
        ["logsafety.additional_log_methods"] = "Audit.Log, NotAMethod, My.Company.Audit.Write, .",
        ["logsafety.sanitizer_methods"] = "Redactor.Hide, (bad)",
        ["logsafety.console_and_trace_sinks"] = "maybe",
        ["logsafety.sensitive_attributes"] = "My.SensitiveAttribute, not a type",
        ["logsafety.safe_attributes"] = "My.SafeAttribute",
        ["logsafety.sanitizers"] = "Misspelled.Key",
    });

    public static TheoryData<string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var analyzer in RuleCatalog.AnalyzerTypes)
            {
                foreach (var source in Sources.Keys)
                {
                    data.Add(analyzer.FullName!, source);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Analyzer_OnEmptyOrBrokenSource_DoesNotThrow(string analyzerName, string sourceName)
    {
        foreach (var options in new[] { ImmutableDictionary<string, string>.Empty, MalformedOptions })
        {
            var analyzer = RuleCatalog.CreateAnalyzer(analyzerName);

            var (diagnostics, exceptions) = await RunAsync(analyzer, Sources[sourceName], options);

            // AnalyzerHost counts an AD0001 as an exception.
            Assert.Empty(exceptions);
            Assert.All(diagnostics, d => Assert.Contains(d.Id, analyzer.SupportedDiagnostics.Select(s => s.Id)));
        }
    }

    [Fact]
    public async Task Harness_ThrowingAnalyzer_IsCaught()
    {
        // Guards the theory above: an analyzer that throws on this source is seen by the harness.
        var (_, exceptions) = await RunAsync(new ThrowingAnalyzer(), Sources["UnbalancedBraces"], ImmutableDictionary<string, string>.Empty);

        Assert.NotEmpty(exceptions);
    }

    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyCollection<string> Exceptions)> RunAsync(
        DiagnosticAnalyzer analyzer, string source, ImmutableDictionary<string, string> options)
    {
        var result = await AnalyzerHost.AnalyzeAsync(AnalyzerHost.Compile(source), options, analyzers: ImmutableArray.Create(analyzer));
        return (result.Diagnostics, result.Exceptions);
    }

    [Fact]
    public async Task OptionsValidation_OnMalformedOptions_ReportsThemWithoutThrowing()
    {
        // Guards the robustness theory above: the malformed options really are read, so their code paths really run.
        var analyzer = new LogSafety.Analyzers.Rules.OptionsValidationAnalyzer();
        var (diagnostics, exceptions) = await RunAsync(analyzer, Sources["HalfWrittenMelCalls"], MalformedOptions);

        Assert.Contains(diagnostics, d => d.Id == RuleIds.InvalidConfiguration && d.GetMessage().Contains("logsafety.console_and_trace_sinks", StringComparison.Ordinal));
        Assert.Empty(exceptions);
    }

#pragma warning disable RS1001, RS1025, RS1026, RS2008 // A deliberately broken analyzer, never shipped.
    private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("TEST0001", "Throws", "Throws", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context) =>
            context.RegisterSyntaxTreeAction(_ => throw new InvalidOperationException("thrown on purpose"));
    }
#pragma warning restore RS1001, RS1025, RS1026, RS2008
}
