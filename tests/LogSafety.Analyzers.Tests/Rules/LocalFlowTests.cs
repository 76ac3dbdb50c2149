using System.Threading.Tasks;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LogSafety.Analyzers.Rules.LoggedSecretAnalyzer>;

namespace LogSafety.Analyzers.Tests.Rules;

/// <summary>Local data flow within a method: secrets carried by innocently named locals, through string building, not through sanitizers.</summary>
public sealed class LocalFlowTests
{
    [Fact]
    public Task Mel_LocalHoldingPassword_ReportsOrigin() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        public class SmtpOptions { public string Password { get; set; } = ""; public string Host { get; set; } = ""; }

        class C
        {
            void M(ILogger logger, SmtpOptions options)
            {
                var credential = {|#2:options.Password|};
                {|#1:logger.LogError("SMTP login failed with {Credential}", {|#0:credential|})|};
            }
        }
        """,
        Verify.Diagnostic("LS0001").WithLocation(0).WithLocation(1).WithLocation(2)
            .WithArguments("credential", "holds 'options.Password'", "LogError"));

    [Fact]
    public Task Mel_LocalHoldingHost_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        public class SmtpOptions { public string Password { get; set; } = ""; public string Host { get; set; } = ""; }

        class C
        {
            void M(ILogger logger, SmtpOptions options)
            {
                var server = options.Host;
                var size = options.Password.Length;
                var present = !string.IsNullOrEmpty(options.Password);
                var same = options.Password == "admin";
                logger.LogError("SMTP {Server} {Size} {Present} {Same}", server, size, present, same);
            }
        }
        """);

    [Fact]
    public Task Mel_StringBuildingCarriesSecret_Reports() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Text;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string site, string resetToken, string user, string password, string apiKey)
            {
                var url = $"{site}/reset?token={resetToken}";
                logger.LogInformation("Sent reset link {Url}", {|LS0002:url|});

                var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));
                logger.LogDebug("Basic {Auth}", {|LS0001:auth|});

                var header = string.Format("ApiKey {0}", apiKey);
                logger.LogDebug("Header {Header}", {|LS0002:header|});

                var shouted = password.Trim().ToUpperInvariant();
                logger.LogDebug("Start {Start}", {|LS0001:shouted|});

                var bearer = ("Bearer " + resetToken).Substring(7);
                logger.LogDebug("Bearer {Value}", {|LS0002:bearer|});

                var message = "key=";
                message += apiKey;
                logger.LogDebug("Message {Message}", {|LS0002:message|});
            }
        }
        """);

    [Fact]
    public Task Mel_SanitizersStopFlow_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.Linq;
        using Microsoft.Extensions.Logging;

        static class Secrets
        {
            public static string Redact(string value) => "***";
            public static string Fingerprint(string value) => value.GetHashCode().ToString();
        }

        class C
        {
            void M(ILogger logger, string password, string refreshToken, string[] recoveryCodes)
            {
                var length = password.Length;
                var shown = Secrets.Redact(password);
                var same = password.Equals("x");
                var many = recoveryCodes.Count();
                var id = Secrets.Fingerprint(refreshToken);
                var hint = $"{refreshToken.Length} chars";
                logger.LogDebug("{A} {B} {C} {D} {E} {F}", length, shown, same, many, id, hint);
            }
        }
        """, "logsafety.sanitizer_methods = Secrets.Fingerprint\n");

    [Fact]
    public Task Mel_LocalNamedForWhatItIs_TrustsTheName() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string accessToken)
            {
                var tokenPrefix = accessToken.Substring(0, 6);
                var maskedToken = accessToken.Substring(0, 4) + "****";
                logger.LogDebug("Token {Prefix} {Masked}", tokenPrefix, maskedToken);
            }
        }
        """);

    [Fact]
    public Task Mel_ReassignedParameter_Reports_ParameterWithoutAssignment_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        public class Creds { public string ClientSecret { get; set; } = ""; }

        class C
        {
            void M(ILogger logger, string value, Creds creds)
            {
                logger.LogDebug("Before {Value}", value);
                value = creds.ClientSecret;
                logger.LogDebug("After {Value}", {|LS0002:value|});
            }
        }
        """);

    [Fact]
    public Task Mel_FlowIsBoundedAndCycleSafe() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string seed)
            {
                var a = seed;
                var b = a;
                a = b + "x";
                b = a + "y";
                var c1 = b; var c2 = c1; var c3 = c2; var c4 = c3; var c5 = c4; var c6 = c5;
                logger.LogDebug("{Value}", c6);
            }
        }
        """);

    [Fact]
    public Task Wrapper_FlowedValueAtTheCallSite_KeepsItsOriginLocation() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        public class ResetRequest { public string NewPassword { get; set; } = ""; }

        class Accounts
        {
            private readonly ILogger _logger = null!;

            private void Changed(string kind, string value)
            {
                _logger.LogDebug("{Kind} changed to {Value}", kind, value);
            }

            void Reset(ResetRequest request)
            {
                var chosen = {|#2:request.NewPassword.Trim()|};
                {|#1:Changed("password", {|#0:chosen|})|};
            }
        }
        """,
        Verify.Diagnostic("LS0001").WithLocation(0).WithLocation(1).WithLocation(2)
            .WithArguments("chosen", "holds 'request.NewPassword.Trim()' (written as 'Value')", "Changed"));

    [Fact]
    public Task Mel_FlowThroughHeaderLocal_ReportsOrigin() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, HttpRequest request)
            {
                var headers = request.Headers;
                string incoming = {|#2:headers["Authorization"]|}!;
                {|#1:logger.LogInformation("Incoming {Value}", {|#0:incoming|})|};
            }
        }
        """,
        Verify.Diagnostic("LS0005").WithLocation(0).WithLocation(1).WithLocation(2)
            .WithArguments("incoming", "holds 'headers[\"Authorization\"]'", "LogInformation"));

    [Fact]
    public Task Mel_LambdaBody_FlowStaysInside() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string password)
            {
                Action<string> log = item =>
                {
                    var copy = password;
                    logger.LogDebug("{Item}", {|LS0001:copy|});
                };
                log("x");
            }
        }
        """);

    [Fact]
    public Task BrokenCode_GenericsAndDynamic_NoCrash() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M<T>(ILogger logger, T value, dynamic bag, HttpRequest request)
            {
                var a = {|CS0103:Unknown|}();
                logger.LogDebug("{A}", a);
                var b = request.Headers[{|CS0103:missingKey|}];
                logger.LogDebug("{B}", b);
                var c = value;
                logger.LogDebug("{C}", c);
                Serilog.Log.Information("{@Value}", value);
                Serilog.Log.Information("{@Bag}", bag);
                var d = request.{|CS1061:Nope|};
                logger.LogDebug("{D}", d);
                logger.LogDebug("{E}", {|CS0103:e|});
            }
        }
        """);

    [Fact]
    public Task StringBuilder_WhatIsAppendedFlowsIntoIt_ButSafeAppendsDoNot() => Verify.VerifyAnalyzerAsync("""
        using System.Text;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;

        public class TokenRequest { public string ClientId { get; set; } = ""; public string ClientSecret { get; set; } = ""; }

        class C
        {
            void M(ILogger logger, TokenRequest request, HttpRequest http, string email, int attempts)
            {
                var summary = new StringBuilder();
                summary.Append("Client ").Append(request.ClientId).Append(" attempt ").Append(attempts);
                logger.LogDebug("{Summary}", summary.ToString());

                var form = new StringBuilder();
                form.Append("client_id=").Append(request.ClientId).Append("&client_secret=").Append(request.ClientSecret);
                logger.LogDebug("Token request {Form}", {|LS0002:form.ToString()|});

                var headers = new StringBuilder();
                foreach (var header in http.Headers)
                {
                    headers.AppendLine($"{header.Key}: {header.Value}");
                }

                logger.LogDebug("Headers {Headers}", {|LS0005:headers.ToString()|});

                var late = new StringBuilder(email);
                logger.LogDebug("{Late}", late.ToString());
                late.Append(request.ClientSecret);
            }
        }
        """);
}
