using System.Threading.Tasks;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LogSafety.Analyzers.Rules.SecretLoggingConfigurationAnalyzer,
    LogSafety.CodeFixes.TurnOffIdentityModelPiiCodeFix>;

namespace LogSafety.Analyzers.Tests.Rules.ConfigurationRules;

/// <summary>LS0012 fix: set the PII switch to false.</summary>
public sealed class IdentityModelPiiFixTests
{
    [Fact]
    public Task BothSwitches_SetToFalse_FixAll() => Verify.VerifyCodeFixAsync("""
        using Microsoft.IdentityModel.Logging;

        static class Startup
        {
            static void Configure()
            {
                {|LS0012:IdentityModelEventSource.ShowPII = true|}; // for the token validation bug
                {|LS0012:IdentityModelEventSource.LogCompleteSecurityArtifact = true|};
                IdentityModelEventSource.ShowPII = false;
            }
        }
        """, """
        using Microsoft.IdentityModel.Logging;

        static class Startup
        {
            static void Configure()
            {
                IdentityModelEventSource.ShowPII = false; // for the token validation bug
                IdentityModelEventSource.LogCompleteSecurityArtifact = false;
                IdentityModelEventSource.ShowPII = false;
            }
        }
        """);

    [Fact]
    public Task LocalSetToTrue_ReplacedWithFalse() => Verify.VerifyCodeFixAsync("""
        using Microsoft.IdentityModel.Logging;

        static class Startup
        {
            static void Configure()
            {
                var verbose = true;
                {|LS0012:IdentityModelEventSource.ShowPII = verbose|};
            }
        }
        """, """
        using Microsoft.IdentityModel.Logging;

        static class Startup
        {
            static void Configure()
            {
                var verbose = true;
                IdentityModelEventSource.ShowPII = false;
            }
        }
        """);
}
