using System.Threading.Tasks;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LogSafety.Analyzers.Rules.LoggedSecretAnalyzer>;

namespace LogSafety.Analyzers.Tests.Rules;

/// <summary>Leaks that real repositories showed in forms the rules missed, each beside a near miss that stays quiet.</summary>
public sealed class RecallFormsTests
{
    // A secrets-manager demo's Console.WriteLine($"Password: {secretData["Password"]}") with a System.Text.Json JsonObject
    // (docs/precision.md): a JSON node read by a key that names a secret holds that secret, as a dictionary's value does.
    [Fact]
    public Task JsonNodesReadByASecretsKey_Report_ButOtherKeysAndWholeDocumentsDoNot() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Text.Json;
        using System.Text.Json.Nodes;
        using Microsoft.Extensions.Logging;
        using Newtonsoft.Json.Linq;

        class SecretsDemo
        {
            void M(ILogger logger, JsonObject secretData, JsonNode node, JsonElement element, JObject jobject, JsonNode payload, JsonDocument doc)
            {
                Console.WriteLine($"Password: {{|LS0001:secretData["Password"]|}}");
                logger.LogInformation("Read {Value}", {|LS0001:node["password"]!.GetValue<string>()|});
                logger.LogInformation("Read {Value}", {|LS0002:element.GetProperty("access_token")|});
                logger.LogInformation("Read {Value}", {|LS0002:element.GetProperty("access_token").GetString()|});
                logger.LogInformation("Read {Value}", {|LS0002:jobject["refresh_token"]|});
                logger.LogInformation("Read {Value}", (string?){|LS0002:jobject["client_secret"]|});

                logger.LogInformation("Payload {Payload}", payload);
                logger.LogInformation("User {User}", node["user"]);
                logger.LogInformation("Token type {Type}, expires in {ExpiresIn}", node["token_type"], node["expires_in"]);
                logger.LogInformation("Document {Document}", doc.RootElement);
            }
        }
        """);

    [Fact]
    public Task ParticipleAfterTheNoun_Reports_ButADescriptorAfterItDoesNot() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class Webhook
        {
            void Check(ILogger logger, string tokenReceived, string secretProvided, string passwordEntered, string tokenIssuer, string passwordRule)
            {
                logger.LogWarning("Got {Got}", {|LS0002:tokenReceived|});
                logger.LogWarning("Configured {Configured}", {|LS0002:secretProvided|});
                logger.LogWarning("Typed {Typed}", {|LS0001:passwordEntered|});
                logger.LogWarning("Issuer {Issuer}, rule {Rule}", tokenIssuer, passwordRule);
            }
        }
        """);

    [Fact]
    public Task PasswordAbbreviations_Report_ButAPolicyNamedByThemDoesNot() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class Legacy
        {
            void Connect(ILogger logger, string dbPwd, string passwd, string pwdPolicy)
            {
                logger.LogDebug("Connecting with {A} {B}", {|LS0001:dbPwd|}, {|LS0001:passwd|});
                logger.LogDebug("Policy {Policy}", pwdPolicy);
            }
        }
        """);

    [Fact]
    public Task RawBodyReserialized_Reports_ButBodyBoundToATypedEventDoesNot() => Verify.VerifyAnalyzerAsync("""
        using System.IO;
        using System.Text.Json;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;

        class AuditEvent { public string Kind { get; set; } = ""; public int Count { get; set; } }

        class Audit
        {
            async Task Record(ILogger logger, HttpRequest request)
            {
                using var reader = new StreamReader(request.Body);
                var text = await reader.ReadToEndAsync();
                var pretty = JsonSerializer.Serialize(JsonSerializer.Deserialize<JsonDocument>(text));
                logger.LogInformation("Payload {Payload}", {|LS0004:pretty|});
                logger.LogInformation("Event {Event}", JsonSerializer.Serialize(JsonSerializer.Deserialize<AuditEvent>(text)));
            }
        }
        """);

    [Fact]
    public Task RawTextOfARequestDocument_Reports_ButOneFieldOfItDoesNot() => Verify.VerifyAnalyzerAsync("""
        using System.Text.Json;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;

        class Intake
        {
            async Task Handle(ILogger logger, HttpRequest request)
            {
                using var document = await JsonDocument.ParseAsync(request.Body);
                logger.LogDebug("Kind {Kind}", document.RootElement.GetProperty("kind").GetString());
                logger.LogDebug("Raw {Raw}", {|LS0004:document.RootElement.GetRawText()|});
            }
        }
        """);

    [Fact]
    public Task FormAndCookieValuesJoined_Report_ButJoinedNamesDoNot() => Verify.VerifyAnalyzerAsync("""
        using System.Linq;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;

        class Diagnostics
        {
            void Dump(ILogger logger, HttpRequest request)
            {
                logger.LogDebug("Fields {Fields}", string.Join(", ", request.Form.Select(f => f.Key)));
                logger.LogDebug("Cookie names {Names}", string.Join(", ", request.Cookies.Select(c => c.Key)));
                logger.LogDebug("Form {Form}", string.Join("&", {|LS0004:request.Form.Select(f => $"{f.Key}={f.Value}")|}));
                logger.LogDebug("Cookies {Cookies}", string.Join("; ", {|LS0005:request.Cookies.Where(c => c.Key != "theme").Select(c => c.Key + "=" + c.Value)|}));
            }
        }
        """);

    [Fact]
    public Task FormattedLineWithAResetTokenAsTheWholeMessage_Reports_ButItsLengthDoesNot() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class Mailer
        {
            void Send(ILogger logger, string email, string resetToken)
            {
                var line = string.Format("Reset mail to {0} with {1}", email, resetToken);
                logger.LogInformation({|LS0002:line|});
                var safe = string.Format("Reset mail to {0}, token of {1} chars", email, resetToken.Length);
                logger.LogInformation(safe);
            }
        }
        """);

    [Fact]
    public Task ConsoleErrorWriter_Reports_ButAnEmailOnItDoesNot() => Verify.VerifyAnalyzerAsync("""
        using System;

        class Cli
        {
            void Fail(string email, string apiToken)
            {
                Console.Error.WriteLine("Login failed for " + email);
                Console.Error.WriteLine("Token was " + {|LS0002:apiToken|});
                Console.Out.WriteLine({|LS0002:apiToken|});
            }
        }
        """);

    [Fact]
    public Task DtoInAFieldSetFromATokenElsewhere_Reports_ButOneSetFromAnIdDoesNot() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class Envelope { public string Kind { get; set; } = ""; public string Value { get; set; } = ""; }

        class TokenRelay
        {
            private readonly ILogger _logger = null!;
            private readonly Envelope _outgoing = new();
            private Envelope _trace = new();

            void Prepare(string accessToken, string requestId)
            {
                _outgoing.Kind = "bearer";
                _outgoing.Value = accessToken;
                _trace = new Envelope { Kind = "trace", Value = requestId };
            }

            void Send()
            {
                _logger.LogDebug("Sending {@Envelope}", {|LS0006:_outgoing|});
                _logger.LogDebug("Tracing {@Envelope}", _trace);
            }
        }
        """);

    [Fact]
    public Task AuthorizationCodeInATokenRequestThroughAPrivateWrapper_Reports_ButAStatusCodeDoesNot() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class OAuthCallback
        {
            private readonly ILogger _logger = null!;

            private void Trace(string step, object details) => _logger.LogDebug("{Step}: {@Details}", step, details);

            void Exchange(string code, string redirectUri, int status)
            {
                Trace("exchange", new { grant_type = "authorization_code", {|LS0002:code|}, redirect_uri = redirectUri });
                Trace("callback", new { code = status, redirect_uri = redirectUri });
                Trace("done", new { code, step = 2 });
            }
        }
        """);
    [Fact]
    public Task ConsoleWritersAsync_Report_ButAnEmailOnThemDoesNot() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Threading.Tasks;

        class Cli
        {
            async Task Fail(string email, string apiToken)
            {
                await Console.Error.WriteLineAsync("Login failed for " + email);
                await Console.Error.WriteLineAsync("Token was " + {|LS0002:apiToken|});
                await Console.Out.WriteLineAsync({|LS0002:apiToken|});
                await Console.Out.WriteAsync($"token={{|LS0002:apiToken|}}");
                await Console.Out.WriteLineAsync(email);
            }
        }
        """);

    [Fact]
    public Task FormatResultAsTheWholeMessage_Reports_ButAFormattedCountDoesNot() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class Mailer
        {
            void Send(ILogger logger, string email, string refreshToken, int attempts)
            {
                logger.LogWarning(string.Format("Refresh for {0} with {1}", email, {|LS0002:refreshToken|}));
                logger.LogWarning(string.Format("Refresh for {0} after {1} attempts", email, attempts));
            }
        }
        """);

    [Fact]
    public Task TupleArgumentsOfAWrapper_Report_ButATupleNamingAnIdDoesNot() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class Audit
        {
            private readonly ILogger _logger = null!;

            public void Event(string name, params (string Name, object Value)[] fields) =>
                _logger.LogInformation("{Event}: {@Fields}", name, fields);

            public void Pair(string name, (string Name, object Value) field) =>
                _logger.LogInformation("{Event}: {Field}", name, field);
        }

        class Tokens
        {
            void Refresh(Audit audit, string issued, string user)
            {
                audit.Event("refresh", ("accessToken", {|LS0002:issued|}), ("userId", user));
                audit.Pair("refresh", ("refreshToken", {|LS0002:issued|}));
                audit.Pair("refresh", ("userId", user));
            }
        }
        """);

    [Fact]
    public Task RuntimeTemplateWithAConstantTail_Reports_ButAHarmlessTailValueDoesNot() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class Credentials { public string User { get; set; } = ""; public string Password { get; set; } = ""; }

        class Reporter
        {
            void Report(ILogger logger, string message, Credentials details, string value, int count)
            {
                logger.LogInformation(message + ", {@details}", {|LS0006:details|});
                logger.LogInformation(message + " {ApiKey}", {|LS0002:value|});
                logger.LogInformation($"{message}: {{ApiKey}}", {|LS0002:value|});
                logger.LogInformation(message + " {Count} {Value}", count, value);
                logger.LogInformation(message + ", {details}", details);
            }
        }
        """);

    [Fact]
    public Task CookieHeaderByName_Reports_ButItsNameOrCountDoesNot() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class Indexer
        {
            private readonly ILogger _logger = null!;
            protected string CookieHeader { get; set; } = "";
            protected string CookieHeaderName { get; set; } = "Cookie";

            void AfterLogin(string cookieHeader, int cookieCount)
            {
                _logger.LogDebug($"Cookies after login: {{|LS0005:CookieHeader|}}");
                _logger.LogDebug("Sent {Cookies}", {|LS0005:cookieHeader|});
                _logger.LogDebug("Header {Name} with {Count} cookies", CookieHeaderName, cookieCount);
            }
        }
        """);
}
