using System.Threading.Tasks;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LogSafety.Analyzers.Rules.LoggedSecretAnalyzer>;

namespace LogSafety.Analyzers.Tests.Rules;

/// <summary>LS0004: raw request bodies, forms, whole requests and outgoing request content.</summary>
public sealed class RequestBodyTests
{
    [Fact]
    public Task Mel_BodyReadWithStreamReader_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.IO;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;

        class C
        {
            async Task M(ILogger logger, HttpRequest request)
            {
                using var reader = new StreamReader(request.Body);
                var body = await reader.ReadToEndAsync();
                logger.LogInformation("Webhook received: {Payload}", {|LS0004:body|});
                logger.LogInformation("Webhook received: {Size} bytes", body.Length);
                logger.LogInformation("Inline: {Payload}", {|LS0004:await new StreamReader(request.Body).ReadToEndAsync()|});
            }
        }
        """);

    [Fact]
    public Task Mel_StreamReaderOverFile_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.IO;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;

        class C
        {
            async Task M(ILogger logger, Stream file)
            {
                using var reader = new StreamReader(file);
                var body = await reader.ReadToEndAsync();
                logger.LogInformation("File: {Content}", body);
            }
        }
        """);

    [Fact]
    public Task Mel_FlowMessageSaysWhereTheBodyCameFrom() => Verify.VerifyAnalyzerAsync("""
        using System.IO;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, HttpContext context)
            {
                var reader = new StreamReader(context.Request.Body);
                var text = {|#2:reader.ReadToEnd()|};
                {|#1:logger.LogWarning("Bad request {Text}", {|#0:text|})|};
            }
        }
        """,
        Verify.Diagnostic("LS0004").WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("text", "holds 'reader.ReadToEnd()'", "LogWarning"));

    [Fact]
    public Task Mel_MessageSaysWhichBodyAndWhy() => Verify.VerifyAnalyzerAsync("""
        using System.IO;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, HttpRequest request)
            {
                {|#1:logger.LogError("Login failed {Body}", {|#0:new StreamReader(request.Body).ReadToEnd()|})|};
            }
        }
        """,
        Verify.Diagnostic("LS0004").WithLocation(0).WithLocation(1).WithArguments(
            "new StreamReader(request.Body).ReadToEnd()",
            "is read from the raw request body, which can carry passwords and tokens,",
            "LogError"));

    [Fact]
    public Task Mel_UntypedReadFromJsonAsync_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Text.Json;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;

        record Order(int ProductId, int Quantity);

        class C
        {
            async Task M(ILogger logger, HttpRequest request)
            {
                var raw = await request.ReadFromJsonAsync<JsonElement>();
                logger.LogInformation("Payload {Payload}", {|LS0004:raw|});
                var order = await request.ReadFromJsonAsync<Order>();
                logger.LogInformation("Order {Order}", order);
            }
        }
        """);

    [Fact]
    public Task Mel_FromBodyString_Reports_FromBodyDtoWithoutSecrets_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Logging;

        public record Order(int ProductId, int Quantity);

        public class HooksController : ControllerBase
        {
            private readonly ILogger<HooksController> _logger;
            public HooksController(ILogger<HooksController> logger) => _logger = logger;

            [HttpPost("hook")]
            public IActionResult Receive([FromBody] string payload, [FromQuery] string source)
            {
                _logger.LogInformation("Hook from {Source}: {Payload}", source, {|LS0004:payload|});
                return Ok();
            }

            [HttpPost("order")]
            public IActionResult Place([FromBody] Order order)
            {
                _logger.LogInformation("Order {Order}", order);
                return Ok();
            }
        }
        """);

    [Fact]
    public Task Mel_WholeForm_Reports_FormFieldByInnocentKey_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;

        class C
        {
            async Task M(ILogger logger, HttpRequest request)
            {
                logger.LogInformation("Form {Form}", {|LS0004:request.Form|});
                var form = await request.ReadFormAsync();
                logger.LogInformation("Form {Form}", {|LS0004:form|});
                logger.LogInformation("Email {Email}", request.Form["email"]);
                logger.LogInformation("Fields {Count}", request.Form.Count);
                logger.LogInformation("Password {Password}", {|LS0001:request.Form["password"]|});
            }
        }
        """);

    [Fact]
    public Task Serilog_DestructuredHttpRequest_Reports_PlainHttpRequest_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Http;

        class C
        {
            void M(Serilog.ILogger logger, HttpContext context)
            {
                logger.Information("Request {@Request}", {|LS0004:context.Request|});
                logger.Information("Context {@Context}", {|LS0004:context|});
                logger.Information("Request {Request}", context.Request);
                logger.Information("Path {Path}", context.Request.Path);
            }
        }
        """);

    [Fact]
    public Task Mel_OutgoingRequestContentReadToString_Reports_ResponseContent_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;

        class C
        {
            async Task M(ILogger logger, HttpRequestMessage request, HttpResponseMessage response)
            {
                var sent = await request.Content!.ReadAsStringAsync();
                logger.LogDebug("Token request {Body}", {|LS0004:sent|});
                var received = await response.Content.ReadAsStringAsync();
                logger.LogDebug("Response {Body}", received);
            }
        }
        """);

    [Fact]
    public Task Console_FormStringified_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.AspNetCore.Http;

        class C
        {
            void M(HttpRequest request)
            {
                Console.WriteLine($"form: {request.Form}");
            }
        }
        """);

    // Request-logging middleware usually reads the body in a helper of its own and logs what the helper returns.
    [Fact]
    public Task Mel_BodyReturnedByAHelper_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.IO;
        using System.Text;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;

        class RequestLoggingMiddleware
        {
            private readonly ILogger<RequestLoggingMiddleware> _logger;

            public RequestLoggingMiddleware(ILogger<RequestLoggingMiddleware> logger) => _logger = logger;

            public async Task InvokeAsync(HttpContext context)
            {
                var requestText = await ReadBodyAsync(context.Request);
                _logger.LogInformation("Request {Method} {Text}", context.Request.Method, {|LS0004:requestText|});
                _logger.LogInformation("Request {Text}", {|LS0004:await ReadBodyAsync(context.Request)|});
                _logger.LogInformation("Request {Text}", {|LS0004:ReadBuffered(context.Request)|});
                var value = AuthorizationOf(context.Request);
                _logger.LogInformation("Caller {Value}", {|LS0005:value|});
                _logger.LogInformation("Path {Path}", PathOf(context.Request));
                _logger.LogInformation("Size {Size}", await SizeAsync(context.Request));
                _logger.LogInformation("Kind {Kind}", Describe(context.Request));
            }

            private static async Task<string> ReadBodyAsync(HttpRequest request)
            {
                request.EnableBuffering();
                using var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
                var text = await reader.ReadToEndAsync();
                request.Body.Position = 0;
                return text;
            }

            private static string ReadBuffered(HttpRequest request) => new StreamReader(request.Body).ReadToEnd();

            private static string AuthorizationOf(HttpRequest request) => request.Headers["Authorization"];

            private static string PathOf(HttpRequest request) => request.Path;

            private static async Task<long> SizeAsync(HttpRequest request)
            {
                var text = await new StreamReader(request.Body).ReadToEndAsync();
                return text.Length;
            }

            private static string Describe(HttpRequest request)
            {
                var text = new StreamReader(request.Body).ReadToEnd();
                return text.StartsWith("{") ? "json" : "text";
            }
        }
        """);

    [Fact]
    public Task Mel_BodyReturnedByAHelper_MessageNamesTheHelper() => Verify.VerifyAnalyzerAsync("""
        using System.IO;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, HttpContext context)
            {
                {|#1:logger.LogWarning("Rejected {Payload}", {|#0:Payload(context.Request)|})|};
            }

            static string Payload(HttpRequest request)
            {
                using var reader = new StreamReader(request.Body);
                return reader.ReadToEnd();
            }
        }
        """,
        Verify.Diagnostic("LS0004").WithLocation(0).WithLocation(1).WithArguments(
            "Payload(context.Request)",
            "is returned by 'Payload', whose result is read from the raw request body, which can carry passwords and tokens,",
            "LogWarning"));

    [Fact]
    public Task Mel_BodyReturnedByASanitizer_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.IO;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;

        static class BodySummary
        {
            public static string Preview(HttpRequest request) => new StreamReader(request.Body).ReadToEnd().Trim();
            public static string MaskBody(HttpRequest request) => new StreamReader(request.Body).ReadToEnd().Replace("\"password\"", "\"***\"");
        }

        class C
        {
            void M(ILogger logger, HttpContext context)
            {
                logger.LogInformation("Preview {Preview}", BodySummary.Preview(context.Request));
                logger.LogInformation("Masked {Body}", BodySummary.MaskBody(context.Request));
            }
        }
        """, "logsafety.sanitizer_methods = BodySummary.Preview\n");

    [Fact]
    public Task Mel_BodyReturnedByALocalFunction_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.IO;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;

        static class RequestLogging
        {
            public static void UseRequestLogging(this IApplicationBuilder app, ILogger logger)
            {
                app.Use(async (context, next) =>
                {
                    context.Request.EnableBuffering();
                    logger.LogDebug("{Method} {Body}", context.Request.Method, {|LS0004:await ReadAsync(context.Request)|});
                    context.Request.Body.Position = 0;
                    await next();
                });

                static async Task<string> ReadAsync(HttpRequest request)
                {
                    using var reader = new StreamReader(request.Body, leaveOpen: true);
                    return await reader.ReadToEndAsync();
                }
            }
        }
        """);
}
