using System.Threading.Tasks;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LogSafety.Analyzers.Rules.LoggedSecretAnalyzer>;

namespace LogSafety.Analyzers.Tests.Rules;

/// <summary>Sensitivity beyond names: credential types and sensitive or safe attributes, for direct values and whole objects.</summary>
public sealed class SensitiveTypesAndAttributesTests
{
    [Fact]
    public Task Mel_AttributeMarkedMembers_Report_UnmarkedSibling_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.ComponentModel;
        using System.ComponentModel.DataAnnotations;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.Logging;

        public class Settings
        {
            [PasswordPropertyText(true)] public string Pin { get; set; } = "";
            [PasswordPropertyText(false)] public string Label { get; set; } = "";
            [DataType(DataType.Password)] public string Phrase { get; set; } = "";
            [DataType(DataType.EmailAddress)] public string Contact { get; set; } = "";
            [ProtectedPersonalData] public string Ssn { get; set; } = "";
            public string Region { get; set; } = "";
        }

        class C
        {
            void M(ILogger logger, Settings settings)
            {
                logger.LogInformation("{A}", {|LS0001:settings.Pin|});
                logger.LogInformation("{A}", settings.Label);
                logger.LogInformation("{A}", {|LS0001:settings.Phrase|});
                logger.LogInformation("{A}", settings.Contact);
                logger.LogInformation("{A}", {|LS0002:settings.Ssn|});
                logger.LogInformation("{A}", settings.Region);
                logger.LogInformation("{A}", settings.Pin.Length);
            }
        }
        """);

    [Fact]
    public Task Mel_AttributeMarkedParameter_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.ComponentModel.DataAnnotations;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, [DataType(DataType.Password)] string phrase, string email)
            {
                logger.LogInformation("{Phrase} {Email}", {|LS0001:phrase|}, email);
            }
        }
        """);

    [Fact]
    public Task Mel_DataClassificationAttribute_Reports() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Compliance.Classification;
        using Microsoft.Extensions.Logging;

        public sealed class PrivateDataAttribute : DataClassificationAttribute
        {
            public PrivateDataAttribute() : base(new DataClassification("Demo", "Private")) { }
        }

        public class Customer
        {
            [PrivateData] public string Phone { get; set; } = "";
            public string Country { get; set; } = "";
        }

        class C
        {
            void M(ILogger logger, Customer customer)
            {
                logger.LogInformation("{Phone}", {|LS0002:customer.Phone|});
                logger.LogInformation("{Country}", customer.Country);
                Serilog.Log.Information("{@Customer}", {|LS0006:customer|});
            }
        }
        """);

    [Fact]
    public Task Mel_ConfiguredSensitiveAttribute_Reports_WithoutConfiguration_NoDiagnostic()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            namespace Acme
            {
                [System.AttributeUsage(System.AttributeTargets.All)]
                public sealed class SensitiveAttribute : System.Attribute { }

                public class Device
                {
                    [Sensitive] public string PairingPhrase { get; set; } = "";
                    public string Model { get; set; } = "";
                }

                class C
                {
                    void M(ILogger logger, Device device)
                    {
                        logger.LogInformation("{Value}", MARK);
                        logger.LogInformation("{Model}", device.Model);
                    }
                }
            }
            """;
        return Task.WhenAll(
            Verify.VerifyAnalyzerAsync(source.Replace("MARK", "{|LS0002:device.PairingPhrase|}"), "logsafety.sensitive_attributes = Acme.Sensitive\n"),
            Verify.VerifyAnalyzerAsync(source.Replace("MARK", "device.PairingPhrase")));
    }

    [Fact]
    public Task Serilog_ConfiguredSafeAttribute_SilencesMember() => Verify.VerifyAnalyzerAsync("""
        namespace Acme
        {
            [System.AttributeUsage(System.AttributeTargets.All)]
            public sealed class NotSecretAttribute : System.Attribute { }

            public class Widget
            {
                [NotSecret] public string TokenBucketName { get; set; } = "";
                [NotSecret] public string ApiKey { get; set; } = "";
                public string Name { get; set; } = "";
            }

            public class Gadget
            {
                public string ApiKey { get; set; } = "";
            }

            class C
            {
                void M(Serilog.ILogger logger, Widget widget, Gadget gadget)
                {
                    logger.Information("{Key}", widget.ApiKey);
                    var copy = widget.ApiKey;
                    logger.Information("{Key}", copy);
                    logger.Information("{@Widget}", widget);
                    logger.Information("{Key}", {|LS0002:gadget.ApiKey|});
                    logger.Information("{@Gadget}", {|LS0006:gadget|});
                }
            }
        }
        """, "logsafety.safe_attributes = Acme.NotSecretAttribute\n");

    [Fact]
    public Task Serilog_CredentialTypes_Destructured_Report_Stringified_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.IdentityModel.Tokens.Jwt;
        using System.Net;
        using Microsoft.AspNetCore.Authentication;

        public class SmtpSettings
        {
            public string Host { get; set; } = "";
            public NetworkCredential Login { get; set; } = new();
        }

        class C
        {
            void M(Serilog.ILogger logger, NetworkCredential credential, JwtSecurityToken jwt, AuthenticationProperties properties, SmtpSettings smtp)
            {
                logger.Information("{@Credential}", {|LS0006:credential|});
                logger.Information("{@Token}", {|LS0006:jwt|});
                logger.Information("{@Properties}", {|LS0006:properties|});
                logger.Information("{@Smtp}", {|LS0006:smtp|});
                logger.Information("{Credential}", credential);
                logger.Information("{User}", credential.UserName);
                logger.Information("{Issuer}", jwt.Issuer);
                logger.Information("{Expires}", properties.ExpiresUtc);
            }
        }
        """);

    [Fact]
    public Task Serilog_CredentialTypeMessageNamesExposingMember() => Verify.VerifyAnalyzerAsync("""
        using System.Net;

        class C
        {
            void M(Serilog.ILogger logger, NetworkCredential credential)
            {
                {|#1:logger.Information("{@Credential}", {|#0:credential|})|};
            }
        }
        """,
        Verify.Diagnostic("LS0006").WithLocation(0).WithLocation(1).WithArguments("credential", "NetworkCredential.Password", "Information"));

    [Fact]
    public Task Mel_SecureStringReadToPlainText_Reports_SecureStringLength_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Runtime.InteropServices;
        using System.Security;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, SecureString secure)
            {
                IntPtr pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
                var plain = Marshal.PtrToStringUni(pointer);
                logger.LogDebug("Value {Value}", {|LS0001:plain|});
                logger.LogDebug("Length {Length}", secure.Length);
            }
        }
        """);

    [Fact]
    public Task Mel_SavedTokensReadFromAuthenticationProperties_Report() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, AuthenticationTicket ticket)
            {
                var saved = ticket.Properties.GetTokenValue("refresh_token");
                logger.LogDebug("Saved {Value}", {|LS0002:saved|});
                logger.LogDebug("Scheme {Scheme}", ticket.AuthenticationScheme);
            }
        }
        """);

    [Fact]
    public Task Mel_JwtRawData_Reports_JwtIssuer_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.IdentityModel.Tokens.Jwt;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, JwtSecurityToken parsed)
            {
                var handler = new JwtSecurityTokenHandler();
                var compact = handler.WriteToken(parsed);
                logger.LogDebug("Token {Value}", {|LS0002:compact|});
                logger.LogDebug("Issuer {Issuer}", parsed.Issuer);
            }
        }
        """);
}
