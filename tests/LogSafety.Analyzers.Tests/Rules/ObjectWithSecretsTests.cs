using System.Threading.Tasks;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LogSafety.Analyzers.Rules.LoggedSecretAnalyzer>;

namespace LogSafety.Analyzers.Tests.Rules;

/// <summary>LS0006: objects logged whole (destructured, serialized, stringified records) that expose a sensitive member.</summary>
public sealed class ObjectWithSecretsTests
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
            public System.DateTime ExpiresAt { get; set; }
        }

        public class GrantSummary
        {
            public string UserId { get; set; } = "";
            public System.DateTime ExpiresAt { get; set; }
        }
        """;

    [Fact]
    public Task Serilog_DestructuredDtoWithPassword_ReportsPath() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            void M(Serilog.ILogger logger, LoginRequest request)
            {
                {|#1:logger.Information("Login {@Request}", {|#0:request|})|};
            }
        }
        """ + Dtos,
        Verify.Diagnostic("LS0006").WithLocation(0).WithLocation(1)
            .WithArguments("request", "LoginRequest.Password", "Information"));

    [Fact]
    public Task Serilog_GrantWithRefreshToken_Reports_ProjectionWithoutIt_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            void M(Serilog.ILogger logger, TokenGrant grant, GrantSummary summary)
            {
                logger.Information("Issued {@Grant}", {|LS0006:grant|});
                logger.Information("Issued {@Grant}", summary);
                logger.Information("Issued {@Grant}", new { grant.UserId, grant.ExpiresAt });
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
                public bool IsError { get; protected set; }
                public string Error { get; protected set; } = "";
            }

            public class TokenResponse : ProtocolResponse
            {
                public string AccessToken => Json.GetProperty("access_token").GetString()!;
                public int ExpiresIn => 3600;
            }

            public class DiscoveryDocumentResponse : ProtocolResponse
            {
                public string Issuer => "";
                public bool RawFlag { get; set; }
            }
        }
        """;

    [Fact]
    public Task RawTextOfAnObjectWithSecrets_Reports() => Verify.VerifyAnalyzerAsync("""
        using IdentityModel.Client;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, TokenResponse tokenResponse)
            {
                {|#1:System.Console.WriteLine({|#0:tokenResponse.Json|})|};
                logger.LogInformation("Token endpoint said {Response}", {|LS0006:tokenResponse.Raw|});
                var raw = tokenResponse.Raw;
                logger.LogDebug({|LS0006:raw|});
            }
        }
        """ + TokenResponses,
        Verify.Diagnostic("LS0006").WithLocation(0).WithLocation(1).WithArguments("tokenResponse.Json", "TokenResponse.AccessToken", "WriteLine"));

    [Fact]
    public Task RawTextOfAnObjectWithoutSecrets_AndOtherMembers_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using IdentityModel.Client;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, TokenResponse tokenResponse, DiscoveryDocumentResponse discovery)
            {
                System.Console.WriteLine(discovery.Json);
                logger.LogInformation("Discovery said {Response}, raw flag {Flag}", discovery.Raw, discovery.RawFlag);
                logger.LogWarning("Token request failed: {Error} ({IsError}), expires in {ExpiresIn}", tokenResponse.Error, tokenResponse.IsError, tokenResponse.ExpiresIn);
            }
        }
        """ + TokenResponses);

    [Fact]
    public Task Mel_PlainClassWithoutDestructuring_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, LoginRequest request)
            {
                logger.LogInformation("Login {Request}", request);
                logger.LogInformation($"Login {request}");
            }
        }
        """ + Dtos);

    [Fact]
    public Task Mel_RecordStringified_Reports_RecordWithSafeToStringOverride_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        public record SignupRequest(string Email, string Password);

        public record ResetRequest(string Email, string NewPassword)
        {
            public override string ToString() => $"ResetRequest {{ Email = {Email} }}";
        }

        public record MfaSetup(string UserId, string[] RecoveryCodes, System.Collections.Generic.List<string> BackupCodes);

        public record ApiClientConfig(string Name, string ApiKey)
        {
            public override string ToString() => $"{Name}:{ApiKey}";
        }

        class C
        {
            void M(ILogger logger, SignupRequest signup, ResetRequest reset, ApiClientConfig client, MfaSetup mfa)
            {
                logger.LogInformation("MFA {Setup}", mfa);
                Serilog.Log.Information("MFA {@Setup}", {|LS0006:mfa|});
                logger.LogInformation("Signup {Request}", {|LS0006:signup|});
                logger.LogInformation($"Signup {{|LS0006:signup|}}");
                System.Console.WriteLine("Signup " + {|LS0006:signup|});
                logger.LogInformation("Reset {Request}", reset);
                logger.LogInformation("Client {Client}", {|LS0006:client|});
            }
        }
        """);

    [Fact]
    public Task Mel_ClassWhoseToStringReturnsSecret_Reports_ToStringReturningName_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        public class ApiCredential
        {
            private readonly string _apiKey;
            public ApiCredential(string name, string apiKey) { Name = name; _apiKey = apiKey; }
            public string Name { get; }
            public override string ToString()
            {
                return Name + ":" + _apiKey;
            }
        }

        public class Tenant
        {
            public string Name { get; set; } = "";
            public string ClientSecret { get; set; } = "";
            public override string ToString() => Name;
        }

        class C
        {
            void M(ILogger logger, ApiCredential credential, Tenant tenant)
            {
                logger.LogInformation("Using {Credential}", {|LS0006:credential|});
                logger.LogInformation("Tenant {Tenant}", tenant);
            }
        }
        """);

    [Fact]
    public Task Mel_SerializedDto_Reports_JsonIgnoredSecret_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using Microsoft.Extensions.Logging;

        public class SafeLogin
        {
            public string Email { get; set; } = "";
            [JsonIgnore] public string Password { get; set; } = "";
        }

        public class ConditionalLogin
        {
            public string Email { get; set; } = "";
            [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Password { get; set; }
        }

        class C
        {
            void M(ILogger logger, LoginRequest request, SafeLogin safe, ConditionalLogin conditional)
            {
                logger.LogInformation("Body {Body}", JsonSerializer.Serialize({|LS0006:request|}));
                logger.LogInformation("Body {Body}", JsonSerializer.Serialize(safe));
                logger.LogInformation("Body {Body}", JsonSerializer.Serialize({|LS0006:conditional|}));
            }
        }
        """ + Dtos);

    [Fact]
    public Task Mel_NewtonsoftSerializedDto_Reports_NewtonsoftIgnored_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;
        using Newtonsoft.Json;

        public class SafeGrant
        {
            public string UserId { get; set; } = "";
            [JsonIgnore] public string RefreshToken { get; set; } = "";
        }

        public class FieldGrant
        {
            public string UserId = "";
            public string AccessToken = "";
        }

        class C
        {
            void M(ILogger logger, TokenGrant grant, SafeGrant safe, FieldGrant fields)
            {
                logger.LogInformation("Grant {Grant}", JsonConvert.SerializeObject({|LS0006:grant|}));
                logger.LogInformation("Grant {Grant}", JsonConvert.SerializeObject(safe));
                logger.LogInformation("Grant {Grant}", JsonConvert.SerializeObject({|LS0006:fields|}));
                logger.LogInformation("Grant {Grant}", System.Text.Json.JsonSerializer.Serialize(fields));
            }
        }
        """ + Dtos);

    [Fact]
    public Task Mel_SerializedThroughLocal_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Text.Json;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, LoginRequest request)
            {
                var json = JsonSerializer.Serialize(request);
                {|#1:logger.LogDebug("Payload {Json}", {|#0:json|})|};
            }
        }
        """ + Dtos,
        Verify.Diagnostic("LS0006").WithLocation(0).WithLocation(1).WithArguments("json", "LoginRequest.Password", "LogDebug"));

    [Fact]
    public Task Serilog_NestedAndCollectionMembers_ReportPath() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;

        public class Account
        {
            public string Name { get; set; } = "";
            public List<TokenGrant> Grants { get; set; } = new();
        }

        public class Envelope
        {
            public string Kind { get; set; } = "";
            public LoginRequest Body { get; set; } = new();
        }

        class C
        {
            void M(Serilog.ILogger logger, Account account, Envelope envelope, LoginRequest[] batch)
            {
                {|#1:logger.Information("Account {@Account}", {|#0:account|})|};
                {|#3:logger.Information("Envelope {@Envelope}", {|#2:envelope|})|};
                {|#5:logger.Information("Batch {@Batch}", {|#4:batch|})|};
            }
        }
        """ + Dtos,
        Verify.Diagnostic("LS0006").WithLocation(0).WithLocation(1).WithArguments("account", "Account.Grants[].RefreshToken", "Information"),
        Verify.Diagnostic("LS0006").WithLocation(2).WithLocation(3).WithArguments("envelope", "Envelope.Body.Password", "Information"),
        Verify.Diagnostic("LS0006").WithLocation(4).WithLocation(5).WithArguments("batch", "LoginRequest[].Password", "Information"));

    [Fact]
    public Task Serilog_ForContextDestructure_Reports_ForContextWithoutDestructure_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            void M(Serilog.ILogger logger, LoginRequest request)
            {
                logger.ForContext("Request", {|LS0006:request|}, destructureObjects: true).Information("Login");
                logger.ForContext("Request", request).Information("Login");
            }
        }
        """ + Dtos);

    [Fact]
    public Task NLog_Destructured_Reports() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            void M(NLog.ILogger logger, LoginRequest request)
            {
                logger.Info("Login {@Request}", {|LS0006:request|});
                logger.Info("Login {Request}", request);
            }
        }
        """ + Dtos);

    [Fact]
    public Task Serilog_AnonymousObjectInLocal_Reports() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            void M(Serilog.ILogger logger, string email, string password)
            {
                var attempt = new { Email = email, Secret = password };
                logger.Information("Attempt {@Attempt}", {|LS0006:attempt|});
                var safe = new { Email = email, PasswordLength = password.Length };
                logger.Information("Attempt {@Attempt}", safe);
            }
        }
        """);

    [Fact]
    public Task LoggerMessage_LogPropertiesParameter_Reports_ClassifiedOrIgnored_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Compliance.Classification;
        using Microsoft.Extensions.Logging;

        public sealed class SecretDataAttribute : DataClassificationAttribute
        {
            public SecretDataAttribute() : base(new DataClassification("Demo", "Secret")) { }
        }

        public class RedactedLogin
        {
            public string Email { get; set; } = "";
            [SecretData] public string Password { get; set; } = "";
        }

        public class IgnoredLogin
        {
            public string Email { get; set; } = "";
            [LogPropertyIgnore] public string Password { get; set; } = "";
        }

        static partial class Log
        {
            [LoggerMessage(1, LogLevel.Information, "Login attempt")]
            public static partial void Login(ILogger logger, [LogProperties] LoginRequest request);

            [LoggerMessage(2, LogLevel.Information, "Login attempt")]
            public static partial void LoginRedacted(ILogger logger, [LogProperties] RedactedLogin request);

            [LoggerMessage(3, LogLevel.Information, "Login attempt")]
            public static partial void LoginIgnored(ILogger logger, [LogProperties] IgnoredLogin request);

            public static partial void Login(ILogger logger, LoginRequest request) { }
            public static partial void LoginRedacted(ILogger logger, RedactedLogin request) { }
            public static partial void LoginIgnored(ILogger logger, IgnoredLogin request) { }
        }

        class C
        {
            void M(ILogger logger, LoginRequest request, RedactedLogin redacted, IgnoredLogin ignored)
            {
                Log.Login(logger, {|LS0006:request|});
                Log.LoginRedacted(logger, redacted);
                Log.LoginIgnored(logger, ignored);
            }
        }
        """ + Dtos);

    [Fact]
    public Task Serilog_SelfReferencingAndGenericTypes_Bounded() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;

        public class Node
        {
            public string Name { get; set; } = "";
            public Node? Parent { get; set; }
            public List<Node> Children { get; set; } = new();
        }

        public class Page<T>
        {
            public List<T> Items { get; set; } = new();
            public string ContinuationToken { get; set; } = "";
        }

        public class Deep1 { public Deep2 Next { get; set; } = new(); }
        public class Deep2 { public Deep3 Next { get; set; } = new(); }
        public class Deep3 { public Deep4 Next { get; set; } = new(); }
        public class Deep4 { public Deep5 Next { get; set; } = new(); }
        public class Deep5 { public Deep6 Next { get; set; } = new(); }
        public class Deep6 { public string Password { get; set; } = ""; }

        class C
        {
            void M(Serilog.ILogger logger, Node node, Page<LoginRequest> logins, Page<GrantSummary> grants, Deep1 deep)
            {
                logger.Information("Tree {@Node}", node);
                logger.Information("Logins {@Page}", {|LS0006:logins|});
                logger.Information("Grants {@Page}", grants);
                logger.Information("Deep {@Deep}", deep);
            }
        }
        """ + Dtos);

    [Fact]
    public Task Serilog_MetadataIdentityUser_ReportsPasswordHash_UserName_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Identity;

        class C
        {
            void M(Serilog.ILogger logger, IdentityUser user)
            {
                {|#1:logger.Information("User {@User}", {|#0:user|})|};
                logger.Information("User {User}", user);
                logger.Information("User {Name}", user.UserName);
            }
        }
        """,
        Verify.Diagnostic("LS0006").WithLocation(0).WithLocation(1).WithArguments("user", "IdentityUser.PasswordHash", "Information"));

    [Fact]
    public Task Serilog_BrokenCode_NoCrash() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            void M(Serilog.ILogger logger, {|CS0246:Missing|} missing, LoginRequest request)
            {
                logger.Information("Missing {@Value}", missing);
                logger.Information("Missing {@Value}", missing.Password);
            }
        }
        """ + Dtos);
}
