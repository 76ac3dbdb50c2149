using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using LogSafety.Analyzers.Logging;
using LogSafety.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Sensitivity;

/// <summary>
/// LS0003 needs evidence that a value is a bearer session identifier, because applications call many things a
/// session (media playback, sync groups, checkouts) whose ID authenticates nothing. An outright name on the value
/// itself ("sessionId", "sessionToken") is evidence; a generic member read from something called a session
/// ("session.Id") is evidence only when that session is ASP.NET Core's, when its type carries credentials (a
/// token, secret or password member), or when it is created from a cryptographic random source. A bare "sid" is
/// the OpenID Connect session ID printed in every id_token unless it comes from such a source or goes to a cookie.
/// </summary>
internal sealed class SessionEvidence
{
    private static readonly ImmutableArray<string> CryptoRandomMarkers = ImmutableArray.Create(
        "RandomNumberGenerator", "RNGCryptoServiceProvider", "GetRandomBytes");

    private readonly Compilation _compilation;
    private readonly LoggingSymbols _symbols;
    private readonly ConcurrentDictionary<ITypeSymbol, string?> _credentialMembers = new(SymbolEqualityComparer.Default);
    private readonly Lazy<ImmutableHashSet<string>> _randomlyCreatedTypes;

    public SessionEvidence(Compilation compilation, LoggingSymbols symbols)
    {
        _compilation = compilation;
        _symbols = symbols;
        _randomlyCreatedTypes = new Lazy<ImmutableHashSet<string>>(FindRandomlyCreatedTypes, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// The evidence that a value named like a session ID (<paramref name="verdict"/>) is a bearer session identifier:
    /// null when there is none, empty when its own name is enough, else the clause for the message.
    /// </summary>
    public string? Evidence(IOperation operation, NameVerdict verdict, LogSafetyOptions options)
    {
        var member = ValueNames.MemberNamedByReceiver(operation, out var sessionType);
        if (member is null)
        {
            return !verdict.NeedsEvidence ? string.Empty : OwnEvidence(operation);
        }

        return sessionType is null ? null : SessionTypeEvidence(sessionType, member, options);
    }

    /// <summary>
    /// A member named like a session ID inside an object logged whole: evidence is the object itself being an
    /// authentication session (ASP.NET's, one that carries credentials, or one made from a crypto random source).
    /// </summary>
    public bool SupportsMember(ISymbol member, NameVerdict verdict, LogSafetyOptions options) =>
        !verdict.NeedsEvidence && member.ContainingType is { } type && SessionTypeEvidence(type, member, options) is not null;

    private string? SessionTypeEvidence(ITypeSymbol sessionType, ISymbol read, LogSafetyOptions options)
    {
        if (CredentialMember(sessionType, read, options) is { } credential)
        {
            return $"is the ID of '{sessionType.Name}', a session that also holds the credential '{credential}',";
        }

        return _randomlyCreatedTypes.Value.Contains(sessionType.Name)
            ? $"is the ID of '{sessionType.Name}', a session created from a cryptographic random source,"
            : null;
    }

    /// <summary>A session type with a member named like a token, secret or password is an authentication session: that member.</summary>
    private string? CredentialMember(ITypeSymbol type, ISymbol read, LogSafetyOptions options) =>
        _credentialMembers.GetOrAdd(type, t =>
        {
            for (var current = t; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    var memberType = member switch
                    {
                        IPropertySymbol property => property.Type,
                        IFieldSymbol { IsImplicitlyDeclared: false } field => field.Type,
                        _ => null,
                    };
                    if (memberType is null || SymbolEqualityComparer.Default.Equals(member, read) || !SecretCarrierTypes.CanCarrySecret(memberType, _symbols))
                    {
                        continue;
                    }

                    if (NameClassifier.Classify(member.Name, options).Kind is SecretKind.Password or SecretKind.TokenOrSecret)
                    {
                        return member.Name;
                    }
                }
            }

            return null;
        });

    /// <summary>A local "sid" made from a cryptographic random source, or written to a response cookie in the same body.</summary>
    private static string? OwnEvidence(IOperation operation)
    {
        var value = LoggedValueCollector.SkipConversions(operation);
        var name = value switch
        {
            ILocalReferenceOperation local => local.Local.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            _ => null,
        };
        if (name is null)
        {
            return null;
        }

        var body = value.Syntax.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax);
        if (body is null)
        {
            return null;
        }

        foreach (var node in body.DescendantNodes())
        {
            if (node is VariableDeclaratorSyntax { Initializer: { } initializer } declarator && declarator.Identifier.ValueText == name && MentionsCryptoRandom(initializer))
            {
                return "is a session ID made from a cryptographic random source";
            }

            if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation
                && access.Expression.ToString().EndsWith("Cookies", StringComparison.Ordinal)
                && access.Name.Identifier.ValueText is "Append" or "Add" or "Set")
            {
                foreach (var argument in invocation.ArgumentList.Arguments)
                {
                    if (argument.Expression is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name)
                    {
                        return "is a session ID that is also set as a response cookie";
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Names of types constructed in source with an argument or initializer from a cryptographic random source, or
    /// whose own member initializers draw from one. Only files that mention such a source are read.
    /// </summary>
    private ImmutableHashSet<string> FindRandomlyCreatedTypes()
    {
        var builder = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var tree in _compilation.SyntaxTrees)
        {
            foreach (var typeName in RandomlyCreatedIn(tree))
            {
                builder.Add(typeName);
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>
    /// What one file contributes, from its syntax alone: kept per syntax tree, so that the compilation the IDE makes on
    /// each keystroke reads only the edited file again, not the text of every file.
    /// </summary>
    private static string[] RandomlyCreatedIn(SyntaxTree tree) =>
        RandomlyCreatedByTree.TryGetValue(tree, out var known) ? known : RandomlyCreatedByTree.GetValue(tree, ReadRandomlyCreated);

    private static readonly ConditionalWeakTable<SyntaxTree, string[]> RandomlyCreatedByTree = new();

    private static string[] ReadRandomlyCreated(SyntaxTree tree)
    {
        if (!MentionsCryptoRandom(tree.GetText().ToString()))
        {
            return Array.Empty<string>();
        }

        var names = new List<string>();
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            if (node is IdentifierNameSyntax identifier && IsCryptoRandomName(identifier.Identifier.ValueText)
                && TypeMadeFrom(identifier) is { } typeName && !names.Contains(typeName))
            {
                names.Add(typeName);
            }
        }

        return names.Count == 0 ? Array.Empty<string>() : names.ToArray();
    }

    /// <summary>The type whose instance the random value becomes: the object created with it, or the type whose member it initializes.</summary>
    private static string? TypeMadeFrom(SyntaxNode random)
    {
        string? local = null;
        for (var node = random.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case BaseObjectCreationExpressionSyntax creation:
                    return CreatedTypeName(creation);
                case VariableDeclaratorSyntax { Parent.Parent: LocalDeclarationStatementSyntax } declarator:
                    local = declarator.Identifier.ValueText;
                    break;
                case PropertyDeclarationSyntax or FieldDeclarationSyntax:
                    return node.FirstAncestorOrSelf<TypeDeclarationSyntax>()?.Identifier.ValueText;
                case StatementSyntax statement when local is not null:
                    // var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)); ... new Session(id, ...)
                    var body = statement.Parent;
                    if (body is null)
                    {
                        return null;
                    }

                    foreach (var creation in body.DescendantNodes())
                    {
                        if (creation is BaseObjectCreationExpressionSyntax { ArgumentList: var arguments, Initializer: var initializer } created
                            && ((arguments is not null && Uses(arguments, local)) || (initializer is not null && Uses(initializer, local))))
                        {
                            return CreatedTypeName(created);
                        }
                    }

                    return null;
                case MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    private static string? CreatedTypeName(BaseObjectCreationExpressionSyntax creation)
    {
        if (creation is ObjectCreationExpressionSyntax { Type: var type })
        {
            return type switch
            {
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => null,
            };
        }

        // new(...) returned from a method: the method's return type.
        var method = creation.FirstAncestorOrSelf<MethodDeclarationSyntax>();
        return method?.ReturnType switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            NullableTypeSyntax { ElementType: SimpleNameSyntax simple } => simple.Identifier.ValueText,
            _ => null,
        };
    }

    private static bool Uses(SyntaxNode node, string local)
    {
        foreach (var descendant in node.DescendantNodes())
        {
            if (descendant is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == local)
            {
                return true;
            }
        }

        return false;
    }

    private static bool MentionsCryptoRandom(SyntaxNode node)
    {
        foreach (var descendant in node.DescendantNodesAndSelf())
        {
            if (descendant is IdentifierNameSyntax identifier && IsCryptoRandomName(identifier.Identifier.ValueText))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MentionsCryptoRandom(string text)
    {
        foreach (var marker in CryptoRandomMarkers)
        {
            if (text.IndexOf(marker, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCryptoRandomName(string name) => CryptoRandomMarkers.Contains(name);
}
