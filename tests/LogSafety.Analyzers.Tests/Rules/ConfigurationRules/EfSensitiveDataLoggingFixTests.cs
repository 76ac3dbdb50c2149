using System.Threading.Tasks;
using Xunit;
using GuardFix = LogSafety.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LogSafety.Analyzers.Rules.SecretLoggingConfigurationAnalyzer,
    LogSafety.CodeFixes.GuardSensitiveDataLoggingCodeFix>;
using RemoveFix = LogSafety.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LogSafety.Analyzers.Rules.SecretLoggingConfigurationAnalyzer,
    LogSafety.CodeFixes.RemoveSensitiveDataLoggingCodeFix>;

namespace LogSafety.Analyzers.Tests.Rules.ConfigurationRules;

/// <summary>LS0010 fixes: remove EnableSensitiveDataLogging() from its chain, or pass the development check.</summary>
public sealed class EfSensitiveDataLoggingFixTests
{
    private const string Db = """

        class AppDb : DbContext
        {
            public AppDb(DbContextOptions<AppDb> options) : base(options) { }
        }

        """;

    [Fact]
    public Task Remove_StatementAndChainLink_FixAll() => RemoveFix.VerifyCodeFixAsync("""
        using System;
        using Microsoft.EntityFrameworkCore;

        class AppDb : DbContext
        {
            protected override void OnConfiguring(DbContextOptionsBuilder options)
            {
                options.{|LS0010:EnableSensitiveDataLogging()|};
                options
                    .LogTo(Console.WriteLine)
                    .{|LS0010:EnableSensitiveDataLogging(true)|}
                    .EnableDetailedErrors();
                options.EnableDetailedErrors();
            }
        }
        """, """
        using System;
        using Microsoft.EntityFrameworkCore;

        class AppDb : DbContext
        {
            protected override void OnConfiguring(DbContextOptionsBuilder options)
            {
                options
                    .LogTo(Console.WriteLine)
                    .EnableDetailedErrors();
                options.EnableDetailedErrors();
            }
        }
        """);

    [Fact]
    public Task Remove_LambdaBodiesAndEmbeddedStatement() => RemoveFix.VerifyCodeFixAsync("""
        using System;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.DependencyInjection;

        static class Startup
        {
            static void Configure(IServiceCollection services, bool verbose)
            {
                services.AddDbContext<AppDb>(o => o.{|LS0010:EnableSensitiveDataLogging()|});
                services.AddDbContext<AppDb>(o => o.LogTo(Console.WriteLine).{|LS0010:EnableSensitiveDataLogging()|});
                services.AddDbContext<AppDb>(o =>
                {
                    if (verbose)
                        o.{|LS0010:EnableSensitiveDataLogging()|};
                });
            }
        }
        """ + Db, """
        using System;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.DependencyInjection;

        static class Startup
        {
            static void Configure(IServiceCollection services, bool verbose)
            {
                services.AddDbContext<AppDb>(o => { });
                services.AddDbContext<AppDb>(o => o.LogTo(Console.WriteLine));
                services.AddDbContext<AppDb>(o =>
                {
                    if (verbose)
                    {
                    }
                });
            }
        }
        """ + Db);

    [Fact]
    public Task Guard_WithBuilderEnvironment_FixAll() => GuardFix.VerifyCodeFixAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.DependencyInjection;

        static class Startup
        {
            static void Configure()
            {
                var builder = WebApplication.CreateBuilder();
                builder.Services.AddDbContext<AppDb>(o => o.{|LS0010:EnableSensitiveDataLogging()|});
                builder.Services.AddDbContext<AppDb>(o => o.{|LS0010:EnableSensitiveDataLogging(true)|}.EnableDetailedErrors());
            }
        }
        """ + Db, """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        static class Startup
        {
            static void Configure()
            {
                var builder = WebApplication.CreateBuilder();
                builder.Services.AddDbContext<AppDb>(o => o.EnableSensitiveDataLogging(builder.Environment.IsDevelopment()));
                builder.Services.AddDbContext<AppDb>(o => o.EnableSensitiveDataLogging(builder.Environment.IsDevelopment()).EnableDetailedErrors());
            }
        }
        """ + Db);

    [Fact]
    public Task Guard_PrefersHostEnvironmentParameter() => GuardFix.VerifyCodeFixAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.Hosting;

        static class Startup
        {
            static void Configure(WebApplication app, IWebHostEnvironment env, DbContextOptionsBuilder options)
            {
                options.{|LS0010:EnableSensitiveDataLogging()|};
            }
        }
        """, """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.Hosting;

        static class Startup
        {
            static void Configure(WebApplication app, IWebHostEnvironment env, DbContextOptionsBuilder options)
            {
                options.EnableSensitiveDataLogging(env.IsDevelopment());
            }
        }
        """);

    [Fact]
    public async Task Guard_NoEnvironmentInScope_NotOffered()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore;

            class AppDb : DbContext
            {
                protected override void OnConfiguring(DbContextOptionsBuilder options)
                {
                    options.{|LS0010:EnableSensitiveDataLogging()|};
                }
            }
            """;
        await GuardFix.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public async Task Guard_EnvironmentDeclaredLater_NotOffered()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.EntityFrameworkCore;

            static class Startup
            {
                static void Configure(DbContextOptionsBuilder options)
                {
                    options.{|LS0010:EnableSensitiveDataLogging()|};
                    var builder = WebApplication.CreateBuilder();
                    builder.Build();
                }
            }
            """;
        await GuardFix.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public async Task Guard_TopLevelBuilderSeenFromDbContextInAnotherFile_NotOfferedAndFixAllRemoves()
    {
        // Lookup finds the top-level statements' 'builder' and 'app' inside OnConfiguring, but using them there is CS8801.
        // Fix All in the project guards the call that can be guarded and removes the other (not offered in its document).
        var test = new GuardFix.Test
        {
            CodeFixTestBehaviors = Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipFixAllInDocumentCheck,
            TestState =
            {
                OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication,
                Sources =
                {
                    ("/Program.cs", """
                        using Microsoft.AspNetCore.Builder;
                        using Microsoft.EntityFrameworkCore;
                        using Microsoft.Extensions.DependencyInjection;

                        var builder = WebApplication.CreateBuilder(args);
                        builder.Services.AddDbContext<AppDb>(o => o.{|LS0010:EnableSensitiveDataLogging()|});
                        var app = builder.Build();
                        app.Run();
                        """),
                    ("/AppDb.cs", """
                        using Microsoft.EntityFrameworkCore;

                        class AppDb : DbContext
                        {
                            protected override void OnConfiguring(DbContextOptionsBuilder options)
                            {
                                options.{|LS0010:EnableSensitiveDataLogging()|};
                            }
                        }
                        """),
                },
            },
            FixedState =
            {
                OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication,
                MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow,
                Sources =
                {
                    ("/Program.cs", """
                        using Microsoft.AspNetCore.Builder;
                        using Microsoft.EntityFrameworkCore;
                        using Microsoft.Extensions.DependencyInjection;
                        using Microsoft.Extensions.Hosting;

                        var builder = WebApplication.CreateBuilder(args);
                        builder.Services.AddDbContext<AppDb>(o => o.EnableSensitiveDataLogging(builder.Environment.IsDevelopment()));
                        var app = builder.Build();
                        app.Run();
                        """),
                    ("/AppDb.cs", """
                        using Microsoft.EntityFrameworkCore;

                        class AppDb : DbContext
                        {
                            protected override void OnConfiguring(DbContextOptionsBuilder options)
                            {
                                options.{|LS0010:EnableSensitiveDataLogging()|};
                            }
                        }
                        """),
                },
            },
            BatchFixedState =
            {
                OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication,
                Sources =
                {
                    ("/Program.cs", """
                        using Microsoft.AspNetCore.Builder;
                        using Microsoft.EntityFrameworkCore;
                        using Microsoft.Extensions.DependencyInjection;
                        using Microsoft.Extensions.Hosting;

                        var builder = WebApplication.CreateBuilder(args);
                        builder.Services.AddDbContext<AppDb>(o => o.EnableSensitiveDataLogging(builder.Environment.IsDevelopment()));
                        var app = builder.Build();
                        app.Run();
                        """),
                    ("/AppDb.cs", """
                        using Microsoft.EntityFrameworkCore;

                        class AppDb : DbContext
                        {
                            protected override void OnConfiguring(DbContextOptionsBuilder options)
                            {
                            }
                        }
                        """),
                },
            },
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task Guard_StaticLambdaCannotSeeTheBuilder_NotOffered()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                static void Configure()
                {
                    var builder = WebApplication.CreateBuilder();
                    builder.Services.AddDbContext<AppDb>(static o => o.{|LS0010:EnableSensitiveDataLogging()|});
                }
            }
            """ + Db;
        await GuardFix.VerifyCodeFixAsync(source, source);
    }
}
