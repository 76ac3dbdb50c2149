using System.Threading.Tasks;
using Xunit;
using FieldFix = LogSafety.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LogSafety.Analyzers.Rules.SecretLoggingConfigurationAnalyzer,
    LogSafety.CodeFixes.RemoveLoggedFieldCodeFix>;
using HeaderFix = LogSafety.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LogSafety.Analyzers.Rules.SecretLoggingConfigurationAnalyzer,
    LogSafety.CodeFixes.RemoveLoggedHeaderCodeFix>;

namespace LogSafety.Analyzers.Tests.Rules.ConfigurationRules;

/// <summary>LS0011 fixes: take RequestBody (or Cookie) out of the fields; take a credential header out of the allow-list.</summary>
public sealed class HttpLoggingOfSecretsFixTests
{
    [Fact]
    public Task Fields_AllAndRequest_BecomeNamedMembersWithoutBody_FixAll() => FieldFix.VerifyCodeFixAsync("""
        using Microsoft.AspNetCore.HttpLogging;
        using Microsoft.Extensions.DependencyInjection;

        static class Startup
        {
            static void Configure(IServiceCollection services)
            {
                services.AddHttpLogging(o => o.LoggingFields = {|LS0011:HttpLoggingFields.All|});
                services.AddHttpLogging(o => o.LoggingFields = {|LS0011:HttpLoggingFields.Request | HttpLoggingFields.ResponseStatusCode|});
                services.AddHttpLogging(o => o.LoggingFields = {|LS0011:HttpLoggingFields.RequestPath | HttpLoggingFields.RequestBody | HttpLoggingFields.Duration|});
            }
        }
        """, """
        using Microsoft.AspNetCore.HttpLogging;
        using Microsoft.Extensions.DependencyInjection;

        static class Startup
        {
            static void Configure(IServiceCollection services)
            {
                services.AddHttpLogging(o => o.LoggingFields = HttpLoggingFields.RequestPropertiesAndHeaders | HttpLoggingFields.Response | HttpLoggingFields.Duration);
                services.AddHttpLogging(o => o.LoggingFields = HttpLoggingFields.RequestPropertiesAndHeaders | HttpLoggingFields.ResponseStatusCode);
                services.AddHttpLogging(o => o.LoggingFields = HttpLoggingFields.RequestPath | HttpLoggingFields.Duration);
            }
        }
        """);

    [Fact]
    public Task Fields_BodyOperandAndOrAssignment_AreRemoved_FixAll() => FieldFix.VerifyCodeFixAsync("""
        using Microsoft.AspNetCore.HttpLogging;
        using Microsoft.Extensions.DependencyInjection;

        static class Startup
        {
            static void Configure(IServiceCollection services, HttpLoggingFields configured)
            {
                services.AddHttpLogging(o =>
                {
                    o.LoggingFields = configured | {|LS0011:HttpLoggingFields.RequestBody|};
                    o.LoggingFields |= {|LS0011:HttpLoggingFields.RequestBody|};
                    o.RequestBodyLogLimit = 1024;
                });
            }
        }
        """, """
        using Microsoft.AspNetCore.HttpLogging;
        using Microsoft.Extensions.DependencyInjection;

        static class Startup
        {
            static void Configure(IServiceCollection services, HttpLoggingFields configured)
            {
                services.AddHttpLogging(o =>
                {
                    o.LoggingFields = configured;
                    o.RequestBodyLogLimit = 1024;
                });
            }
        }
        """);

    [Fact]
    public Task Fields_OrAssignmentAsLambdaBody_BecomesEmptyBlock() => FieldFix.VerifyCodeFixAsync("""
        using Microsoft.AspNetCore.HttpLogging;
        using Microsoft.Extensions.DependencyInjection;

        static class Startup
        {
            static void Configure(IServiceCollection services)
            {
                services.Configure<HttpLoggingOptions>(o => o.LoggingFields |= {|LS0011:HttpLoggingFields.RequestBody|});
            }
        }
        """, """
        using Microsoft.AspNetCore.HttpLogging;
        using Microsoft.Extensions.DependencyInjection;

        static class Startup
        {
            static void Configure(IServiceCollection services)
            {
                services.Configure<HttpLoggingOptions>(o => { });
            }
        }
        """);

    [Fact]
    public async Task FieldsAndHeadersInOneInitializer_FixAllOfEitherFixerFixesBoth()
    {
        const string source = """
            using Microsoft.AspNetCore.HttpLogging;
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Configure(IServiceCollection services)
                {
                    services.AddSingleton(new HttpLoggingOptions
                    {
                        LoggingFields = {|LS0011:HttpLoggingFields.Request|},
                        RequestHeaders = { {|LS0011:"Authorization"|}, "User-Agent" },
                    });
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.HttpLogging;
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Configure(IServiceCollection services)
                {
                    services.AddSingleton(new HttpLoggingOptions
                    {
                        LoggingFields = HttpLoggingFields.RequestPropertiesAndHeaders,
                        RequestHeaders = { "User-Agent" },
                    });
                }
            }
            """;
        const string fieldFixed = """
            using Microsoft.AspNetCore.HttpLogging;
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Configure(IServiceCollection services)
                {
                    services.AddSingleton(new HttpLoggingOptions
                    {
                        LoggingFields = HttpLoggingFields.RequestPropertiesAndHeaders,
                        RequestHeaders = { {|LS0011:"Authorization"|}, "User-Agent" },
                    });
                }
            }
            """;
        const string headerFixed = """
            using Microsoft.AspNetCore.HttpLogging;
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Configure(IServiceCollection services)
                {
                    services.AddSingleton(new HttpLoggingOptions
                    {
                        LoggingFields = {|LS0011:HttpLoggingFields.Request|},
                        RequestHeaders = { "User-Agent" },
                    });
                }
            }
            """;
        await new FieldFix.Test { TestCode = source, FixedState = { Sources = { fieldFixed }, MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow }, BatchFixedCode = fixedSource }.RunAsync();
        await new HeaderFix.Test { TestCode = source, FixedState = { Sources = { headerFixed }, MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow }, BatchFixedCode = fixedSource }.RunAsync();
    }

    [Fact]
    public Task Fields_AttributeWithHttpLoggingAndConstantBodyOnly_FixAll() => FieldFix.VerifyCodeFixAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.HttpLogging;

        static class Endpoints
        {
            static void Map(WebApplication app)
            {
                app.MapPost("/login", [HttpLogging({|LS0011:HttpLoggingFields.Request|})] () => "ok");
                app.MapPost("/reset", () => "ok").WithHttpLogging({|LS0011:HttpLoggingFields.RequestBody|});
            }
        }
        """, """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.HttpLogging;

        static class Endpoints
        {
            static void Map(WebApplication app)
            {
                app.MapPost("/login", [HttpLogging(HttpLoggingFields.RequestPropertiesAndHeaders)] () => "ok");
                app.MapPost("/reset", () => "ok").WithHttpLogging(HttpLoggingFields.None);
            }
        }
        """);

    [Fact]
    public Task Fields_W3CAll_KeepsEverythingButCookie() => FieldFix.VerifyCodeFixAsync("""
        using Microsoft.AspNetCore.HttpLogging;
        using Microsoft.Extensions.DependencyInjection;

        static class Startup
        {
            static void Configure(IServiceCollection services)
            {
                services.AddW3CLogging(o => o.LoggingFields = {|LS0011:W3CLoggingFields.All|});
                services.AddW3CLogging(o => o.LoggingFields = {|LS0011:W3CLoggingFields.Request | W3CLoggingFields.Cookie|});
                services.AddW3CLogging(o => o.LoggingFields = {|LS0011:W3CLoggingFields.ConnectionInfoFields | W3CLoggingFields.Date | W3CLoggingFields.Time | W3CLoggingFields.UserName | W3CLoggingFields.Cookie|});
                services.AddW3CLogging(o => o.LoggingFields = {|LS0011:W3CLoggingFields.ConnectionInfoFields | W3CLoggingFields.Date | W3CLoggingFields.Time | W3CLoggingFields.UserName | W3CLoggingFields.RequestHeaders | W3CLoggingFields.ProtocolStatus | W3CLoggingFields.All|});
            }
        }
        """, """
        using Microsoft.AspNetCore.HttpLogging;
        using Microsoft.Extensions.DependencyInjection;

        static class Startup
        {
            static void Configure(IServiceCollection services)
            {
                services.AddW3CLogging(o => o.LoggingFields = W3CLoggingFields.All & ~W3CLoggingFields.Cookie);
                services.AddW3CLogging(o => o.LoggingFields = W3CLoggingFields.Request);
                services.AddW3CLogging(o => o.LoggingFields = W3CLoggingFields.ConnectionInfoFields | W3CLoggingFields.Date | W3CLoggingFields.Time | W3CLoggingFields.UserName);
                services.AddW3CLogging(o => o.LoggingFields = (W3CLoggingFields.ConnectionInfoFields | W3CLoggingFields.Date | W3CLoggingFields.Time | W3CLoggingFields.UserName | W3CLoggingFields.RequestHeaders | W3CLoggingFields.ProtocolStatus | W3CLoggingFields.All) & ~W3CLoggingFields.Cookie);
            }
        }
        """);

    [Fact]
    public async Task Fields_HeaderDiagnostic_NotOffered()
    {
        const string source = """
            using Microsoft.AspNetCore.HttpLogging;

            static class Startup
            {
                static void Configure(HttpLoggingOptions o) => o.RequestHeaders.Add({|LS0011:"Authorization"|});
            }
            """;
        await FieldFix.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public Task Header_AddStatementsAndInitializerElements_FixAll() => HeaderFix.VerifyCodeFixAsync("""
        using Microsoft.AspNetCore.HttpLogging;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Net.Http.Headers;

        static class Startup
        {
            static void Configure(IServiceCollection services)
            {
                services.AddHttpLogging(o =>
                {
                    o.RequestHeaders.Add({|LS0011:"Authorization"|});
                    o.RequestHeaders.Add("X-Request-Id");
                    o.RequestHeaders.Add({|LS0011:HeaderNames.Cookie|});
                });
            }

            static HttpLoggingOptions Create() => new()
            {
                RequestHeaders = { {|LS0011:"Authorization"|}, {|LS0011:"X-Api-Key"|}, "Accept-Language" },
            };
        }
        """, """
        using Microsoft.AspNetCore.HttpLogging;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Net.Http.Headers;

        static class Startup
        {
            static void Configure(IServiceCollection services)
            {
                services.AddHttpLogging(o =>
                {
                    o.RequestHeaders.Add("X-Request-Id");
                });
            }

            static HttpLoggingOptions Create() => new()
            {
                RequestHeaders = { "Accept-Language" },
            };
        }
        """);

    [Fact]
    public Task Header_ExpressionBodiedLambda_BecomesEmptyBlock() => HeaderFix.VerifyCodeFixAsync("""
        using Microsoft.Extensions.DependencyInjection;

        static class Startup
        {
            static void Configure(IServiceCollection services)
            {
                services.AddW3CLogging(o => o.AdditionalRequestHeaders.Add({|LS0011:"Proxy-Authorization"|}));
            }
        }
        """, """
        using Microsoft.Extensions.DependencyInjection;

        static class Startup
        {
            static void Configure(IServiceCollection services)
            {
                services.AddW3CLogging(o => { });
            }
        }
        """);
}
