using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using LogSafety.Analyzers.Options;
using Microsoft.CodeAnalysis;

namespace LogSafety.Analyzers.Logging;

/// <summary>
/// Which source methods can be wrappers at all, decided from syntax and declarations alone, on demand: no method body
/// is bound here, and only methods that some call site reaches are read.
/// <para>
/// A candidate has at most <see cref="WrapperIndex.MaxStatements"/> statements and passes one of its parameters to an
/// invocation named like a log method (of a referenced library, declared with [LoggerMessage] or LoggerMessage.Define,
/// or configured), or to another candidate, at most <see cref="MaxLevel"/> calls deep. A call reaches another
/// candidate only where its receiver can be of a type that declares one: <c>errors.Add(message)</c> on a
/// <c>List&lt;string&gt;</c> field never makes its caller a candidate because some class of the application has an
/// <c>Add</c> that logs. Without that, common names (Add, Visit, Map) chain most small methods of a large code base
/// together, and each of them is bound for nothing.
/// </para>
/// <para>
/// Every answer is a function of the method and the level alone, so it is the same whichever thread or call site asks
/// first.
/// </para>
/// </summary>
internal sealed class WrapperCandidates
{
    /// <summary>How many calls from a candidate to a log method the syntax stage follows (one more than the semantic depth).</summary>
    public const int MaxLevel = WrapperIndex.MaxDepth + 1;

    private readonly Compilation _compilation;
    private readonly Lazy<HashSet<string>> _configuredNames;

    /// <summary>Answers by level: index <c>level</c> holds whether a method is a candidate within that many calls of a log method.</summary>
    private readonly ConcurrentDictionary<IMethodSymbol, bool>[] _candidates;
    private readonly ConcurrentDictionary<string, ImmutableArray<ISymbol>> _membersNamed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _declaredLogNames = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ImmutableHashSet<INamedTypeSymbol>> _receiverTypes = new(StringComparer.Ordinal);

    public WrapperCandidates(Compilation compilation, Func<SyntaxTree, LogSafetyOptions> optionsFor)
    {
        _compilation = compilation;
        _configuredNames = new Lazy<HashSet<string>>(() => ConfiguredNames(compilation, optionsFor), LazyThreadSafetyMode.ExecutionAndPublication);
        _candidates = new ConcurrentDictionary<IMethodSymbol, bool>[MaxLevel + 1];
        for (var i = 0; i < _candidates.Length; i++)
        {
            _candidates[i] = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);
        }
    }

    /// <summary>Whether an ordinary source method can be a wrapper: a candidate, or an interface or abstract method that one implements.</summary>
    public bool IsCandidate(IMethodSymbol method) => IsCandidate(method.OriginalDefinition, MaxLevel);

    /// <summary>Whether a local function, read from its own syntax, passes a parameter to a log method or a candidate.</summary>
    public bool IsCandidateLocalFunction(IMethodSymbol function, SyntaxNode declaration)
    {
        if (MethodOutlines.Of(declaration) is not { HasBody: true } outline)
        {
            return false;
        }

        foreach (var call in outline.ForwardsTo)
        {
            if (Reaches(function, call, MaxLevel))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The candidates with bodies called <paramref name="name"/>, in file and position order.</summary>
    public ImmutableArray<IMethodSymbol> WithBodyNamed(string name)
    {
        var found = ImmutableArray.CreateBuilder<IMethodSymbol>();
        foreach (var member in MembersNamed(name))
        {
            if (member is IMethodSymbol { IsAbstract: false, MethodKind: MethodKind.Ordinary } method && IsCandidate(method))
            {
                found.Add(method);
            }
        }

        found.Sort(static (a, b) =>
        {
            var x = a.Locations[0];
            var y = b.Locations[0];
            var byPath = string.CompareOrdinal(x.SourceTree?.FilePath, y.SourceTree?.FilePath);
            return byPath != 0 ? byPath : x.SourceSpan.Start.CompareTo(y.SourceSpan.Start);
        });
        return found.ToImmutable();
    }

    private bool IsCandidate(IMethodSymbol method, int level)
    {
        var answers = _candidates[level];
        if (answers.TryGetValue(method, out var known))
        {
            return known;
        }

        return answers.GetOrAdd(method, Compute(method, level));
    }

    private bool Compute(IMethodSymbol method, int level)
    {
        if (method.Parameters.IsEmpty || method.IsExtern || method.Locations.IsEmpty || !method.Locations[0].IsInSource)
        {
            return false;
        }

        if (method.IsAbstract)
        {
            return IsImplementedByCandidate(method, level);
        }

        foreach (var reference in (method.PartialImplementationPart ?? method).DeclaringSyntaxReferences)
        {
            if (MethodOutlines.Of(reference.GetSyntax()) is not { HasBody: true } outline)
            {
                continue;
            }

            foreach (var call in outline.ForwardsTo)
            {
                if (Reaches(method, call, level))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a call in <paramref name="caller"/>'s body may be of a log method, or of a candidate one level lower.
    /// </summary>
    private bool Reaches(IMethodSymbol caller, Forward call, int level)
    {
        if (IsSeedName(call.Name) || _configuredNames.Value.Contains(call.Name) || IsDeclaredLogName(call.Name))
        {
            return true;
        }

        if (level == 0)
        {
            return false;
        }

        var receivers = call.IsSelf ? SelfTypes(caller) : call.ReceiverType is { } receiverType ? ReceiverTypes(receiverType) : null;
        foreach (var member in MembersNamed(call.Name))
        {
            if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } target
                && (receivers is null || receivers.Contains(target.ContainingType.OriginalDefinition) || (!call.IsSelf && target.IsExtensionMethod))
                && IsCandidate(target, level - 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An interface or abstract method counts when an implementation or override in source is a candidate.</summary>
    private bool IsImplementedByCandidate(IMethodSymbol method, int level)
    {
        if (method.ContainingType is not { } containingType)
        {
            return false;
        }

        foreach (var member in MembersNamed(method.Name))
        {
            if (member is IMethodSymbol { IsAbstract: false, MethodKind: MethodKind.Ordinary } implementation
                && (containingType.TypeKind == TypeKind.Interface
                    ? WrapperIndex.Implements(implementation, method, containingType)
                    : WrapperIndex.Overrides(implementation, method))
                && IsCandidate(implementation.OriginalDefinition, level))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A call without a receiver finds the methods of the enclosing types and of their base types.</summary>
    private static ImmutableHashSet<INamedTypeSymbol> SelfTypes(IMethodSymbol caller)
    {
        var types = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        for (var type = caller.ContainingType; type is not null; type = type.ContainingType)
        {
            for (var current = type.OriginalDefinition; current is not null; current = current.BaseType?.OriginalDefinition)
            {
                types.Add(current);
            }
        }

        return types.ToImmutable();
    }

    /// <summary>
    /// The source types a receiver declared with this simple name can be: the types of that name, their base types and
    /// their interfaces. Empty for a library type (List, StringBuilder): only extension methods are reached on it.
    /// </summary>
    private ImmutableHashSet<INamedTypeSymbol> ReceiverTypes(string name) =>
        _receiverTypes.TryGetValue(name, out var known) ? known : _receiverTypes.GetOrAdd(name, ComputeReceiverTypes);

    private ImmutableHashSet<INamedTypeSymbol> ComputeReceiverTypes(string name)
    {
        var types = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var symbol in _compilation.GetSymbolsWithName(name, SymbolFilter.Type))
        {
            if (symbol is not INamedTypeSymbol type)
            {
                continue;
            }

            for (var current = type; current is not null; current = current.BaseType?.OriginalDefinition)
            {
                types.Add(current);
            }

            foreach (var implemented in type.AllInterfaces)
            {
                types.Add(implemented.OriginalDefinition);
            }
        }

        return types.ToImmutable();
    }

    /// <summary>A member of this name declared as a log method ([LoggerMessage], [MessageTemplateFormatMethod]) or a LoggerMessage.Define delegate.</summary>
    private bool IsDeclaredLogName(string name) =>
        _declaredLogNames.TryGetValue(name, out var known) ? known : _declaredLogNames.GetOrAdd(name, ComputeIsDeclaredLogName);

    private bool ComputeIsDeclaredLogName(string name)
    {
        foreach (var member in MembersNamed(name))
        {
            if (member is not (IMethodSymbol or IFieldSymbol or IPropertySymbol))
            {
                continue;
            }

            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax();
                if (MethodOutlines.IsDeclaredLogMethod(syntax) || MethodOutlines.IsDeclaredLogDelegate(syntax))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A library log method name that makes a method a wrapper candidate. Factories are left out: NLog's
    /// LogEventInfo.Create builds an event that is logged later, and "Create" is what half of an application's
    /// calls are named, which would bind most small methods for nothing.
    /// </summary>
    private static bool IsSeedName(string name) => LogCallRecognizer.IsLogMethodName(name) && name != "Create";

    private static HashSet<string> ConfiguredNames(Compilation compilation, Func<SyntaxTree, LogSafetyOptions> optionsFor)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var options = optionsFor(tree);
            if (options.HasExtraLogMethods)
            {
                foreach (var method in options.LogMethods)
                {
                    names.Add(method.Method);
                }
            }
        }

        return names;
    }

    /// <summary>
    /// The members of source types with this name, through the compiler's own declaration index: no type without such
    /// a member is created, and no body is bound.
    /// </summary>
    private ImmutableArray<ISymbol> MembersNamed(string name) =>
        _membersNamed.TryGetValue(name, out var known)
            ? known
            : _membersNamed.GetOrAdd(name, n => _compilation.GetSymbolsWithName(n, SymbolFilter.Member).ToImmutableArray());
}
