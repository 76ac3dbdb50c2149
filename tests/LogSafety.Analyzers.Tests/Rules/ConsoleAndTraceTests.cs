using System.Threading.Tasks;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LogSafety.Analyzers.Rules.LoggedSecretAnalyzer>;

namespace LogSafety.Analyzers.Tests.Rules;

public sealed class ConsoleAndTraceTests
{
    private const string Source = """
        using System;
        using System.Diagnostics;

        class C
        {
            void M(string email, string password, string accessToken, TraceSource source)
            {
                Console.WriteLine({|LS0001:password|});
                Console.WriteLine("Login {0} {1}", email, {|LS0001:password|});
                Console.Write($"token={{|LS0002:accessToken|}}");
                Console.Error.WriteLine("token " + {|LS0002:accessToken|});
                Console.Out.WriteLine("Login {0}", email);
                Debug.WriteLine({|LS0001:password|});
                Debug.Print("Login {0} {1}", email, {|LS0001:password|});
                Trace.TraceInformation("Token {0}", {|LS0002:accessToken|});
                Trace.WriteLine($"pw {{|LS0001:password|}}");
                source.TraceEvent(TraceEventType.Information, 1, "Token {0}", {|LS0002:accessToken|});
                Console.WriteLine("Login {0} ({1} chars)", email, password.Length);
            }
        }
        """;

    [Fact]
    public Task ConsoleDebugTrace_ReportByDefault() => Verify.VerifyAnalyzerAsync(Source);

    [Fact]
    public Task ConsoleDebugTrace_TurnedOff_DoNotReport() => Verify.VerifyAnalyzerAsync(
        Source.Replace("{|LS0001:", string.Empty).Replace("{|LS0002:", string.Empty).Replace("|}", string.Empty)
              .Replace("{{", "{").Replace("}}", "}"),
        "logsafety.console_and_trace_sinks = false\n");

    /// <summary>Debug.Assert, WriteIf and WriteLineIf bind $"..." to interpolated string handlers; the holes are still values.</summary>
    [Fact]
    public Task DebugInterpolatedStringHandlers_SecretHole_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Diagnostics;

        class C
        {
            void M(bool failed, string indexer, string apiKey)
            {
                Debug.Assert(failed, $"k {{|LS0002:apiKey|}}");
                Debug.WriteIf(failed, $"k {{|LS0002:apiKey|}}");
                Debug.WriteLineIf(failed, $"k {{|LS0002:apiKey|}}", "category");
                Debug.WriteLineIf(failed, $"k {indexer}", "category");
                Debug.Assert(failed, $"k {indexer}");
            }
        }
        """);
}
