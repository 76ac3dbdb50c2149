using System.Threading.Tasks;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LogSafety.Analyzers.Rules.LoggedSecretAnalyzer>;

namespace LogSafety.Analyzers.Tests.Rules;

/// <summary>False-alarm patterns found on real code, each beside the near miss that must still report.</summary>
public sealed class PrecisionTests
{
    [Fact]
    public Task PieceCutFromAHandle_DoesNotReport_ButTrimmedTokenDoes() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class Streams
        {
            void Open(ILogger logger, string streamToken)
            {
                // "provider|channel|item": the handle is split and only the item id is logged.
                var segments = streamToken.Split('|');
                var itemId = segments.Length > 2 ? segments[2] : null;
                logger.LogDebug("Opening item {ItemId}", itemId);

                var cleaned = streamToken.Trim().ToLowerInvariant();
                logger.LogDebug("Opening {Handle}", {|LS0002:cleaned|});
            }
        }
        """);

    [Fact]
    public Task ValueReadOutOfAToken_DoesNotReport_ButTokenReadOutOfAHeaderDoes() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class Validator
        {
            private static string AudienceFromJwt(string jwt) => jwt.Length.ToString();
            private static string ReadTokenFromHeader(string header) => header;

            void Validate(ILogger logger, string jwt, string header)
            {
                var audience = AudienceFromJwt(jwt);
                logger.LogError("Unknown audience {Audience}", audience);

                var presented = ReadTokenFromHeader(header);
                logger.LogError("Rejected {Value}", {|LS0002:presented|});
            }
        }
        """);

    [Fact]
    public Task EmptyStringFallback_IsNotReported_ButTheTokenBesideItIs() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class Pinger
        {
            void Ping(ILogger logger, string url, string? hookToken)
            {
                logger.LogInformation("Pinging {Url} with {Token}", url, {|LS0002:hookToken|} ?? string.Empty);
                logger.LogInformation("Pinging {Url} with {Token}", url, string.Empty);
            }
        }
        """);
}
