using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using LogSafety.Analyzers.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LogSafety.Analyzers.Sensitivity;

/// <summary>
/// A parameter named like a secret whose every caller passes a hash of it ("Find(code.Sha256())") holds the hash,
/// not the secret. Only methods nobody outside the compilation can call are judged this way (private, internal,
/// local functions; not overrides or interface implementations, which are called through their base); calls are
/// matched by name and argument position in the files that mention the method, once per parameter.
/// </summary>
internal sealed class HashedCallers
{
    private static readonly ImmutableHashSet<string> HashWords = ImmutableHashSet.Create(
        "hash", "hashed", "sha", "sha1", "sha256", "sha384", "sha512", "md5", "hmac", "digest");

    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<IParameterSymbol, bool> _cache = new(SymbolEqualityComparer.Default);

    // The calls in each file by called name, built once per file when first needed (Lazy: concurrent callbacks for
    // one big file must not each walk it).
    private readonly ConcurrentDictionary<SyntaxTree, Lazy<ILookup<string, InvocationExpressionSyntax>>> _callsByName = new();

    public HashedCallers(Compilation compilation) => _compilation = compilation;

    public bool AllCallersHash(IParameterSymbol parameter) => _cache.GetOrAdd(parameter, Compute);

    private bool Compute(IParameterSymbol parameter)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol method || !IsClosed(method) || method.Parameters.Length > 16)
        {
            return false;
        }

        var calls = 0;
        var trees = method.DeclaredAccessibility == Accessibility.Private || method.MethodKind == MethodKind.LocalFunction
            ? DeclaringTrees(method)
            : _compilation.SyntaxTrees;
        foreach (var tree in trees)
        {
            foreach (var invocation in CallsIn(tree)[method.Name])
            {
                if (ArgumentFor(invocation, parameter) is not { } argument)
                {
                    continue;
                }

                if (!IsHashed(argument))
                {
                    return false;
                }

                calls++;
            }
        }

        return calls > 0;
    }

    private ILookup<string, InvocationExpressionSyntax> CallsIn(SyntaxTree tree) =>
        _callsByName.GetOrAdd(tree, t => new Lazy<ILookup<string, InvocationExpressionSyntax>>(
            () => t.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Where(i => CalledName(i) is not null)
                .ToLookup(i => CalledName(i)!, StringComparer.Ordinal),
            System.Threading.LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private static bool IsClosed(IMethodSymbol method)
    {
        if (method.IsOverride || method.IsVirtual || method.IsAbstract || !method.ExplicitInterfaceImplementations.IsEmpty)
        {
            return false;
        }

        if (method.MethodKind == MethodKind.LocalFunction)
        {
            return true;
        }

        return method.DeclaredAccessibility is Accessibility.Private or Accessibility.Internal or Accessibility.ProtectedAndInternal
            && !ImplementsInterface(method);
    }

    private static bool ImplementsInterface(IMethodSymbol method)
    {
        foreach (var @interface in method.ContainingType.AllInterfaces)
        {
            foreach (var member in @interface.GetMembers(method.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static ImmutableArray<SyntaxTree> DeclaringTrees(IMethodSymbol method)
    {
        var builder = ImmutableArray.CreateBuilder<SyntaxTree>();
        var owner = method.MethodKind == MethodKind.LocalFunction ? method.ContainingSymbol : method.ContainingType;
        foreach (var reference in owner.DeclaringSyntaxReferences)
        {
            if (!builder.Contains(reference.SyntaxTree))
            {
                builder.Add(reference.SyntaxTree);
            }
        }

        return builder.ToImmutable();
    }

    private static string? CalledName(InvocationExpressionSyntax invocation) => SyntaxNames.Called(invocation.Expression);

    private static ExpressionSyntax? ArgumentFor(InvocationExpressionSyntax invocation, IParameterSymbol parameter)
    {
        var arguments = invocation.ArgumentList.Arguments;
        foreach (var argument in arguments)
        {
            if (argument.NameColon?.Name.Identifier.ValueText == parameter.Name)
            {
                return argument.Expression;
            }
        }

        // Extension methods called as x.M(...) take their first parameter from the receiver.
        var method = (IMethodSymbol)parameter.ContainingSymbol;
        var ordinal = parameter.Ordinal;
        if (method.IsExtensionMethod && invocation.Expression is MemberAccessExpressionSyntax receiver)
        {
            if (ordinal == 0)
            {
                return receiver.Expression;
            }

            ordinal--;
        }

        return ordinal < arguments.Count && arguments[ordinal].NameColon is null ? arguments[ordinal].Expression : null;
    }

    private static bool IsHashed(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax or AwaitExpressionSyntax)
        {
            expression = expression is ParenthesizedExpressionSyntax parenthesized ? parenthesized.Expression : ((AwaitExpressionSyntax)expression).Expression;
        }

        if (expression is not InvocationExpressionSyntax invocation || CalledName(invocation) is not { } name)
        {
            return false;
        }

        foreach (var word in NameWords.Split(name))
        {
            if (HashWords.Contains(word))
            {
                return true;
            }
        }

        // Convert.ToHexString(SHA256.HashData(...)): an encoding of a hash is still a hash.
        return name is "ToHexString" or "ToHexStringLower" or "ToBase64String" && invocation.ArgumentList.Arguments.Count > 0 && IsHashed(invocation.ArgumentList.Arguments[0].Expression);
    }
}
