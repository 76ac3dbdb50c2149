using System.Threading.Tasks;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LogSafety.Analyzers.Rules.SecretLoggingConfigurationAnalyzer>;

namespace LogSafety.Analyzers.Tests.Rules.ConfigurationRules;

/// <summary>LS0011: ASP.NET Core HTTP and W3C logging of request bodies, cookies and credential headers.</summary>
public sealed class HttpLoggingOfSecretsTests
{
    [Fact]
    public Task LoggingFieldsWithRequestBody_Reports() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.HttpLogging;
        using Microsoft.Extensions.DependencyInjection;

        static class Startup
        {
            static void Configure(IServiceCollection services)
            {
                services.AddHttpLogging(o => o.LoggingFields = {|LS0011:HttpLoggingFields.All|});
                services.AddHttpLogging(o => o.LoggingFields = {|LS0011:HttpLoggingFields.Request|});
                services.AddHttpLogging(o => o.LoggingFields = {|LS0011:HttpLoggingFields.RequestPropertiesAndHeaders | HttpLoggingFields.RequestBody|});
                services.AddHttpLogging(o => o.LoggingFields |= {|LS0011:HttpLoggingFields.RequestBody|});
            }
        }
        """);

    [Fact]
    public Task LoggingFieldsWithoutRequestBody_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.HttpLogging;
        using Microsoft.Extensions.DependencyInjection;

        static class Startup
        {
            static void Configure(IServiceCollection services)
            {
                services.AddHttpLogging(o => o.LoggingFields = HttpLoggingFields.RequestPropertiesAndHeaders);
                services.AddHttpLogging(o => o.LoggingFields = HttpLoggingFields.All & ~HttpLoggingFields.RequestBody);
                services.AddHttpLogging(o => o.LoggingFields = HttpLoggingFields.Response | HttpLoggingFields.Duration);
                services.AddHttpLogging(o => o.LoggingFields &= ~HttpLoggingFields.RequestBody);
                services.AddHttpLogging(o => o.LoggingFields ^= HttpLoggingFields.RequestBody);
            }
        }
        """);

    // RescueTube's Program.cs (docs/precision.md): HTTP logging turned on by a configuration switch for it.
    [Fact]
    public Task LoggingFieldsUnderAConfiguredLoggingSwitch_DoesNotReport_ButUnderAnotherFlagDoes() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.HttpLogging;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        static class Startup
        {
            static void Configure()
            {
                var builder = WebApplication.CreateBuilder();
                var useHttpLogging = builder.Configuration.GetValue<bool>("Logging:HTTP:Enabled");
                if (useHttpLogging)
                {
                    builder.Services.AddHttpLogging(logging => { logging.LoggingFields = HttpLoggingFields.All; });
                }

                var useSwagger = builder.Configuration.GetValue<bool>("Swagger:Enabled");
                if (useSwagger)
                {
                    builder.Services.AddHttpLogging(logging => { logging.LoggingFields = {|LS0011:HttpLoggingFields.All|}; });
                }
            }
        }
        """);

    [Fact]
    public Task LoggingFieldsGuardedByDevelopment_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.HttpLogging;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        static class Startup
        {
            static void Configure()
            {
                var builder = WebApplication.CreateBuilder();
                builder.Services.AddHttpLogging(o => o.LoggingFields = builder.Environment.IsDevelopment()
                    ? HttpLoggingFields.All
                    : HttpLoggingFields.RequestPropertiesAndHeaders);
                builder.Services.AddHttpLogging(o => o.LoggingFields = builder.Environment.IsProduction()
                    ? HttpLoggingFields.RequestPropertiesAndHeaders
                    : {|LS0011:HttpLoggingFields.All|});
                if (builder.Environment.IsDevelopment())
                {
                    builder.Services.AddHttpLogging(o => o.LoggingFields |= HttpLoggingFields.RequestBody);
                }
            }
        }
        """);

    [Fact]
    public Task ObjectInitializerAndInterceptor_Report() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.HttpLogging;

        sealed class Interceptor : IHttpLoggingInterceptor
        {
            public ValueTask OnRequestAsync(HttpLoggingInterceptorContext context)
            {
                context.Enable({|LS0011:HttpLoggingFields.RequestBody|});
                context.Enable(HttpLoggingFields.RequestHeaders);
                context.Disable(HttpLoggingFields.RequestBody);
                context.LoggingFields = {|LS0011:HttpLoggingFields.Request|};
                context.LoggingFields = HttpLoggingFields.RequestPropertiesAndHeaders;
                return default;
            }

            public ValueTask OnResponseAsync(HttpLoggingInterceptorContext context) => default;

            static HttpLoggingOptions Create() => new() { LoggingFields = {|LS0011:HttpLoggingFields.All|} };
            static HttpLoggingOptions Safe() => new() { LoggingFields = HttpLoggingFields.RequestPropertiesAndHeaders };
        }
        """);

    [Fact]
    public Task CredentialHeaderAllowed_Reports() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.HttpLogging;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Net.Http.Headers;

        static class Startup
        {
            static void Configure(IServiceCollection services)
            {
                services.AddHttpLogging(o =>
                {
                    o.LoggingFields = HttpLoggingFields.RequestPropertiesAndHeaders;
                    o.RequestHeaders.Add({|LS0011:"Authorization"|});
                    o.RequestHeaders.Add({|LS0011:HeaderNames.Cookie|});
                    o.RequestHeaders.Add({|LS0011:"proxy-authorization"|});
                    o.RequestHeaders.Add({|LS0011:"X-API-Key"|});
                    o.ResponseHeaders.Add({|LS0011:HeaderNames.SetCookie|});
                    o.RequestHeaders.Add("X-Request-Id");
                    o.RequestHeaders.Add(HeaderNames.Accept);
                    o.ResponseHeaders.Add("X-Correlation-Id");
                });
            }
        }
        """);

    // pixel-identity's ServiceExtensions (docs/precision.md): CORS headers name credentials and headers, their values are
    // flags and header names.
    [Fact]
    public Task CorsHeadersAllowed_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.HttpLogging;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Net.Http.Headers;

        static class Startup
        {
            static void Configure(IServiceCollection services)
            {
                services.AddHttpLogging(o =>
                {
                    o.ResponseHeaders.Add("Access-Control-Allow-Origin");
                    o.ResponseHeaders.Add("Access-Control-Allow-Credentials");
                    o.ResponseHeaders.Add(HeaderNames.AccessControlAllowCredentials);
                    o.RequestHeaders.Add("access-control-request-headers");
                    o.RequestHeaders.Add({|LS0011:"X-Credentials"|});
                });
            }
        }
        """);

    [Fact]
    public Task CredentialHeaderInCollectionInitializer_Reports() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.HttpLogging;

        static class Options
        {
            static HttpLoggingOptions Create() => new()
            {
                RequestHeaders = { {|LS0011:"Authorization"|}, "Accept-Language" },
            };
        }
        """);

    [Fact]
    public Task CredentialHeaderGuardedByDevelopment_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.HttpLogging;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        static class Startup
        {
            static void Configure(IServiceCollection services, IHostEnvironment env)
            {
                services.AddHttpLogging(o =>
                {
                    if (env.IsDevelopment())
                    {
                        o.RequestHeaders.Add("Authorization");
                    }
                    else
                    {
                        o.RequestHeaders.Add({|LS0011:"Authorization"|});
                    }
                });
            }
        }
        """);

    [Fact]
    public Task OtherSetsAdd_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.HttpLogging;

        static class Startup
        {
            static void Configure(HttpLoggingOptions options, HashSet<string> redacted)
            {
                redacted.Add("Authorization");
                options.MediaTypeOptions.AddText("application/json");
            }
        }
        """);

    [Fact]
    public Task HttpLoggingAttribute_Reports() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.HttpLogging;
        using Microsoft.AspNetCore.Mvc;

        public sealed class AccountController : ControllerBase
        {
            [HttpLogging({|LS0011:HttpLoggingFields.All|})]
            public IActionResult Login() => Ok();

            [HttpLogging(loggingFields: {|LS0011:HttpLoggingFields.RequestBody | HttpLoggingFields.Duration|})]
            public IActionResult Reset() => Ok();

            [HttpLogging(HttpLoggingFields.RequestPropertiesAndHeaders | HttpLoggingFields.ResponseBody, RequestBodyLogLimit = 0)]
            public IActionResult Profile() => Ok();
        }
        """);

    [Fact]
    public Task HttpLoggingAttributeOnLambdaInDebug_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        #define DEBUG
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.HttpLogging;

        static class Endpoints
        {
            static void Map(WebApplication app)
            {
                app.MapPost("/login", [HttpLogging({|LS0011:HttpLoggingFields.Request|})] () => "ok");
        #if DEBUG
                app.MapPost("/debug", [HttpLogging(HttpLoggingFields.Request)] () => "ok");
        #endif
            }
        }
        """);

    [Fact]
    public Task HttpLoggingAttributeOnClassLocalFunctionAndAliasedLambda_Reports() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Linq;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.HttpLogging;
        using Microsoft.AspNetCore.Mvc;
        using Logged = Microsoft.AspNetCore.HttpLogging.HttpLoggingAttribute;

        [HttpLogging({|LS0011:HttpLoggingFields.RequestBody|})]
        public sealed class SignUpController : ControllerBase
        {
            public IActionResult Create() => Ok();
        }

        static class Endpoints
        {
            static void Map(WebApplication app)
            {
                [HttpLogging({|LS0011:HttpLoggingFields.All|})]
                static string Reset() => "ok";

                app.MapPost("/reset", Reset);
                app.MapPost("/login", [Logged({|LS0011:HttpLoggingFields.Request|})] () => "ok");
                app.MapPost("/logout", [Logged(HttpLoggingFields.RequestPath)] () => "ok");
                app.MapGet("/names", () => new[] { "a" }.Select([Obsolete("x")] (string n) => n));
            }
        }
        """);

    [Fact]
    public Task WithHttpLogging_Reports() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.HttpLogging;
        using Microsoft.Extensions.Hosting;

        static class Endpoints
        {
            static void Map(WebApplication app)
            {
                app.MapPost("/login", () => "ok").WithHttpLogging({|LS0011:HttpLoggingFields.All|});
                app.MapPost("/reset", () => "ok").WithHttpLogging(HttpLoggingFields.RequestPropertiesAndHeaders, requestBodyLogLimit: 0);
                if (app.Environment.IsDevelopment())
                {
                    app.MapPost("/debug", () => "ok").WithHttpLogging(HttpLoggingFields.All);
                }
            }
        }
        """);

    [Fact]
    public Task W3CLoggerWithCookies_Reports() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.HttpLogging;
        using Microsoft.Extensions.DependencyInjection;

        static class Startup
        {
            static void Configure(IServiceCollection services)
            {
                services.AddW3CLogging(o =>
                {
                    o.LoggingFields = {|LS0011:W3CLoggingFields.All|};
                    o.LoggingFields |= {|LS0011:W3CLoggingFields.Cookie|};
                    o.AdditionalRequestHeaders.Add({|LS0011:"Authorization"|});
                    o.AdditionalRequestHeaders.Add("x-forwarded-for");
                });
            }
        }
        """);

    [Fact]
    public Task W3CLoggerWithoutCookies_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.HttpLogging;
        using Microsoft.Extensions.DependencyInjection;

        static class Startup
        {
            static void Configure(IServiceCollection services)
            {
                services.AddW3CLogging(o =>
                {
                    o.LoggingFields = W3CLoggingFields.All & ~W3CLoggingFields.Cookie;
                    o.LoggingFields = W3CLoggingFields.Request | W3CLoggingFields.Host | W3CLoggingFields.UserAgent;
                });
            }
        }
        """);

    [Fact]
    public async Task BrokenSource_DoesNotThrow()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using Microsoft.AspNetCore.HttpLogging;
                using Microsoft.EntityFrameworkCore;
                using Microsoft.IdentityModel.Logging;

                static class Startup
                {
                    [HttpLogging()]
                    static void Configure(HttpLoggingOptions o, DbContextOptionsBuilder b, W3CLoggerOptions w)
                    {
                        o.LoggingFields = ;
                        o.LoggingFields |= Missing.RequestBody;
                        o.RequestHeaders.Add();
                        o.RequestHeaders.Add(null, 1);
                        w.AdditionalRequestHeaders.Add(UnknownHeader);
                        b.EnableSensitiveDataLogging(;
                        b.EnableSensitiveDataLogging(true, false);
                        IdentityModelEventSource.ShowPII = ;
                        IdentityModelEventSource.ShowPII = IsDev(;
                #if
                        IdentityModelEventSource.LogCompleteSecurityArtifact = true;
                    }
                }
                """,
            CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None,
        };
        await test.RunAsync();
    }
}
