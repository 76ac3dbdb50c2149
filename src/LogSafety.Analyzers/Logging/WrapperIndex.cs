using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using LogSafety.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace LogSafety.Analyzers.Logging;

/// <summary>
/// Infers the application's own log methods: a small source method that passes one of its parameters on to a
/// recognized log call (directly, or through another wrapper at most <see cref="MaxDepth"/> deep) logs that parameter.
/// <para>
/// Two stages keep this cheap on real code, where most calls go to the application's own methods. Syntax first, once
/// per compilation (<see cref="TreeOutline"/>): a wrapper's body has at most <see cref="MaxStatements"/> statements
/// and passes a parameter to an invocation named like a log method, a declared log method, or another such method.
/// Business methods that log along the way are not wrappers, and are never bound. Then, on demand, a candidate's
/// small body is bound and its calls recognized. Every answer is a function of the method, its file's options and the
/// depth alone, so it is the same whichever thread or call site asks first.
/// </para>
/// </summary>
internal sealed class WrapperIndex
{
    public const int MaxDepth = 3;

    /// <summary>A wrapper's job is to log: a body with more statements is the application's business, not its logging.</summary>
    public const int MaxStatements = 6;

    private const int MaxImplementations = 8;

    private readonly Compilation _compilation;
    private readonly LogCallRecognizer _recognizer;
    private readonly Func<SyntaxTree, LogSafetyOptions> _optionsFor;
    private readonly WrapperCandidates _candidates;
    private readonly ConcurrentDictionary<IMethodSymbol, Answer>[] _byDepth;

    private readonly ConcurrentDictionary<IMethodSymbol, bool> _localFunctions = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<string, ImmutableArray<IMethodSymbol>> _declaredByName = new(StringComparer.Ordinal);

    /// <summary>Answers that no depth limit cut short: they hold for every depth at or above their height.</summary>
    private readonly ConcurrentDictionary<IMethodSymbol, Answer> _complete = new(SymbolEqualityComparer.Default);

    public WrapperIndex(Compilation compilation, LogCallRecognizer recognizer, Func<SyntaxTree, LogSafetyOptions> optionsFor)
    {
        _compilation = compilation;
        _recognizer = recognizer;
        _optionsFor = optionsFor;
        _candidates = new WrapperCandidates(compilation, optionsFor);
        _byDepth = new ConcurrentDictionary<IMethodSymbol, Answer>[MaxDepth + 1];
        for (var i = 0; i < _byDepth.Length; i++)
        {
            _byDepth[i] = new ConcurrentDictionary<IMethodSymbol, Answer>(SymbolEqualityComparer.Default);
        }
    }

    /// <summary>
    /// Whether <paramref name="method"/> may be a wrapper at all, from syntax alone: a source method named like a
    /// candidate. Nothing is bound; a false answer is final.
    /// </summary>
    public bool MayBeWrapper(IMethodSymbol method)
    {
        if (method.Parameters.IsEmpty || method.Locations.IsEmpty || !method.Locations[0].IsInSource)
        {
            return false;
        }

        return method.MethodKind switch
        {
            MethodKind.Ordinary => IsCandidate(method),
            MethodKind.LocalFunction => _localFunctions.GetOrAdd(method.OriginalDefinition, IsCandidateLocalFunction),
            _ => false,
        };
    }

    private bool IsCandidate(IMethodSymbol method) => _candidates.IsCandidate(method);

    private bool IsCandidateLocalFunction(IMethodSymbol function) =>
        !function.DeclaringSyntaxReferences.IsEmpty
        && function.DeclaringSyntaxReferences[0].GetSyntax() is LocalFunctionStatementSyntax syntax
        && _candidates.IsCandidateLocalFunction(function, syntax);

    /// <summary>What <paramref name="method"/> logs of its parameters, or null when it is not a wrapper.</summary>
    public WrapperInfo? Get(IMethodSymbol method, CancellationToken cancellationToken) => Get(method, MaxDepth, cancellationToken).Info;

    /// <summary>
    /// The answer for <paramref name="method"/> looking at most <paramref name="depth"/> wrappers deeper. It is a function
    /// of the method and the depth only: two threads that race compute the same answer.
    /// </summary>
    private Answer Get(IMethodSymbol method, int depth, CancellationToken cancellationToken)
    {
        if (!MayBeWrapper(method))
        {
            return Answer.None;
        }

        if (depth < 0)
        {
            return Answer.CutShort;
        }

        var original = method.OriginalDefinition;
        if (_complete.TryGetValue(original, out var complete) && complete.Height <= depth)
        {
            return complete;
        }

        var cache = _byDepth[depth];
        if (cache.TryGetValue(original, out var known))
        {
            return known;
        }

        var answer = Compute(original, depth, cancellationToken);
        if (!answer.IsCutShort)
        {
            _complete.TryAdd(original, answer);
        }

        return cache.GetOrAdd(original, answer);
    }

    private Answer Compute(IMethodSymbol method, int depth, CancellationToken cancellationToken)
    {
        if (method.IsExtern)
        {
            return Answer.None;
        }

        if (method.IsAbstract)
        {
            return FromImplementations(method, depth, cancellationToken);
        }

        var deeper = new Deeper();
        var implementation = method.PartialImplementationPart ?? method;
        foreach (var reference in implementation.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);

            // Only candidates get here: small methods that pass a parameter on to something named like a log method.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
            var model = _compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
            if (model.GetOperation(syntax, cancellationToken) is not { } operation)
            {
                continue;
            }

            var options = _optionsFor(syntax.SyntaxTree);
            var logged = new SortedDictionary<int, LoggedParameter>();
            foreach (var descendant in operation.Descendants())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (descendant is not IInvocationOperation invocation)
                {
                    continue;
                }

                var call = _recognizer.Recognize(invocation, options) ?? RecognizeInner(invocation, depth, deeper, cancellationToken);
                if (call is null)
                {
                    continue;
                }

                foreach (var value in LoggedValueCollector.Collect(call))
                {
                    if (LoggedValueCollector.SkipConversions(value.Value) is IParameterReferenceOperation { Parameter: var parameter }
                        && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol?.OriginalDefinition, method)
                        && !logged.ContainsKey(parameter.Ordinal))
                    {
                        logged[parameter.Ordinal] = new LoggedParameter(parameter.Ordinal, value.Label, value.Destructure, value.Form == LoggedValueForm.Message);
                    }
                }
            }

            if (ToInfo(logged) is { } info)
            {
                return deeper.Answer(info);
            }
        }

        return deeper.Answer(null);
    }

    /// <summary>A call in a wrapper's body to another wrapper, one level deeper.</summary>
    private LogCall? RecognizeInner(IInvocationOperation invocation, int depth, Deeper deeper, CancellationToken cancellationToken)
    {
        var inner = Get(invocation.TargetMethod, depth - 1, cancellationToken);
        deeper.Saw(inner);
        return inner.Info is { } info ? LogCalls.FromWrapper(invocation, info) : null;
    }

    /// <summary>
    /// An interface or abstract method declared here (an app's IAppLogger&lt;T&gt;) logs what its implementations in this
    /// compilation log. Implementations can only be among the candidates of the same name, visited in a fixed order.
    /// </summary>
    private Answer FromImplementations(IMethodSymbol method, int depth, CancellationToken cancellationToken)
    {
        if (method.ContainingType is not { } containingType)
        {
            return Answer.None;
        }

        var deeper = new Deeper();
        var logged = new SortedDictionary<int, LoggedParameter>();
        var examined = 0;
        foreach (var implementation in DeclaredWithName(method.Name, cancellationToken))
        {
            if (examined >= MaxImplementations)
            {
                break;
            }

            var implemented = containingType.TypeKind == TypeKind.Interface
                ? Implements(implementation, method, containingType)
                : Overrides(implementation, method);
            if (!implemented)
            {
                continue;
            }

            examined++;
            var answer = Get(implementation, depth - 1, cancellationToken);
            deeper.Saw(answer);
            if (answer.Info is not { } info)
            {
                continue;
            }

            foreach (var parameter in info.Parameters)
            {
                if (!logged.ContainsKey(parameter.Ordinal))
                {
                    logged[parameter.Ordinal] = parameter;
                }
            }
        }

        return deeper.Answer(ToInfo(logged));
    }

    /// <summary>The candidate methods with bodies called <paramref name="name"/>, once per name, in file and position order.</summary>
    private ImmutableArray<IMethodSymbol> DeclaredWithName(string name, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _declaredByName.TryGetValue(name, out var known) ? known : _declaredByName.GetOrAdd(name, _candidates.WithBodyNamed(name));
    }

    internal static bool Implements(IMethodSymbol candidate, IMethodSymbol interfaceMethod, INamedTypeSymbol interfaceType)
    {
        var type = candidate.ContainingType;
        if (type is null)
        {
            return false;
        }

        // The implementing type sees the interface constructed over its own type arguments (IAppLogger<T> of LoggerAdapter<T>).
        foreach (var implemented in type.AllInterfaces)
        {
            if (!SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, interfaceType))
            {
                continue;
            }

            foreach (var member in implemented.GetMembers(interfaceMethod.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(member.OriginalDefinition, interfaceMethod)
                    && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member)?.OriginalDefinition, candidate.OriginalDefinition))
                {
                    return true;
                }
            }
        }

        return false;
    }

    internal static bool Overrides(IMethodSymbol candidate, IMethodSymbol method)
    {
        for (var overridden = candidate.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, method))
            {
                return true;
            }
        }

        return false;
    }

    private static WrapperInfo? ToInfo(SortedDictionary<int, LoggedParameter> logged)
    {
        if (logged.Count == 0)
        {
            return null;
        }

        var builder = ImmutableArray.CreateBuilder<LoggedParameter>(logged.Count);
        builder.AddRange(logged.Values);
        return new WrapperInfo(builder.MoveToImmutable());
    }

    /// <summary>An answer, how many wrapper levels below it were looked at, and whether the depth limit cut it short.</summary>
    private readonly struct Answer
    {
        public static readonly Answer None = new(null, -1, false);
        public static readonly Answer CutShort = new(null, 0, true);

        public Answer(WrapperInfo? info, int height, bool isCutShort)
        {
            Info = info;
            Height = height;
            IsCutShort = isCutShort;
        }

        public WrapperInfo? Info { get; }
        public int Height { get; }
        public bool IsCutShort { get; }
    }

    /// <summary>What the answers one level deeper add up to.</summary>
    private sealed class Deeper
    {
        private int _height = -1;
        private bool _cutShort;

        public void Saw(Answer answer)
        {
            if (answer.IsCutShort)
            {
                _cutShort = true;
            }
            else if (answer.Height > _height)
            {
                _height = answer.Height;
            }
        }

        public Answer Answer(WrapperInfo? info) => new(info, _height + 1, _cutShort);
    }
}
