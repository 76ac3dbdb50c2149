using System.Threading.Tasks;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LogSafety.Analyzers.Rules.SecretLoggingConfigurationAnalyzer>;

namespace LogSafety.Analyzers.Tests.Rules.ConfigurationRules;

/// <summary>LS0010: EF Core EnableSensitiveDataLogging outside development.</summary>
public sealed class EfSensitiveDataLoggingTests
{
    private const string Db = """
        class AppDb : Microsoft.EntityFrameworkCore.DbContext
        {
            public AppDb(Microsoft.EntityFrameworkCore.DbContextOptions<AppDb> options) : base(options) { }
        }
        """;

    [Fact]
    public Task OnConfiguring_Unguarded_Reports() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.EntityFrameworkCore;

        class AppDb : DbContext
        {
            protected override void OnConfiguring(DbContextOptionsBuilder options)
            {
                options.{|LS0010:EnableSensitiveDataLogging()|};
            }
        }
        """);

    [Fact]
    public Task OnConfiguring_Disabled_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.EntityFrameworkCore;

        class AppDb : DbContext
        {
            protected override void OnConfiguring(DbContextOptionsBuilder options)
            {
                options.EnableSensitiveDataLogging(false);
                options.EnableDetailedErrors();
            }
        }
        """);

    [Fact]
    public Task OnConfiguring_ExplicitTrueInChain_Reports() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.EntityFrameworkCore;

        class AppDb : DbContext
        {
            protected override void OnConfiguring(DbContextOptionsBuilder options)
            {
                options.LogTo(Console.WriteLine).{|LS0010:EnableSensitiveDataLogging(true)|}.EnableDetailedErrors();
            }
        }
        """);

    [Fact]
    public Task OnConfiguring_DebugRegion_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        #define DEBUG
        using Microsoft.EntityFrameworkCore;

        class AppDb : DbContext
        {
            protected override void OnConfiguring(DbContextOptionsBuilder options)
            {
        #if DEBUG
                options.EnableSensitiveDataLogging();
        #endif
        #if !DEBUG
                options.EnableDetailedErrors();
        #else
                options.EnableSensitiveDataLogging();
        #endif
        #if TRACE || DEBUG
                options.{|LS0010:EnableSensitiveDataLogging()|};
        #endif
            }
        }
        """);

    [Fact]
    public Task AddDbContext_Unguarded_Reports() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        static class Startup
        {
            static void Configure()
            {
                var builder = WebApplication.CreateBuilder();
                builder.Services.AddDbContext<AppDb>(o => o.{|LS0010:EnableSensitiveDataLogging()|});
                builder.Services.AddPooledDbContextFactory<AppDb>(o => o.EnableDetailedErrors().{|LS0010:EnableSensitiveDataLogging()|});
            }
        }
        """ + Db);

    [Fact]
    public Task AddDbContext_GuardedByBuilderEnvironment_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        static class Startup
        {
            static void Configure()
            {
                var builder = WebApplication.CreateBuilder();
                if (builder.Environment.IsDevelopment())
                {
                    builder.Services.AddDbContext<AppDb>(o => o.EnableSensitiveDataLogging());
                }

                builder.Services.AddPooledDbContextFactory<AppDb>(o =>
                {
                    if (builder.Environment.IsDevelopment() && o.IsConfigured)
                    {
                        o.EnableSensitiveDataLogging();
                    }
                });
            }
        }
        """ + Db);

    [Fact]
    public Task AddDbContext_GuardedByOtherEnvironment_Reports() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        static class Startup
        {
            static void Configure()
            {
                var builder = WebApplication.CreateBuilder();
                if (builder.Environment.IsStaging() || builder.Environment.IsDevelopment())
                {
                    builder.Services.AddDbContext<AppDb>(o => o.{|LS0010:EnableSensitiveDataLogging()|});
                }

                if (!builder.Environment.IsDevelopment())
                {
                    builder.Services.AddDbContext<AppDb>(o => o.{|LS0010:EnableSensitiveDataLogging()|});
                }
            }
        }
        """ + Db);

    [Fact]
    public Task ArgumentFromDevelopmentCheck_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        static class Startup
        {
            static void Configure(IServiceCollection services, IHostEnvironment env)
            {
                var isDevelopment = env.IsDevelopment();
                services.AddDbContext<AppDb>(o => o.EnableSensitiveDataLogging(isDevelopment));
                services.AddDbContext<AppDb>(o => o.EnableSensitiveDataLogging(env.IsDevelopment()));
                services.AddDbContext<AppDb>(o => o.EnableSensitiveDataLogging(env.EnvironmentName == Environments.Development));
            }
        }
        """ + Db);

    [Fact]
    public Task GuardedByADevelopmentFlagDecidedOutside_DoesNotReport_ButAnyOtherFlagDoes() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.EntityFrameworkCore;

        static class Persistence
        {
            private static bool _isDev;
            public static bool IsDevelopmentEnvironment { get; set; }

            // Every caller passes env.IsDevelopment(): the flag is decided outside, as an argument would be.
            public static void Configure(DbContextOptionsBuilder options, bool isDevelopment, bool useSqlServer)
            {
                if (isDevelopment)
                {
                    options.EnableSensitiveDataLogging();
                }

                if (_isDev) options.EnableSensitiveDataLogging();
                if (IsDevelopmentEnvironment) options.EnableSensitiveDataLogging();
                if (!isDevelopment) options.{|LS0010:EnableSensitiveDataLogging()|};
                if (useSqlServer) options.{|LS0010:EnableSensitiveDataLogging()|};

                var developer = true;
                if (developer) options.{|LS0010:EnableSensitiveDataLogging()|};
            }
        }
        """);

    // healthgateway's Db.cs and RescueTube's AppDbContext (docs/precision.md): a switch for the logging itself, read from
    // configuration or an options object, is decided by the deployment, as EnableSensitiveDataLogging(enabled) is.
    [Fact]
    public Task GuardedByALoggingSwitchDecidedOutside_DoesNotReport_ButOneSetHereDoes() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        class DbLoggingOptions
        {
            public bool SensitiveDataLogging { get; set; }
        }

        class AppDbWithOptions : DbContext
        {
            private readonly DbLoggingOptions? _dbLoggingOptions;

            protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
            {
                if (_dbLoggingOptions?.SensitiveDataLogging ?? false)
                {
                    optionsBuilder.EnableSensitiveDataLogging();
                }

                if (_dbLoggingOptions?.SensitiveDataLogging ?? true)
                {
                    optionsBuilder.{|LS0010:EnableSensitiveDataLogging()|};
                }
            }
        }

        static class Startup
        {
            static void Configure(IServiceCollection services, IConfiguration configuration, bool logSql, bool useSqlServer)
            {
                var section = configuration.GetSection("Logging:SensitiveDataLogging");
                bool isSensitiveDataLoggingEnabled = section.GetValue("Enabled", false);
                services.AddDbContextPool<AppDb>((sp, options) =>
                {
                    if (isSensitiveDataLoggingEnabled)
                    {
                        options.EnableSensitiveDataLogging();
                    }
                });

                if (logSql) services.AddDbContext<AppDb>(o => o.EnableSensitiveDataLogging());
                if (useSqlServer) services.AddDbContext<AppDb>(o => o.{|LS0010:EnableSensitiveDataLogging()|});

                var logSensitiveData = true;
                if (logSensitiveData) services.AddDbContext<AppDb>(o => o.{|LS0010:EnableSensitiveDataLogging()|});
            }
        }
        """ + Db);

    // MenuPlanner's DbContextOptionBuilderExtension (docs/precision.md): the environment's name read from configuration
    // or from the process environment is the host's environment.
    [Fact]
    public Task EnvironmentNameFromConfigurationOrVariable_DoesNotReport_ButAnotherKeyDoes() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.Configuration;

        static class DbContextOptionBuilderExtension
        {
            public static DbContextOptionsBuilder Configure(this DbContextOptionsBuilder options, IConfiguration configuration)
            {
                bool isDev = configuration["ENVIRONMENT"]?.Equals("Development") ?? false;
                if (isDev)
                {
                    options.EnableSensitiveDataLogging(true);
                }

                if (Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") == "Development")
                {
                    options.EnableSensitiveDataLogging();
                }

                if (string.Equals(configuration["DOTNET_ENVIRONMENT"], "development", StringComparison.OrdinalIgnoreCase))
                {
                    options.EnableSensitiveDataLogging();
                }

                if (configuration["Region"] == "Development")
                {
                    options.{|LS0010:EnableSensitiveDataLogging()|};
                }

                if (configuration["ASPNETCORE_ENVIRONMENT"]?.Equals("Production") ?? false)
                {
                    options.{|LS0010:EnableSensitiveDataLogging()|};
                }

                return options;
            }
        }
        """);

    // LANCommander's DatabaseContextFactory (docs/precision.md): only the EF Core tools create a context through it.
    [Fact]
    public Task DesignTimeFactory_DoesNotReport_ButTheApplicationsOwnFactoryDoes() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Design;

        class AppDbFactory : IDesignTimeDbContextFactory<AppDb>
        {
            public AppDb CreateDbContext(string[] args)
            {
                var builder = new DbContextOptionsBuilder<AppDb>();
                builder.EnableSensitiveDataLogging();
                return new AppDb(builder.Options);
            }
        }

        class RuntimeFactory
        {
            public AppDb Create()
            {
                var builder = new DbContextOptionsBuilder<AppDb>();
                builder.{|LS0010:EnableSensitiveDataLogging()|};
                return new AppDb(builder.Options);
            }
        }
        """ + Db);

    // udot-atspm's InfrastructureTests, GZCTF's integration tests (docs/precision.md): a test project is not deployed.
    [Theory]
    [InlineData("namespace Xunit { public sealed class FactAttribute : System.Attribute { } }")]
    [InlineData("namespace NUnit.Framework { public sealed class TestAttribute : System.Attribute { } }")]
    [InlineData("namespace Microsoft.VisualStudio.TestTools.UnitTesting { public sealed class TestMethodAttribute : System.Attribute { } }")]
    [InlineData("namespace Microsoft.AspNetCore.Mvc.Testing { public class WebApplicationFactory<TEntryPoint> where TEntryPoint : class { } }")]
    public Task InATestProject_DoesNotReport(string testFramework) => Verify.VerifyAnalyzerAsync("""
        using Microsoft.EntityFrameworkCore;

        class FixtureBase<T> where T : DbContext
        {
            public DbContextOptions<T> Options() => new DbContextOptionsBuilder<T>().EnableSensitiveDataLogging().Options;
        }

        """ + testFramework);

    [Fact]
    public Task ArgumentFromLocalSetToTrue_Reports() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.DependencyInjection;

        static class Startup
        {
            static void Configure(IServiceCollection services, bool fromConfiguration)
            {
                var enable = true;
                services.AddDbContext<AppDb>(o => o.{|LS0010:EnableSensitiveDataLogging(enable)|});
                services.AddDbContext<AppDb>(o => o.EnableSensitiveDataLogging(fromConfiguration));
            }
        }
        """ + Db);

    [Fact]
    public Task WebHostEnvironmentTernaryAndShortCircuit_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.Hosting;

        static class Startup
        {
            static void Configure(DbContextOptionsBuilder options, IWebHostEnvironment env)
            {
                _ = env.IsDevelopment() ? options.EnableSensitiveDataLogging() : options;
                _ = env.IsProduction() ? options.{|LS0010:EnableSensitiveDataLogging()|} : options;
                _ = env.IsDevelopment() && options.EnableSensitiveDataLogging().IsConfigured;
                _ = env.IsEnvironment("Development") && options.EnableSensitiveDataLogging().IsConfigured;
            }
        }
        """);

    [Fact]
    public Task EarlyReturnOutsideDevelopment_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.Hosting;

        static class Startup
        {
            static void Configure(DbContextOptionsBuilder options, WebApplication app)
            {
                options.{|LS0010:EnableSensitiveDataLogging()|};
                if (!app.Environment.IsDevelopment())
                {
                    return;
                }

                options.EnableSensitiveDataLogging();
            }
        }
        """);

    [Fact]
    public Task SameNameOnOtherType_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.EntityFrameworkCore;

        class FakeBuilder
        {
            public FakeBuilder EnableSensitiveDataLogging(bool enabled = true) => this;
        }

        class C
        {
            void M(FakeBuilder builder, DbContextOptionsBuilder options)
            {
                builder.EnableSensitiveDataLogging();
                options.EnableDetailedErrors();
            }
        }
        """);
}
