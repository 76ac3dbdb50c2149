using System.Threading.Tasks;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LogSafety.Analyzers.Rules.LoggedSecretAnalyzer>;

namespace LogSafety.Analyzers.Tests.Rules;

public sealed class SmokeTests
{
    [Fact]
    public Task Mel_PasswordArgument_Reports() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string email, string password)
            {
                logger.LogInformation("Login {Email} {Password}", email, {|LS0001:password|});
                logger.LogInformation("Login {Email} {Length}", email, password.Length);
            }
        }
        """);
}
