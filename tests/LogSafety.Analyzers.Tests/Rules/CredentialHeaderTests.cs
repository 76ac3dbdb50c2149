using System.Threading.Tasks;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LogSafety.Analyzers.Rules.LoggedSecretAnalyzer>;

namespace LogSafety.Analyzers.Tests.Rules;

/// <summary>LS0005: credential headers and cookies, and whole header and cookie collections.</summary>
public sealed class CredentialHeaderTests
{
    [Fact]
    public Task Mel_AuthorizationHeaderByIndexer_Reports_InnocentHeader_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;
        using Microsoft.Net.Http.Headers;

        class C
        {
            void M(ILogger logger, HttpRequest request)
            {
                logger.LogInformation("Auth {Auth}", {|LS0005:request.Headers["Authorization"]|});
                logger.LogInformation("Auth {Auth}", {|LS0005:request.Headers[HeaderNames.Authorization]|});
                logger.LogInformation("Proxy {Auth}", {|LS0005:request.Headers["Proxy-Authorization"]|});
                logger.LogInformation("Cookie {Cookie}", {|LS0005:request.Headers["Cookie"].ToString()|});
                logger.LogInformation("Agent {Agent}", request.Headers["User-Agent"]);
                logger.LogInformation("Agent {Agent}", request.Headers[HeaderNames.UserAgent]);
                logger.LogInformation("Has auth {HasAuth}", request.Headers.ContainsKey("Authorization"));
            }
        }
        """);

    [Fact]
    public Task Mel_TypedAuthorizationProperty_Reports_TypedInnocentProperty_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, HttpContext context)
            {
                logger.LogInformation("Auth {Auth}", {|LS0005:context.Request.Headers.Authorization|});
                logger.LogInformation("Set {Cookie}", {|LS0005:context.Response.Headers.SetCookie|});
                logger.LogInformation("Host {Host}", context.Request.Headers.Host);
                logger.LogInformation("Auth count {Count}", context.Request.Headers.Authorization.Count);
            }
        }
        """);

    [Fact]
    public Task Mel_TryGetValueOfAuthorization_ReportsWithOrigin() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, HttpRequest request)
            {
                if ({|#2:request.Headers.TryGetValue("Authorization", out var value)|})
                {
                    {|#1:logger.LogDebug("Header {Value}", {|#0:value|})|};
                }

                if (request.Headers.TryGetValue("Accept", out var accept))
                {
                    logger.LogDebug("Accept {Value}", accept);
                }
            }
        }
        """,
        Verify.Diagnostic("LS0005").WithLocation(0).WithLocation(1).WithLocation(2)
            .WithArguments("value", "holds 'request.Headers.TryGetValue(\"Authorization\", out var value)'", "LogDebug"));

    [Fact]
    public Task Mel_BearerTokenCutFromHeader_Reports() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, HttpRequest request)
            {
                var header = request.Headers.Authorization.ToString();
                var bearer = header.Replace("Bearer ", "").Trim();
                logger.LogWarning("Rejected {Value}", {|LS0005:bearer|});
                logger.LogWarning("Rejected, scheme was {Scheme}", header.Length > 6);
            }
        }
        """);

    [Fact]
    public Task HttpClient_AuthenticationHeaderValue_Reports_Scheme_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Net.Http.Headers;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, HttpClient client, HttpRequestMessage message)
            {
                logger.LogDebug("Auth {Auth}", {|LS0005:client.DefaultRequestHeaders.Authorization|});
                logger.LogDebug("Credential {Value}", {|LS0005:message.Headers.Authorization!.Parameter|});
                logger.LogDebug("Scheme {Scheme}", message.Headers.Authorization!.Scheme);
                logger.LogDebug("Values {Values}", {|LS0005:message.Headers.GetValues("Authorization")|});
                logger.LogDebug("Headers {Headers}", {|LS0005:message.Headers|});
                logger.LogDebug("Sending {Request}", {|LS0005:message|});
                logger.LogDebug("Sending {Method} {Uri}", message.Method, message.RequestUri);
            }
        }
        """);

    [Fact]
    public Task HttpClient_ResponseAndContentHeadersWhole_DoNotReport_ButRequestHeadersAndSetCookieByNameDo() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using Microsoft.Extensions.Logging;

        class OAuthHandler
        {
            void Failed(ILogger logger, HttpResponseMessage response, HttpRequestMessage request, HttpHeaders unknown)
            {
                // An identity provider's error response: its headers carry none of the caller's credentials.
                logger.LogError("Token request failed: {Status} {Headers} {Body}", response.StatusCode, response.Headers.ToString(), response.ReasonPhrase);
                logger.LogError("Headers {Headers}", response.Headers);
                logger.LogError("Content headers {Headers}", response.Content.Headers);
                foreach (var header in response.Headers)
                {
                    logger.LogDebug("{Name}: {Value}", header.Key, header.Value);
                }

                // What the caller sent, or a collection that may be either, still does.
                logger.LogError("Sent {Headers}", {|LS0005:request.Headers|});
                logger.LogError("Headers {Headers}", {|LS0005:unknown|});
                logger.LogError("Cookies set {Values}", {|LS0005:response.Headers.GetValues("Set-Cookie")|});
            }
        }
        """);

    [Fact]
    public Task Mel_WholeHeaderCollection_Reports_StringifiedHeaderCollection_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, HttpRequest request)
            {
                logger.LogInformation("Headers {Headers}", {|LS0005:request.Headers|});
                Serilog.Log.Information("Headers {@Headers}", {|LS0005:request.Headers|});
                Console.WriteLine("Headers: " + request.Headers);
                logger.LogInformation("Header count {Count}", request.Headers.Count);
            }
        }
        """);

    [Fact]
    public Task Mel_Cookies_WholeOrAuthCookie_Reports_PreferenceCookie_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, HttpRequest request, string cookieName)
            {
                logger.LogInformation("Cookies {Cookies}", {|LS0005:request.Cookies|});
                logger.LogInformation("Auth cookie {Cookie}", {|LS0005:request.Cookies[".AspNetCore.Cookies"]|});
                logger.LogInformation("Cookie {Cookie}", {|LS0005:request.Cookies[cookieName]|});
                logger.LogInformation("Theme {Theme}", request.Cookies["theme"]);
                logger.LogInformation("Culture {Culture}", request.Cookies[".AspNetCore.Culture"]);
                logger.LogInformation("Cookie count {Count}", request.Cookies.Count);
            }
        }
        """);

    [Fact]
    public Task Mel_SecretNamedHeaderAndCookie_AreCredentialHeaders_QueryToken_StaysLS0002() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, HttpRequest request)
            {
                logger.LogInformation("Key {Key}", {|LS0005:request.Headers["X-Api-Key"]|});
                logger.LogInformation("Session {Session}", {|LS0005:request.Cookies["session_id"]|});
                logger.LogInformation("Token {Token}", {|LS0002:request.Query["access_token"]|});
            }
        }
        """);

    [Fact]
    public Task Mel_ForEachOverHeaders_Reports() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, HttpRequest request)
            {
                foreach (var header in request.Headers)
                {
                    logger.LogTrace("Header {Header}", {|LS0005:header|});
                    logger.LogTrace("Header name {Name}", header.Key);
                }
            }
        }
        """);

    [Fact]
    public Task ForEachOverHeaders_EachValueReports_ButALoopThatSkipsCredentialHeadersDoesNot() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Linq;
        using System.Net.Http;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;

        class Tracing
        {
            private static readonly string[] Hidden = { "Authorization", "Cookie" };

            void Outgoing(HttpRequestMessage message)
            {
                foreach (var header in message.Headers)
                {
                    Console.WriteLine($"{header.Key}: {string.Join(", ", {|LS0005:header.Value|})}");
                }
            }

            void Incoming(ILogger logger, HttpRequest request)
            {
                foreach (var pair in request.Headers)
                {
                    logger.LogDebug("{Name} = {Value}", pair.Key, {|LS0005:pair.Value|});
                }

                foreach (var cookie in request.Cookies)
                {
                    logger.LogDebug("{Name} = {Value}", cookie.Key, {|LS0005:cookie.Value|});
                }
            }

            void Filtered(ILogger logger, HttpRequest request)
            {
                foreach (var pair in request.Headers)
                {
                    if (pair.Key == "Authorization" || pair.Key == "Cookie")
                    {
                        continue;
                    }

                    logger.LogDebug("{Name} = {Value}", pair.Key, pair.Value);
                }

                foreach (var pair in request.Headers)
                {
                    var hidden = Hidden.Contains(pair.Key);
                    logger.LogDebug("{Name} = {Value}", pair.Key, hidden ? "***" : pair.Value.ToString());
                }

                foreach (var pair in request.Query)
                {
                    logger.LogDebug("{Name} = {Value}", pair.Key, pair.Value);
                }
            }
        }
        """);
}
