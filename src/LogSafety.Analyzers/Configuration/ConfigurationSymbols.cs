using LogSafety.Analyzers.Roslyn;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

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
            TypeLookup.Find(compilation, "Microsoft.EntityFrameworkCore.DbContextOptionsBuilder"),
            TypeLookup.Find(compilation, "Microsoft.EntityFrameworkCore.DbContextOptionsBuilder`1"));

        HttpLoggingFields = TypeLookup.Find(compilation, "Microsoft.AspNetCore.HttpLogging.HttpLoggingFields");
        W3CLoggingFields = TypeLookup.Find(compilation, "Microsoft.AspNetCore.HttpLogging.W3CLoggingFields");
        HttpLoggingAttribute = TypeLookup.Find(compilation, "Microsoft.AspNetCore.HttpLogging.HttpLoggingAttribute");
        var httpLoggingOptions = TypeLookup.Find(compilation, "Microsoft.AspNetCore.HttpLogging.HttpLoggingOptions");
        var interceptorContext = TypeLookup.Find(compilation, "Microsoft.AspNetCore.HttpLogging.HttpLoggingInterceptorContext");
        var w3cOptions = TypeLookup.Find(compilation, "Microsoft.AspNetCore.HttpLogging.W3CLoggerOptions");
        LoggingFieldsProperties = Members<IPropertySymbol>("LoggingFields", httpLoggingOptions, interceptorContext, w3cOptions);
        LoggedHeaderSets = Members<IPropertySymbol>("RequestHeaders", httpLoggingOptions)
            .Union(Members<IPropertySymbol>("ResponseHeaders", httpLoggingOptions))
            .Union(Members<IPropertySymbol>("AdditionalRequestHeaders", w3cOptions));
        LoggingFieldsMethods = MethodsNamed(
            "WithHttpLogging",
            TypeLookup.Find(compilation, "Microsoft.AspNetCore.Builder.HttpLoggingEndpointConventionBuilderExtensions"))
            .Union(MethodsNamed("Enable", interceptorContext));

        HeaderNames = TypeLookup.Find(compilation, "Microsoft.Net.Http.Headers.HeaderNames");

        var eventSource = TypeLookup.Find(compilation, "Microsoft.IdentityModel.Logging.IdentityModelEventSource");
        PiiSwitches = Members<IPropertySymbol>("ShowPII", eventSource)
            .Union(Members<IPropertySymbol>("LogCompleteSecurityArtifact", eventSource));

        HostEnvironment = TypeLookup.Find(compilation, "Microsoft.Extensions.Hosting.IHostEnvironment");
        DevelopmentChecks = MethodsNamed(
            "IsDevelopment",
            TypeLookup.Find(compilation, "Microsoft.Extensions.Hosting.HostEnvironmentEnvExtensions"),
            TypeLookup.Find(compilation, "Microsoft.Extensions.Hosting.HostingEnvironmentExtensions"),
            TypeLookup.Find(compilation, "Microsoft.AspNetCore.Hosting.HostingEnvironmentExtensions"));
        EnvironmentChecks = MethodsNamed(
            "IsEnvironment",
            TypeLookup.Find(compilation, "Microsoft.Extensions.Hosting.HostEnvironmentEnvExtensions"),
            TypeLookup.Find(compilation, "Microsoft.Extensions.Hosting.HostingEnvironmentExtensions"),
            TypeLookup.Find(compilation, "Microsoft.AspNetCore.Hosting.HostingEnvironmentExtensions"));
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

    /// <summary>
    /// Whether a call may be one these symbols describe, by the names alone: EnableSensitiveDataLogging, the methods
    /// that take logged fields, and Add on one of the logged header sets. Checked before any symbol is resolved.
    /// </summary>
    public static bool MayConfigure(IInvocationOperation invocation) => invocation.TargetMethod.Name switch
    {
        "EnableSensitiveDataLogging" or "WithHttpLogging" or "Enable" => true,
        "Add" => CollectionAddedTo(invocation) is { Name: "RequestHeaders" or "ResponseHeaders" or "AdditionalRequestHeaders" },
        _ => false,
    };

    /// <summary>
    /// The collection property an Add call adds to: options.RequestHeaders.Add(...), or an item of a collection
    /// initializer (new HttpLoggingOptions { RequestHeaders = { "Authorization" } }).
    /// </summary>
    public static IPropertySymbol? CollectionAddedTo(IInvocationOperation invocation) => invocation.Instance switch
    {
        IPropertyReferenceOperation reference => reference.Property,
        IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }
            when invocation.Parent is IObjectOrCollectionInitializerOperation
            {
                Parent: IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation reference },
            } => reference.Property,
        _ => null,
    };

    /// <summary>Whether an assignment may set LoggingFields or an IdentityModel PII switch, by the property's name.</summary>
    public static bool MayConfigure(IAssignmentOperation assignment) =>
        assignment.Target is IPropertyReferenceOperation { Property.Name: "LoggingFields" or "ShowPII" or "LogCompleteSecurityArtifact" };

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
