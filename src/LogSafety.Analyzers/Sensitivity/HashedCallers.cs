using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using LogSafety.Analyzers.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LogSafety.Analyzers.Sensitivity;

/// <summary>
/// A parameter named like a secret whose every caller passes a hash of it ("Find(code.Sha256())") holds the hash,
/// not the secret. A method nobody outside the compilation can call (private, internal, local functions) is judged by
/// its calls matched by name and argument position in the files that mention it. Any other method (public, virtual,
/// an interface implementation) is judged by every call in the compilation that binds to it or to a method it
/// implements or overrides, so a store reached through its interface ("_store.Find(code.Sha256())") counts; a call of
/// another method with the same name does not. Computed once per parameter, only for parameters a name flagged.
/// </summary>
internal sealed class HashedCallers
{
    private static readonly ImmutableHashSet<string> HashWords = ImmutableHashSet.Create(
        "hash", "hashed", "sha", "sha1", "sha256", "sha384", "sha512", "md5", "hmac", "digest");

    private const int MaxContract = 16;

    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<IParameterSymbol, bool> _cache = new(SymbolEqualityComparer.Default);

    // The calls in each file by called name, built once per file when first needed (Lazy: concurrent callbacks for
    // one big file must not each walk it). Syntax alone, so kept per syntax tree: the compilation the IDE makes on each
    // keystroke walks only the edited file again.
    private static readonly ConditionalWeakTable<SyntaxTree, Lazy<ILookup<string, InvocationExpressionSyntax>>> CallsByName = new();

    // Per file, whether its text mentions a name, for the names asked so far: likewise kept per syntax tree.
    private static readonly ConditionalWeakTable<SyntaxTree, ConcurrentDictionary<string, bool>> MentionsByTree = new();

    // The files whose text mentions a name at all, once per name: only those are walked for its calls.
    private readonly ReferenceCache<string, ImmutableArray<SyntaxTree>> _mentioning = new(StringComparer.Ordinal);

    public HashedCallers(Compilation compilation) => _compilation = compilation;

    public bool AllCallersHash(IParameterSymbol parameter) => _cache.GetOrAdd(parameter, Compute);

    private bool Compute(IParameterSymbol parameter)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol method || method.Parameters.Length > 16)
        {
            return false;
        }

        if (IsClosed(method))
        {
            return AllNamedCallsHash(method, parameter);
        }

        return method.MethodKind == MethodKind.Ordinary && !method.IsAbstract && AllBoundCallsHash(method, parameter);
    }

    private bool AllNamedCallsHash(IMethodSymbol method, IParameterSymbol parameter)
    {
        var calls = 0;
        var trees = method.DeclaredAccessibility == Accessibility.Private || method.MethodKind == MethodKind.LocalFunction
            ? DeclaringTrees(method)
            : Mentioning(method.Name);
        foreach (var tree in trees)
        {
            foreach (var invocation in CallsIn(tree)[method.Name])
            {
                if (ArgumentFor(invocation, method, parameter.Ordinal, parameter.Name) is not { } argument)
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

    /// <summary>
    /// Calls of a method others can reach: those with its name that pass the parameter are found from syntax, and bound
    /// (only those, only when a name flagged the parameter, and only when one of them passes a hash) to see whether
    /// they reach it. An unhashed one that does, or might, answers no; else a hashed one that does answers yes.
    /// </summary>
    private bool AllBoundCallsHash(IMethodSymbol method, IParameterSymbol parameter)
    {
        var contract = Contract(method);
        var members = contract.ToArray(); // enumerated for each call: an array, not the hash set's enumerator
        var names = members.Select(m => m.Name).Distinct(StringComparer.Ordinal).ToArray();
        var mentioning = new HashSet<SyntaxTree>(names.SelectMany(n => Mentioning(n)));
        var unhashed = new List<InvocationExpressionSyntax>();
        var hashed = new List<InvocationExpressionSyntax>();
        foreach (var tree in _compilation.SyntaxTrees)
        {
            if (!mentioning.Contains(tree))
            {
                continue;
            }

            foreach (var name in names)
            {
                foreach (var invocation in CallsIn(tree)[name])
                {
                    if (ArgumentForAny(invocation, members, parameter.Ordinal) is { } argument)
                    {
                        (IsHashed(argument) ? hashed : unhashed).Add(invocation);
                    }
                }
            }
        }

        // Without a hashed call the answer is no, and nothing is bound.
        if (hashed.Count == 0)
        {
            return false;
        }

        SemanticModel? model = null;
        foreach (var invocation in unhashed)
        {
            if (Reaches(Bind(invocation, ref model), contract) != false)
            {
                return false;
            }
        }

        foreach (var invocation in hashed)
        {
            if (Reaches(Bind(invocation, ref model), contract) == true)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The call's symbol, from the model of its file (kept while the calls stay in one file).</summary>
    private SymbolInfo Bind(InvocationExpressionSyntax invocation, ref SemanticModel? model)
    {
        if (model is null || model.SyntaxTree != invocation.SyntaxTree)
        {
#pragma warning disable RS1030 // Only for a parameter a name flagged, and only files that call a method of this name.
            model = _compilation.GetSemanticModel(invocation.SyntaxTree);
#pragma warning restore RS1030
        }

        return model.GetSymbolInfo(invocation);
    }

    /// <summary>True when the call binds to the contract, false when it binds elsewhere, null when it does not bind.</summary>
    private static bool? Reaches(SymbolInfo info, ImmutableHashSet<IMethodSymbol> contract)
    {
        if (info.Symbol is IMethodSymbol target)
        {
            return contract.Contains((target.ReducedFrom ?? target).OriginalDefinition);
        }

        foreach (var candidate in info.CandidateSymbols)
        {
            if (candidate is IMethodSymbol method && contract.Contains((method.ReducedFrom ?? method).OriginalDefinition))
            {
                return null;
            }
        }

        return info.CandidateSymbols.IsEmpty ? null : false;
    }

    /// <summary>The method, the methods it overrides, and the interface members it (or they) implement.</summary>
    private static ImmutableHashSet<IMethodSymbol> Contract(IMethodSymbol method)
    {
        var builder = ImmutableHashSet.CreateBuilder<IMethodSymbol>(SymbolEqualityComparer.Default);
        for (var current = method; current is not null && builder.Count < MaxContract; current = current.OverriddenMethod)
        {
            builder.Add(current.OriginalDefinition);
            foreach (var member in current.ExplicitInterfaceImplementations)
            {
                builder.Add(member.OriginalDefinition);
            }
        }

        foreach (var @interface in method.ContainingType.AllInterfaces)
        {
            foreach (var member in @interface.GetMembers())
            {
                if (member is IMethodSymbol interfaceMethod && interfaceMethod.Parameters.Length == method.Parameters.Length
                    && method.ContainingType.FindImplementationForInterfaceMember(interfaceMethod) is IMethodSymbol implementation
                    && builder.Contains(implementation.OriginalDefinition))
                {
                    builder.Add(interfaceMethod.OriginalDefinition);
                }
            }
        }

        return builder.ToImmutable();
    }

    private ILookup<string, InvocationExpressionSyntax> CallsIn(SyntaxTree tree) =>
        CallsByName.GetValue(tree, t => new Lazy<ILookup<string, InvocationExpressionSyntax>>(
            () => t.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Where(i => CalledName(i) is not null)
                .ToLookup(i => CalledName(i)!, StringComparer.Ordinal),
            System.Threading.LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>
    /// The files whose text contains <paramref name="name"/>: a search of the text, not of the syntax, so that the files
    /// that cannot call the method are never walked. Kept in compilation order.
    /// </summary>
    private ImmutableArray<SyntaxTree> Mentioning(string name) =>
        _mentioning.TryGetValue(name, out var known)
            ? known
            : _mentioning.GetOrAdd(name, n => _compilation.SyntaxTrees.Where(t => Mentions(t, n)).ToImmutableArray());

    private static bool Mentions(SyntaxTree tree, string name)
    {
        var known = MentionsByTree.GetValue(tree, _ => new ConcurrentDictionary<string, bool>(StringComparer.Ordinal));
        return known.TryGetValue(name, out var mentions)
            ? mentions
            : known.GetOrAdd(name, tree.GetText().ToString().IndexOf(name, StringComparison.Ordinal) >= 0);
    }

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

    private static ExpressionSyntax? ArgumentForAny(InvocationExpressionSyntax invocation, IMethodSymbol[] contract, int ordinal)
    {
        // Called through an interface, a named argument uses the interface's parameter name.
        foreach (var method in contract)
        {
            if (ordinal < method.Parameters.Length && ArgumentFor(invocation, method, ordinal, method.Parameters[ordinal].Name) is { } argument)
            {
                return argument;
            }
        }

        return null;
    }

    private static ExpressionSyntax? ArgumentFor(InvocationExpressionSyntax invocation, IMethodSymbol method, int ordinal, string name)
    {
        var arguments = invocation.ArgumentList.Arguments;
        foreach (var argument in arguments)
        {
            if (argument.NameColon?.Name.Identifier.ValueText == name)
            {
                return argument.Expression;
            }
        }

        // Extension methods called as x.M(...) take their first parameter from the receiver.
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
