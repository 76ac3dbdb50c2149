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
        LoggingFieldsProperties = PropertiesNamed("LoggingFields", httpLoggingOptions, interceptorContext, w3cOptions);
        LoggedHeaderSets = PropertiesNamed("RequestHeaders", httpLoggingOptions)
            .Union(PropertiesNamed("ResponseHeaders", httpLoggingOptions))
            .Union(PropertiesNamed("AdditionalRequestHeaders", w3cOptions));
        LoggingFieldsMethods = MethodsNamed(
            "WithHttpLogging",
            TypeLookup.Find(compilation, "Microsoft.AspNetCore.Builder.HttpLoggingEndpointConventionBuilderExtensions"))
            .Union(MethodsNamed("Enable", interceptorContext));

        HeaderNames = TypeLookup.Find(compilation, "Microsoft.Net.Http.Headers.HeaderNames");

        var eventSource = TypeLookup.Find(compilation, "Microsoft.IdentityModel.Logging.IdentityModelEventSource");
        PiiSwitches = PropertiesNamed("ShowPII", eventSource)
            .Union(PropertiesNamed("LogCompleteSecurityArtifact", eventSource));

        HostEnvironment = TypeLookup.Find(compilation, "Microsoft.Extensions.Hosting.IHostEnvironment");
        Configuration = TypeLookup.Find(compilation, "Microsoft.Extensions.Configuration.IConfiguration");
        DesignTimeDbContextFactory = TypeLookup.Find(compilation, "Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory`1");
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
    public MemberSet EnableSensitiveDataLogging { get; }
    public INamedTypeSymbol? HttpLoggingFields { get; }
    public INamedTypeSymbol? W3CLoggingFields { get; }
    public INamedTypeSymbol? HttpLoggingAttribute { get; }

    /// <summary>HttpLoggingOptions, HttpLoggingInterceptorContext and W3CLoggerOptions .LoggingFields.</summary>
    public MemberSet LoggingFieldsProperties { get; }

    /// <summary>Allow-lists of headers whose values are logged unredacted.</summary>
    public MemberSet LoggedHeaderSets { get; }

    /// <summary>Methods that take the fields to log as an argument: WithHttpLogging, HttpLoggingInterceptorContext.Enable.</summary>
    public MemberSet LoggingFieldsMethods { get; }

    /// <summary>Microsoft.Net.Http.Headers.HeaderNames, whose members are static readonly, not constants.</summary>
    public INamedTypeSymbol? HeaderNames { get; }

    /// <summary>IdentityModelEventSource.ShowPII and LogCompleteSecurityArtifact.</summary>
    public MemberSet PiiSwitches { get; }

    public INamedTypeSymbol? HostEnvironment { get; }

    /// <summary>IConfiguration, whose indexer may read the environment's name.</summary>
    public INamedTypeSymbol? Configuration { get; }

    /// <summary>IDesignTimeDbContextFactory&lt;TContext&gt;: only the EF Core tools create a context through it.</summary>
    public INamedTypeSymbol? DesignTimeDbContextFactory { get; }
    public MemberSet DevelopmentChecks { get; }
    public MemberSet EnvironmentChecks { get; }

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
        "EnableSensitiveDataLogging" or "WithHttpLogging" => true,
        // Enable is a common name: only HttpLoggingInterceptorContext's resolves the configuration symbols.
        "Enable" => invocation.TargetMethod.ContainingType?.Name == "HttpLoggingInterceptorContext",
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

    private static MemberSet MethodsNamed(string name, params INamedTypeSymbol?[] types) =>
        MemberSet.Of(SymbolKind.Method, name, types);

    private static MemberSet PropertiesNamed(string name, params INamedTypeSymbol?[] types) =>
        MemberSet.Of(SymbolKind.Property, name, types);
}

/// <summary>
/// Members of known types by kind and name, compared as original definitions. The types' members are never loaded:
/// asking a metadata type for one member by name reads all of them, and most compilations never call any.
/// </summary>
internal sealed class MemberSet
{
    private readonly ImmutableArray<(SymbolKind Kind, string Name, INamedTypeSymbol Type)> _members;

    private MemberSet(ImmutableArray<(SymbolKind Kind, string Name, INamedTypeSymbol Type)> members) => _members = members;

    public bool IsEmpty => _members.IsEmpty;

    public static MemberSet Of(SymbolKind kind, string name, params INamedTypeSymbol?[] types)
    {
        var builder = ImmutableArray.CreateBuilder<(SymbolKind, string, INamedTypeSymbol)>();
        foreach (var type in types)
        {
            if (type is not null)
            {
                builder.Add((kind, name, type));
            }
        }

        return new MemberSet(builder.ToImmutable());
    }

    public MemberSet Union(MemberSet other) => new(_members.AddRange(other._members));

    /// <summary>Whether <paramref name="symbol"/>, an original definition, is one of these members (declared on the type itself).</summary>
    public bool Contains(ISymbol symbol)
    {
        foreach (var (kind, name, type) in _members)
        {
            if (symbol.Kind == kind && symbol.Name == name && SymbolEqualityComparer.Default.Equals(symbol.ContainingType, type))
            {
                return true;
            }
        }

        return false;
    }
}
