using System.Threading.Tasks;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LogSafety.Analyzers.Rules.LoggedSecretAnalyzer>;

namespace LogSafety.Analyzers.Tests.Rules;

/// <summary>
/// The exception parameter is not a logged value; a secret beside it is reported wherever it sits. The other
/// libraries' rows of issue 13's table (NLog's are in <see cref="NLogTests"/>), each beside its near misses.
/// </summary>
public sealed class ExceptionFirstCallTests
{
    [Fact]
    public Task ExceptionFirst_SecretValue_ReportsInEveryLibrary() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Globalization;

        class C
        {
            void M(Microsoft.Extensions.Logging.ILogger mel, Serilog.ILogger serilog, log4net.ILog log4, Exception ex, string apiKey)
            {
                Microsoft.Extensions.Logging.LoggerExtensions.LogError(mel, ex, "k {Key}", {|LS0002:apiKey|});
                Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(mel, new Microsoft.Extensions.Logging.EventId(1), ex, "k {Key}", {|LS0002:apiKey|});
                serilog.Error(ex, "k {Key}", {|LS0002:apiKey|});
                serilog.Warning(ex, "k {A} {Key}", 1, {|LS0002:apiKey|});
                serilog.Write(Serilog.Events.LogEventLevel.Error, ex, "k {Key}", {|LS0002:apiKey|});
                log4.ErrorFormat("k {0}", {|LS0002:apiKey|});
                log4.ErrorFormat(CultureInfo.InvariantCulture, "k {0}", {|LS0002:apiKey|});
                log4.Error({|LS0002:apiKey|}, ex);
            }
        }
        """);

    [Fact]
    public Task ExceptionFirst_NoSecret_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Globalization;

        class C
        {
            void M(Microsoft.Extensions.Logging.ILogger mel, Serilog.ILogger serilog, log4net.ILog log4, Exception ex, string indexerName)
            {
                Microsoft.Extensions.Logging.LoggerExtensions.LogError(mel, ex, "k {Indexer}", indexerName);
                serilog.Error(ex, "k {Indexer}", indexerName);
                serilog.Warning(ex, "k {A} {Indexer}", 1, indexerName);
                log4.ErrorFormat(CultureInfo.InvariantCulture, "k {0}", indexerName);
                log4.Error(indexerName, ex);
            }
        }
        """);

    [Fact]
    public Task ExceptionAlone_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System;

        class C
        {
            void M(Microsoft.Extensions.Logging.ILogger mel, Serilog.ILogger serilog, log4net.ILog log4, Exception ex, Exception apiKeyException)
            {
                Microsoft.Extensions.Logging.LoggerExtensions.LogError(mel, ex, "Apikey is invalid");
                Microsoft.Extensions.Logging.LoggerExtensions.LogError(mel, apiKeyException, "Apikey is invalid");
                serilog.Error(ex, "Apikey is invalid");
                serilog.Warning(apiKeyException, "Apikey is invalid");
                log4.Error("Apikey is invalid", ex);
                log4.Error("Apikey is invalid", apiKeyException);
            }
        }
        """);

    /// <summary>C# 13 binds to params ReadOnlySpan&lt;object?&gt; where a library offers it (.NET 9+ Console, TextWriter, string.Format; NLog 6).</summary>
    [Fact]
    public Task ParamsSpan_SecretElement_Reports() => Verify.VerifyAnalyzerAsync("""
        using System;

        class C
        {
            void M(string a, string apiKey)
            {
                Console.WriteLine("k {0} {1} {2} {3}", a, a, a, {|LS0002:apiKey|});
                Console.Out.WriteLine("k {0} {1} {2} {3}", a, a, a, {|LS0002:apiKey|});
                Console.WriteLine(string.Format("{0} {1} {2} {3}", a, a, a, {|LS0002:apiKey|}));
                Console.Out.WriteLineAsync({|LS0002:apiKey|});
                Console.Error.WriteAsync({|LS0002:apiKey|});
                Console.WriteLine("k {0} {1} {2} {3}", a, a, a, a);
                Console.Out.WriteLineAsync(a);
            }
        }
        """);

    [Fact]
    public Task CollectionExpressionForParams_SecretElementOrSpread_Reports() => Verify.VerifyAnalyzerAsync("""
        using System;
        using NLog;

        class C
        {
            void M(Logger logger, Exception ex, string a, string apiKey, string[] apiKeys, string[] names)
            {
                logger.Error(ex, "k {0} {1}", [a, {|LS0002:apiKey|}]);
                logger.Error(ex, "k {0} {1}", [a, .. {|LS0002:apiKeys|}]);
                logger.Error(ex, "k {0} {1}", [a, .. names]);
            }
        }
        """);

    [Fact]
    public Task WrapperWithParamsSpan_SecretElement_Reports() => Verify.VerifyAnalyzerAsync("""
        using System;
        using NLog;

        class C
        {
            private static readonly Logger Log = LogManager.GetCurrentClassLogger();

            static void Fail(Exception ex, string message, params ReadOnlySpan<object?> args) => Log.Error(ex, message, args);

            void M(Exception ex, string a, string apiKey)
            {
                Fail(ex, "k {0} {1}", a, {|LS0002:apiKey|});
                Fail(ex, "k {0} {1}", a, a);
                Fail(ex, "k");
            }
        }
        """);
}
