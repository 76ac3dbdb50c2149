using System.Threading.Tasks;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LogSafety.Analyzers.Rules.LoggedSecretAnalyzer,
    LogSafety.CodeFixes.ProjectSafeFieldsCodeFixProvider>;

namespace LogSafety.Analyzers.Tests.Rules;

/// <summary>The LS0006 fix: replace the object with an anonymous projection of its safe members.</summary>
public sealed class ProjectSafeFieldsCodeFixTests
{
    private const string Dtos = """

        public class LoginRequest
        {
            public string Email { get; set; } = "";
            public string Password { get; set; } = "";
            public bool RememberMe { get; set; }
        }

        public class TokenGrant
        {
            public string UserId { get; set; } = "";
            public string RefreshToken { get; set; } = "";
        }
        """;

    [Fact]
    public Task Serilog_Destructured_KeepsPlaceholderAndAt() => Verify.VerifyCodeFixAsync("""
        class C
        {
            void M(Serilog.ILogger logger, LoginRequest request)
            {
                logger.Information("Login {@Request}", /* who */ {|LS0006:request|});
            }
        }
        """ + Dtos, """
        class C
        {
            void M(Serilog.ILogger logger, LoginRequest request)
            {
                logger.Information("Login {@Request}", /* who */ new { request.Email, request.RememberMe });
            }
        }
        """ + Dtos);

    [Fact]
    public Task Mel_Serialized_ProjectionGoesInsideTheCall() => Verify.VerifyCodeFixAsync("""
        using System.Text.Json;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, LoginRequest request)
            {
                logger.LogInformation("Body {Body}", JsonSerializer.Serialize({|LS0006:request|}));
                logger.LogInformation("Body {Body}", Newtonsoft.Json.JsonConvert.SerializeObject({|LS0006:request|}));
            }
        }
        """ + Dtos, """
        using System.Text.Json;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, LoginRequest request)
            {
                logger.LogInformation("Body {Body}", JsonSerializer.Serialize(new { request.Email, request.RememberMe }));
                logger.LogInformation("Body {Body}", Newtonsoft.Json.JsonConvert.SerializeObject(new { request.Email, request.RememberMe }));
            }
        }
        """ + Dtos);

    [Fact]
    public Task Mel_RecordInInterpolationAndTemplate_Projected() => Verify.VerifyCodeFixAsync("""
        using Microsoft.Extensions.Logging;

        public record SignupRequest(string Email, string Password, string DisplayName);

        class C
        {
            void M(ILogger logger, SignupRequest signup)
            {
                logger.LogInformation("Signup {Request}", {|LS0006:signup|});
                logger.LogInformation($"Signup {{|LS0006:signup|}}");
            }
        }
        """, """
        using Microsoft.Extensions.Logging;

        public record SignupRequest(string Email, string Password, string DisplayName);

        class C
        {
            void M(ILogger logger, SignupRequest signup)
            {
                logger.LogInformation("Signup {Request}", new { signup.Email, signup.DisplayName });
                logger.LogInformation($"Signup {(new { signup.Email, signup.DisplayName })}");
            }
        }
        """);

    [Fact]
    public Task Serilog_TwoObjectsInOneCall_FixAllProjectsBoth() => Verify.VerifyCodeFixAsync("""
        class C
        {
            private readonly TokenGrant _grant = new();

            void M(Serilog.ILogger logger, LoginRequest request)
            {
                logger.Information("Login {@Request} {@Grant}", {|LS0006:request|}, {|LS0006:this._grant|});
                logger.Information("Again {@Request}", {|LS0006:request|});
            }
        }
        """ + Dtos, """
        class C
        {
            private readonly TokenGrant _grant = new();

            void M(Serilog.ILogger logger, LoginRequest request)
            {
                logger.Information("Login {@Request} {@Grant}", new { request.Email, request.RememberMe }, new { this._grant.UserId });
                logger.Information("Again {@Request}", new { request.Email, request.RememberMe });
            }
        }
        """ + Dtos);

    [Fact]
    public Task NoProjection_WhenSlotNeedsTheTypeOrValueIsNotAPlainPath_TheValueGoesInstead()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            static partial class Log
            {
                [LoggerMessage(1, LogLevel.Information, "Login attempt")]
                public static partial void Login(ILogger logger, [LogProperties] LoginRequest request);

                public static partial void Login(ILogger logger, LoginRequest request) { }
            }

            class C
            {
                LoginRequest Load() => new();

                void M(ILogger logger, Serilog.ILogger serilog, LoginRequest request)
                {
                    Log.Login(logger, {|LS0006:request|});
                    serilog.Information("Login {@Request}", {|LS0006:Load()|});
                }
            }
            """ + Dtos;

        // A [LoggerMessage] parameter with [LogProperties] keeps its finding: the method's signature is not this fix's.
        var fixedSource = source.Replace("serilog.Information(\"Login {@Request}\", {|LS0006:Load()|});", "serilog.Information(\"Login\");");
        var test = new Verify.Test { TestCode = source, FixedCode = fixedSource };
        test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
        return test.RunAsync();
    }

    [Fact]
    public Task SerializedIntoALocal_NoProjectionFits_TheValueGoes() => Verify.VerifyCodeFixAsync("""
        using System.Text.Json;
        using Microsoft.Extensions.Logging;

        class C
        {
            void Checkout(ILogger logger, LoginRequest request)
            {
                var json = JsonSerializer.Serialize(request);
                logger.LogDebug("Checkout of {Email}: {Json}", request.Email, {|LS0006:json|});
            }
        }
        """ + Dtos, """
        using System.Text.Json;
        using Microsoft.Extensions.Logging;

        class C
        {
            void Checkout(ILogger logger, LoginRequest request)
            {
                var json = JsonSerializer.Serialize(request);
                logger.LogDebug("Checkout of {Email}", request.Email);
            }
        }
        """ + Dtos);

    private const string TokenResponses = """

        namespace IdentityModel.Client
        {
            public class ProtocolResponse
            {
                public string Raw { get; protected set; } = "";
                public System.Text.Json.JsonElement Json { get; protected set; }
            }

            public class TokenResponse : ProtocolResponse
            {
                public string AccessToken => "";
                public string RefreshToken => "";
            }
        }
        """;

    [Fact]
    public Task RawTextOfATokenResponse_TheValueGoes() => Verify.VerifyCodeFixAsync("""
        using System;
        using IdentityModel.Client;
        using Microsoft.Extensions.Logging;

        class C
        {
            void RequestTokens(ILogger logger, TokenResponse tokenResponse)
            {
                logger.LogInformation("Got tokens {Response} at {Time}", {|LS0006:tokenResponse.Raw|}, DateTime.UtcNow);
                Console.WriteLine({|LS0006:tokenResponse.Json|});
            }
        }
        """ + TokenResponses, """
        using System;
        using IdentityModel.Client;
        using Microsoft.Extensions.Logging;

        class C
        {
            void RequestTokens(ILogger logger, TokenResponse tokenResponse)
            {
                logger.LogInformation("Got tokens at {Time}", DateTime.UtcNow);
                Console.WriteLine("Request tokens");
            }
        }
        """ + TokenResponses);

    [Fact]
    public Task RawTextPassedToATypedParameter_NoFix() => Verify.VerifyCodeFixAsync(Source, Source);

    private const string Source = """
        using System;
        using IdentityModel.Client;

        class C
        {
            static void Dump(System.Text.Json.JsonElement json) => Console.WriteLine(json);

            void RequestTokens(TokenResponse tokenResponse) => Dump({|LS0006:tokenResponse.Json|});
        }
        """ + TokenResponses;
}
