using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LogSafety.Analyzers.Configuration;

/// <summary>
/// The framework switches that make EF Core, ASP.NET Core HTTP logging or IdentityModel write secrets, and the
/// development checks that make them safe, resolved once per compilation. Null or empty means not referenced.
/// </summary>
internal sealed class ConfigurationSymbols
{
    private ConfigurationSymbols(Compilation compilation)
    {
        EnableSensitiveDataLogging = MethodsNamed(
            "EnableSensitiveDataLogging",
            compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbContextOptionsBuilder"),
            compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbContextOptionsBuilder`1"));

        HttpLoggingFields = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.HttpLogging.HttpLoggingFields");
        W3CLoggingFields = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.HttpLogging.W3CLoggingFields");
        HttpLoggingAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.HttpLogging.HttpLoggingAttribute");
        var httpLoggingOptions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.HttpLogging.HttpLoggingOptions");
        var interceptorContext = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.HttpLogging.HttpLoggingInterceptorContext");
        var w3cOptions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.HttpLogging.W3CLoggerOptions");
        LoggingFieldsProperties = Members<IPropertySymbol>("LoggingFields", httpLoggingOptions, interceptorContext, w3cOptions);
        LoggedHeaderSets = Members<IPropertySymbol>("RequestHeaders", httpLoggingOptions)
            .Union(Members<IPropertySymbol>("ResponseHeaders", httpLoggingOptions))
            .Union(Members<IPropertySymbol>("AdditionalRequestHeaders", w3cOptions));
        LoggingFieldsMethods = MethodsNamed(
            "WithHttpLogging",
            compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.HttpLoggingEndpointConventionBuilderExtensions"))
            .Union(MethodsNamed("Enable", interceptorContext));

        HeaderNames = compilation.GetTypeByMetadataName("Microsoft.Net.Http.Headers.HeaderNames");

        var eventSource = compilation.GetTypeByMetadataName("Microsoft.IdentityModel.Logging.IdentityModelEventSource");
        PiiSwitches = Members<IPropertySymbol>("ShowPII", eventSource)
            .Union(Members<IPropertySymbol>("LogCompleteSecurityArtifact", eventSource));

        HostEnvironment = compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.IHostEnvironment");
        DevelopmentChecks = MethodsNamed(
            "IsDevelopment",
            compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.HostEnvironmentEnvExtensions"),
            compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.HostingEnvironmentExtensions"),
            compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Hosting.HostingEnvironmentExtensions"));
        EnvironmentChecks = MethodsNamed(
            "IsEnvironment",
            compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.HostEnvironmentEnvExtensions"),
            compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.HostingEnvironmentExtensions"),
            compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Hosting.HostingEnvironmentExtensions"));
    }

    /// <summary>DbContextOptionsBuilder(.&lt;T&gt;).EnableSensitiveDataLogging, as original definitions.</summary>
    public ImmutableHashSet<ISymbol> EnableSensitiveDataLogging { get; }
    public INamedTypeSymbol? HttpLoggingFields { get; }
    public INamedTypeSymbol? W3CLoggingFields { get; }
    public INamedTypeSymbol? HttpLoggingAttribute { get; }

    /// <summary>HttpLoggingOptions, HttpLoggingInterceptorContext and W3CLoggerOptions .LoggingFields.</summary>
    public ImmutableHashSet<ISymbol> LoggingFieldsProperties { get; }

    /// <summary>Allow-lists of headers whose values are logged unredacted.</summary>
    public ImmutableHashSet<ISymbol> LoggedHeaderSets { get; }

    /// <summary>Methods that take the fields to log as an argument: WithHttpLogging, HttpLoggingInterceptorContext.Enable.</summary>
    public ImmutableHashSet<ISymbol> LoggingFieldsMethods { get; }

    /// <summary>Microsoft.Net.Http.Headers.HeaderNames, whose members are static readonly, not constants.</summary>
    public INamedTypeSymbol? HeaderNames { get; }

    /// <summary>IdentityModelEventSource.ShowPII and LogCompleteSecurityArtifact.</summary>
    public ImmutableHashSet<ISymbol> PiiSwitches { get; }

    public INamedTypeSymbol? HostEnvironment { get; }
    public ImmutableHashSet<ISymbol> DevelopmentChecks { get; }
    public ImmutableHashSet<ISymbol> EnvironmentChecks { get; }

    public bool HasEntityFramework => !EnableSensitiveDataLogging.IsEmpty;
    public bool HasHttpLogging => HttpLoggingFields is not null || W3CLoggingFields is not null;
    public bool HasIdentityModel => !PiiSwitches.IsEmpty;

    public static ConfigurationSymbols Create(Compilation compilation) => new(compilation);

    private static ImmutableHashSet<ISymbol> MethodsNamed(string name, params INamedTypeSymbol?[] types) =>
        Members<IMethodSymbol>(name, types);

    private static ImmutableHashSet<ISymbol> Members<T>(string name, params INamedTypeSymbol?[] types)
        where T : ISymbol
    {
        var builder = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var type in types)
        {
            if (type is null)
            {
                continue;
            }

            foreach (var member in type.GetMembers(name))
            {
                if (member is T)
                {
                    builder.Add(member);
                }
            }
        }

        return builder.ToImmutable();
    }
}
