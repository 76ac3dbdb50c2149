using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace LogSafety.Analyzers.Tests.Verifiers;

/// <summary>
/// The references every test compiles against: .NET 10 reference assemblies from Basic.Reference.Assemblies and the
/// logging libraries from this project's own package references, so tests run offline and cold.
/// </summary>
internal static class TestReferences
{
    public static ReferenceAssemblies ReferenceAssemblies { get; } = new("net10.0");

    public static ImmutableArray<MetadataReference> All { get; } = Build();

    private static ImmutableArray<MetadataReference> Build()
    {
        var framework = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>();
        var libraries = new[]
        {
            typeof(Microsoft.Extensions.Logging.ILogger).Assembly,
            typeof(Serilog.ILogger).Assembly,
            typeof(NLog.ILogger).Assembly,
            typeof(log4net.ILog).Assembly,
            typeof(Microsoft.AspNetCore.Http.HttpRequest).Assembly,
            typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly,
            typeof(Microsoft.AspNetCore.Http.HttpRequestRewindExtensions).Assembly,
            typeof(Microsoft.Extensions.Primitives.StringValues).Assembly,
            typeof(Microsoft.Net.Http.Headers.HeaderNames).Assembly,
            typeof(Microsoft.AspNetCore.Builder.WebApplication).Assembly,
            typeof(Microsoft.Extensions.Hosting.HostEnvironmentEnvExtensions).Assembly,
            typeof(Microsoft.Extensions.Hosting.IHostEnvironment).Assembly,
            typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly,
            typeof(Microsoft.Extensions.Options.IOptions<>).Assembly,
            typeof(Microsoft.Extensions.Configuration.IConfiguration).Assembly,
            typeof(Microsoft.AspNetCore.Mvc.ControllerBase).Assembly,
            typeof(Microsoft.AspNetCore.Http.HttpResults.Ok).Assembly,
            typeof(Microsoft.AspNetCore.Routing.RouteData).Assembly,
            typeof(Microsoft.AspNetCore.HttpLogging.HttpLoggingOptions).Assembly,
            typeof(Microsoft.AspNetCore.Http.RequestDelegate).Assembly,
            typeof(Microsoft.AspNetCore.Authentication.AuthenticationProperties).Assembly,
            typeof(Microsoft.AspNetCore.Identity.IdentityUser).Assembly,
            typeof(Microsoft.AspNetCore.Hosting.IWebHostEnvironment).Assembly,
            typeof(Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions).Assembly,
            typeof(Microsoft.AspNetCore.Mvc.IActionResult).Assembly,
            typeof(Microsoft.EntityFrameworkCore.DbContext).Assembly,
            typeof(Microsoft.EntityFrameworkCore.DbSet<>).Assembly,
            typeof(Microsoft.Extensions.DependencyInjection.EntityFrameworkServiceCollectionExtensions).Assembly,
            typeof(Microsoft.IdentityModel.Logging.IdentityModelEventSource).Assembly,
            typeof(Microsoft.IdentityModel.Abstractions.IIdentityLogger).Assembly,
        };
        var libraryReferences = libraries
            .Select(a => a.Location)
            .Distinct()
            .Where(File.Exists)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
        // The whole ASP.NET Core shared framework, so that types spread over its assemblies (ISession, features) resolve.
        var aspNetDirectory = Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly.Location)!;
        var libraryPaths = libraries.Select(a => a.Location).ToHashSet();
        var aspNetReferences = Directory.GetFiles(aspNetDirectory, "*.dll")
            .Where(path => !libraryPaths.Contains(path))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
        return framework.Concat(libraryReferences).Concat(aspNetReferences).ToImmutableArray();
    }
}
