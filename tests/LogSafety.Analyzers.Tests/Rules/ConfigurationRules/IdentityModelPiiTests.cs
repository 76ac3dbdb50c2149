using System.Threading.Tasks;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LogSafety.Analyzers.Rules.SecretLoggingConfigurationAnalyzer>;

namespace LogSafety.Analyzers.Tests.Rules.ConfigurationRules;

/// <summary>LS0012: IdentityModelEventSource.ShowPII and LogCompleteSecurityArtifact turned on outside development.</summary>
public sealed class IdentityModelPiiTests
{
    [Fact]
    public Task ShowPiiTrue_Reports() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.IdentityModel.Logging;

        static class Startup
        {
            static void Configure()
            {
                {|LS0012:IdentityModelEventSource.ShowPII = true|};
                {|LS0012:IdentityModelEventSource.LogCompleteSecurityArtifact = true|};
            }
        }
        """);

    [Fact]
    public Task ShowPiiFalse_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.IdentityModel.Logging;

        static class Startup
        {
            static void Configure(bool fromConfiguration)
            {
                IdentityModelEventSource.ShowPII = false;
                IdentityModelEventSource.LogCompleteSecurityArtifact = false;
                IdentityModelEventSource.ShowPII = fromConfiguration;
                var enabled = IdentityModelEventSource.ShowPII;
            }
        }
        """);

    [Fact]
    public Task ShowPiiFromDevelopmentCheck_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Hosting;
        using Microsoft.IdentityModel.Logging;

        static class Startup
        {
            static void Configure()
            {
                var builder = WebApplication.CreateBuilder();
                IdentityModelEventSource.ShowPII = builder.Environment.IsDevelopment();
                var isDevelopment = builder.Environment.IsDevelopment();
                IdentityModelEventSource.LogCompleteSecurityArtifact = isDevelopment;
            }
        }
        """);

    [Fact]
    public Task ShowPiiFromLocalSetToTrue_Reports() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.IdentityModel.Logging;

        static class Startup
        {
            static void Configure()
            {
                const bool Verbose = true;
                var showPii = Verbose;
                {|LS0012:IdentityModelEventSource.ShowPII = showPii|};
            }
        }
        """);

    [Fact]
    public Task ShowPiiGuardedByApplicationEnvironment_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Hosting;
        using Microsoft.IdentityModel.Logging;

        static class Startup
        {
            static void Configure(WebApplication app)
            {
                if (app.Environment.IsDevelopment())
                {
                    IdentityModelEventSource.ShowPII = true;
                    IdentityModelEventSource.LogCompleteSecurityArtifact = true;
                }

                if (app.Environment.IsProduction())
                {
                    {|LS0012:IdentityModelEventSource.ShowPII = true|};
                }
            }
        }
        """);

    [Fact]
    public Task ShowPiiGuardedByLocalOrElseBranch_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Hosting;
        using Microsoft.IdentityModel.Logging;

        static class Startup
        {
            static void Configure(IHostEnvironment env)
            {
                var isDevelopment = env.IsDevelopment();
                var isProduction = env.IsEnvironment("Production");
                if (isDevelopment)
                {
                    IdentityModelEventSource.ShowPII = true;
                }

                if (!env.IsDevelopment())
                {
                    IdentityModelEventSource.ShowPII = false;
                }
                else
                {
                    IdentityModelEventSource.LogCompleteSecurityArtifact = true;
                }

                if (!isProduction)
                {
                    {|LS0012:IdentityModelEventSource.ShowPII = true|};
                }
            }
        }
        """);

    [Fact]
    public Task ShowPiiInDebugBuild_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        #define DEBUG
        using Microsoft.IdentityModel.Logging;

        static class Startup
        {
            static void Configure()
            {
        #if DEBUG
                IdentityModelEventSource.ShowPII = true;
        #elif RELEASE
                IdentityModelEventSource.ShowPII = true;
        #endif
        #if DEBUG && VERBOSE
        #else
                {|LS0012:IdentityModelEventSource.ShowPII = true|};
        #endif
            }
        }
        """);

    [Fact]
    public Task SamePropertyNameOnOtherType_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        static class DiagnosticsSettings
        {
            public static bool ShowPII { get; set; }

            static void Configure()
            {
                ShowPII = true;
            }
        }
        """);
}
