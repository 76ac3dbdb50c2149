using System;
using System.Text;
using LogSafety.Analyzers.Logging;
using LogSafety.Analyzers.Options;
using LogSafety.Analyzers.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Sensitivity;

/// <summary>
/// LS0007: whole strings that carry a credential inside them. Connection strings (by name, by the API they come from,
/// or by their syntax) are reported when they may carry a password or key: one LogSafety can read and that sets none
/// is not. URLs need evidence: user info with a password, a credential query parameter in a URL built in code, or the
/// incoming request's full URL in code that reads such a parameter.
/// </summary>
internal sealed class CompositeSecrets
{
    private const int MaxDepth = 3;

    private readonly LocalFlow _flow;
    private readonly INamedTypeSymbol? _dbConnection;
    private readonly INamedTypeSymbol? _connectionStringBuilder;
    private readonly INamedTypeSymbol? _uri;
    private readonly INamedTypeSymbol? _configuration;
    private readonly INamedTypeSymbol? _httpRequest;
    private readonly ConnectionStringProviders _providers;

    public CompositeSecrets(Compilation compilation, LocalFlow flow)
    {
        _flow = flow;
        _dbConnection = TypeLookup.Find(compilation, "System.Data.Common.DbConnection");
        _connectionStringBuilder = TypeLookup.Find(compilation, "System.Data.Common.DbConnectionStringBuilder");
        _uri = TypeLookup.Find(compilation, "System.Uri");
        _configuration = TypeLookup.Find(compilation, "Microsoft.Extensions.Configuration.IConfiguration");
        _httpRequest = TypeLookup.Find(compilation, "Microsoft.AspNetCore.Http.HttpRequest");
        _providers = new ConnectionStringProviders(compilation, flow, _dbConnection, _connectionStringBuilder);
    }

    public SecretFinding? Classify(LoggedValue value, LogSafetyOptions options)
    {
        var operation = LoggedValueCollector.SkipConversions(value.Value);
        if (!MayCarryComposite(operation) || IsWrittenOut(operation))
        {
            return null;
        }

        var named = value.Label is { } label && ConnectionStringText.NamesConnectionString(NameWords.Split(label));
        return Judge(operation, named, options, depth: 0) is { } reason
            ? new SecretFinding(SecretKind.ConnectionStringOrUrl, reason, value, connectionStringBuilder: _providers.BuilderFor(operation, named))
            : null;
    }

    /// <summary>
    /// Literal text written out in the log call itself (usage text, "Example: Server=...;Password=BLAH"): the reader of
    /// the log learns nothing the source does not show. A constant that reaches the call through a name (a const field,
    /// a local) is a configured value and is judged.
    /// </summary>
    private static bool IsWrittenOut(IOperation operation) => operation switch
    {
        ILiteralOperation => true,
        IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, ConstantValue.HasValue: true } binary =>
            IsWrittenOut(LoggedValueCollector.SkipConversions(binary.LeftOperand)) && IsWrittenOut(LoggedValueCollector.SkipConversions(binary.RightOperand)),
        _ => false,
    };

    /// <summary>Strings, URIs, connection string builders and a request's query: nothing else can be one.</summary>
    private bool MayCarryComposite(IOperation operation) =>
        operation.Type is { } type
        && (type.SpecialType == SpecialType.System_String
            || ContentSymbols.Is(type, _uri)
            || ContentSymbols.IsOrDerives(type, _connectionStringBuilder)
            || operation is IPropertyReferenceOperation { Property.Name: "Query" or "QueryString" });

    /// <summary>The reason <paramref name="operation"/> carries a credential, or null.</summary>
    private string? Judge(IOperation operation, bool namedConnectionString, LogSafetyOptions options, int depth)
    {
        operation = LoggedValueCollector.SkipConversions(operation);
        if (depth > MaxDepth)
        {
            return null;
        }

        // Text LogSafety can read: a constant, or the constant parts of a string built in code.
        if (TextOf(operation) is { } text)
        {
            return FromText(text, operation, namedConnectionString || NamesConnectionString(operation));
        }

        switch (operation)
        {
            case IPropertyReferenceOperation { Property.Name: "ConnectionString" } property
                when ContentSymbols.IsOrDerives(property.Property.ContainingType, _dbConnection):
                return "is a database connection's connection string, which usually holds the password";
            case IPropertyReferenceOperation { Property.Name: "ConnectionString", Instance: { } builder } property
                when ContentSymbols.IsOrDerives(property.Property.ContainingType, _connectionStringBuilder):
                return FromBuilder(builder, options, depth);
            case IInvocationOperation { TargetMethod.Name: "ToString", Instance: { } builder }
                when ContentSymbols.IsOrDerives(builder.Type, _connectionStringBuilder):
                return FromBuilder(builder, options, depth);
            case IInvocationOperation { TargetMethod.Name: "GetConnectionString" } invocation
                when invocation.Type?.SpecialType == SpecialType.System_String:
                return "is a connection string from configuration, where it usually holds the password";
            case IPropertyReferenceOperation { Property.IsIndexer: true } indexer
                when ContentSymbols.IsOrDerives(indexer.Property.ContainingType, _configuration):
                return indexer.Arguments.Length == 1
                    && indexer.Arguments[0].Value.ConstantValue.Value is string key
                    && key.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase)
                        ? "is a connection string from configuration, where it usually holds the password"
                        : null;
            case IInvocationOperation { TargetMethod.Name: "GetDisplayUrl" or "GetEncodedUrl" } url when ReadsCredentialParameter(url):
                return "is the request's full URL, and this code reads a credential from its query";
            case IPropertyReferenceOperation { Property.Name: "QueryString" or "Query" } query
                when ContentSymbols.IsOrDerives(query.Property.ContainingType, _httpRequest) && ReadsCredentialParameter(query):
                return "is the request's query, and this code reads a credential from it";
            case IPropertyReferenceOperation { Property.Name: "AbsoluteUri" or "OriginalString" or "Query", Instance: { } uri }
                when ContentSymbols.Is(uri.Type, _uri):
                return Judge(uri, namedConnectionString: false, options, depth + 1);
            case IInvocationOperation { TargetMethod.Name: "ToString", Instance: { } uri } when ContentSymbols.Is(uri.Type, _uri):
                return Judge(uri, namedConnectionString: false, options, depth + 1);
            case IObjectCreationOperation creation when ContentSymbols.Is(creation.Type, _uri) && creation.Arguments.Length > 0:
                return Judge(creation.Arguments[0].Value, namedConnectionString: false, options, depth + 1);
            case ILocalReferenceOperation:
                return FromSources(operation, namedConnectionString || NamesConnectionString(operation), options, depth);
        }

        // A value of unknown content whose name says it is a connection string (a field, a property, an options
        // member bound from configuration): such strings usually carry credentials.
        return (namedConnectionString || NamesConnectionString(operation)) && operation.Type?.SpecialType == SpecialType.System_String
            ? "is named like a connection string, which usually holds a password"
            : null;
    }

    /// <summary>A local or parameter: judged by what is assigned to it before the log call; a parameter by its name.</summary>
    private string? FromSources(IOperation reference, bool namedConnectionString, LogSafetyOptions options, int depth)
    {
        var sources = _flow.SourcesOf(reference);
        if (sources.Count == 0)
        {
            return namedConnectionString && reference.Type?.SpecialType == SpecialType.System_String
                ? "is named like a connection string, which usually holds a password"
                : null;
        }

        foreach (var source in sources)
        {
            if (Judge(source, namedConnectionString, options, depth + 1) is { } reason)
            {
                return reason;
            }
        }

        // Every source was judged on its own: readable text without a credential ("Data Source=app.db") is not reported.
        return null;
    }

    private static string? FromText(string text, IOperation operation, bool namedConnectionString)
    {
        var credential = ConnectionStringText.ConnectionStringCredential(text, out var isConnectionString);
        if (credential is not null)
        {
            return $"is a connection string that sets '{credential}'";
        }

        if (isConnectionString || namedConnectionString)
        {
            return null;
        }

        return ConnectionStringText.UrlCredential(text, IsOAuthCallback(operation)) is { } carried
            ? $"is a URL that carries {carried}"
            : null;
    }

    /// <summary>A connection string builder: reported when its password or key is set, or when it starts from another connection string.</summary>
    private string? FromBuilder(IOperation builder, LogSafetyOptions options, int depth)
    {
        builder = LoggedValueCollector.SkipConversions(builder);
        if (builder is not ILocalReferenceOperation local)
        {
            return "is built by a connection string builder, which usually holds a password";
        }

        var fromConnectionString = false;
        foreach (var source in _flow.SourcesOf(local))
        {
            if (LoggedValueCollector.SkipConversions(source) is IObjectCreationOperation creation)
            {
                foreach (var argument in creation.Arguments)
                {
                    if (argument.Value.Type?.SpecialType == SpecialType.System_String)
                    {
                        var given = Judge(argument.Value, namedConnectionString: true, options, depth + 1);
                        fromConnectionString |= given is not null || TextOf(LoggedValueCollector.SkipConversions(argument.Value)) is null;
                    }
                }

                if (creation.Initializer is { } initializer)
                {
                    foreach (var member in initializer.Initializers)
                    {
                        if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment
                            && IsCredentialKey(property.Property.Name) && !IsEmpty(assignment.Value))
                        {
                            return $"is built by a connection string builder that sets '{property.Property.Name}'";
                        }
                    }
                }
            }
        }

        // Assignments after creation: builder.Password = ...; builder["Password"] = ...; an empty value clears it.
        var root = local;
        IOperation top = root;
        while (top.Parent is not null)
        {
            top = top.Parent;
        }

        bool? cleared = null;
        foreach (var descendant in top.Descendants())
        {
            if (descendant is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: ILocalReferenceOperation target } property } assignment
                || !SymbolEqualityComparer.Default.Equals(target.Local, local.Local)
                || assignment.Syntax.SpanStart > local.Syntax.SpanStart)
            {
                continue;
            }

            var key = property.Property.IsIndexer && property.Arguments.Length == 1 ? property.Arguments[0].Value.ConstantValue.Value as string : property.Property.Name;
            if (key is not null && IsCredentialKey(key))
            {
                cleared = IsEmpty(assignment.Value);
            }
        }

        if (cleared == false)
        {
            return "is built by a connection string builder that sets a password";
        }

        return fromConnectionString && cleared != true
            ? "is built from another connection string, which usually holds a password"
            : null;
    }

    private static bool IsCredentialKey(string key) =>
        ConnectionStringText.ConnectionStringCredential(key + "=x", out _) is not null;

    private static bool IsEmpty(IOperation value) =>
        LoggedValueCollector.SkipConversions(value) is { ConstantValue: { HasValue: true, Value: null or "" } }
        || LoggedValueCollector.SkipConversions(value) is IFieldReferenceOperation { Field: { Name: "Empty", IsStatic: true, ContainingType.SpecialType: SpecialType.System_String } };

    /// <summary>The text of a constant, or of a string built by interpolation or concatenation with holes for what is computed.</summary>
    private static string? TextOf(IOperation operation)
    {
        if (operation.ConstantValue is { HasValue: true, Value: string constant })
        {
            return constant;
        }

        switch (operation)
        {
            case IInterpolatedStringOperation interpolated:
            {
                var builder = new StringBuilder();
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string text })
                    {
                        builder.Append(text);
                    }
                    else
                    {
                        builder.Append(ConnectionStringText.Hole);
                    }
                }

                return builder.ToString();
            }

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } binary:
                return (TextOf(LoggedValueCollector.SkipConversions(binary.LeftOperand)) ?? ConnectionStringText.Hole.ToString())
                    + (TextOf(LoggedValueCollector.SkipConversions(binary.RightOperand)) ?? ConnectionStringText.Hole.ToString());
        }

        return null;
    }

    private static bool NamesConnectionString(IOperation operation) =>
        ConnectionStringText.NamesConnectionString(ValueNames.WordsOf(operation));

    /// <summary>The method around the value looks like an OAuth callback, where 'code' is the authorization code.</summary>
    private static bool IsOAuthCallback(IOperation operation)
    {
        var method = operation.Syntax.FirstAncestorOrSelf<MemberDeclarationSyntax>();
        return method is MethodDeclarationSyntax declaration
            && declaration.Identifier.ValueText.IndexOf("callback", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    /// <summary>The method around the value reads a credential parameter by name ("access_token", "api_key") from somewhere.</summary>
    private static bool ReadsCredentialParameter(IOperation operation)
    {
        if (operation.Syntax.FirstAncestorOrSelf<MemberDeclarationSyntax>() is not { } member)
        {
            return false;
        }

        foreach (var token in member.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.StringLiteralToken) && token.ValueText is { Length: > 0 } text && ConnectionStringText.IsCredentialParameter(text))
            {
                return true;
            }
        }

        return false;
    }
}
