using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using LogSafety.Analyzers.Options;
using LogSafety.Analyzers.Roslyn;
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
/// per compilation (<see cref="TreeOutline"/>, kept per syntax tree; the candidates are taken over from the previous
/// compilation when the edited files outline to the same answer, see WrapperIndex.Candidates.cs): a wrapper's body has
/// at most <see cref="MaxStatements"/> statements and passes a parameter to an invocation named like a log method, a
/// declared log method, or another such method. Business methods that log along the way are not wrappers, and are never bound. Then, on demand, a candidate's
/// small body is bound and its calls recognized: only for a call that could write a secret (<see cref="LogCalls.Recognize"/>). Every answer is a function of the method, its file's options and the
/// depth alone, so it is the same whichever thread or call site asks first.
/// </para>
/// </summary>
internal sealed partial class WrapperIndex
{
    public const int MaxDepth = 3;

    /// <summary>A wrapper's job is to log: a body with more statements is the application's business, not its logging.</summary>
    public const int MaxStatements = 6;

    private const int MaxImplementations = 8;

    /// <summary>The library log method names that make a method a candidate (see <see cref="IsSeedName"/>).</summary>
    public static IEnumerable<string> SeedNames
    {
        get
        {
            foreach (var name in LogCallRecognizer.LogMethodNames)
            {
                if (IsSeedName(name))
                {
                    yield return name;
                }
            }
        }
    }

    /// <summary>
    /// A library log method name that makes a method a wrapper candidate. "Create", "Set" and "Push" are left out: NLog's
    /// LogEventInfo.Create builds an event that is logged later, Serilog's IDiagnosticContext.Set and the diagnostic
    /// contexts' Set and Push attach a property to later events, and they are what a large share of an application's
    /// calls are named (dictionaries, caches, stacks), which would bind most small methods for nothing.
    /// </summary>
    public static bool IsSeedName(string name) => LogCallRecognizer.IsLogMethodName(name) && name is not ("Create" or "Set" or "Push");

    private readonly Compilation _compilation;
    private readonly LogCallRecognizer _recognizer;
    private readonly Func<SyntaxTree, LogSafetyOptions> _optionsFor;
    private readonly ImmutableArray<SyntaxTree> _trees;
    private readonly Lazy<Candidates> _candidates;
    private int _nextTree;
    private readonly ConcurrentDictionary<IMethodSymbol, Answer>[] _byDepth;

    private readonly ConcurrentDictionary<IMethodSymbol, bool> _localFunctions = new(SymbolEqualityComparer.Default);

    // Per method, as finding a declaration's syntax from its symbol costs more than the lookup (most calls go to a few
    // methods of the names that have candidates).
    private readonly ReferenceCache<IMethodSymbol, bool> _ordinaryCandidates = new(SymbolEqualityComparer.Default);
    private readonly Func<IMethodSymbol, CancellationToken, bool> _isCandidate;
    // Lazy<object>, the bodies boxed: a Lazy over a struct is compiled again by the JIT (see ReferenceCache).
    private readonly ConcurrentDictionary<IMethodSymbol, Lazy<object>> _boundBodies = new(SymbolEqualityComparer.Default);
    private readonly ReferenceCache<string, ImmutableArray<IMethodSymbol>> _declaredByName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<MethodOutline, IMethodSymbol?> _declared = new();

    /// <summary>Answers that no depth limit cut short: they hold for every depth at or above their height.</summary>
    private readonly ConcurrentDictionary<IMethodSymbol, Answer> _complete = new(SymbolEqualityComparer.Default);

    public WrapperIndex(Compilation compilation, LogCallRecognizer recognizer, TreeOptions options)
    {
        _isCandidate = IsCandidate;
        _compilation = compilation;
        _recognizer = recognizer;
        _optionsFor = options.For;
        _trees = ImmutableArray.CreateRange(compilation.SyntaxTrees);
        _candidates = new Lazy<Candidates>(() => Candidates.Find(_trees, options.LogMethodsFor, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
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
    public bool MayBeWrapper(IMethodSymbol method, CancellationToken cancellationToken = default)
    {
        if (method.Parameters.IsEmpty || method.Locations.IsEmpty || !method.Locations[0].IsInSource)
        {
            return false;
        }

        return method.MethodKind switch
        {
            MethodKind.Ordinary => GetCandidates(cancellationToken).Names.Contains(method.Name)
                && _ordinaryCandidates.GetOrAdd(method.OriginalDefinition, _isCandidate, cancellationToken),
            MethodKind.LocalFunction => _localFunctions.TryGetValue(method.OriginalDefinition, out var known)
                ? known
                : _localFunctions.GetOrAdd(method.OriginalDefinition, IsCandidateLocalFunction(method.OriginalDefinition, cancellationToken)),
            _ => false,
        };
    }

    /// <summary>
    /// A method with a body is a candidate itself; an interface or abstract method when a candidate has its name (which
    /// the caller has checked).
    /// </summary>
    private bool IsCandidate(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var candidates = GetCandidates(cancellationToken);
        if (method.IsAbstract || method.IsExtern)
        {
            return true;
        }

        foreach (var reference in (method.PartialImplementationPart ?? method.OriginalDefinition).DeclaringSyntaxReferences)
        {
            if (candidates.IsCandidateBody(reference.SyntaxTree, reference.Span))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsCandidateLocalFunction(IMethodSymbol function, CancellationToken cancellationToken)
    {
        if (function.DeclaringSyntaxReferences.IsEmpty
            || function.DeclaringSyntaxReferences[0].GetSyntax() is not LocalFunctionStatementSyntax syntax
            || TreeOutline.LocalFunction(syntax) is not { } outline)
        {
            return false;
        }

        // A local function's outline may call any name (it has no word set), so its forwards are always read.
        var candidates = GetCandidates(cancellationToken);
        return candidates.PassesOnTo(outline, candidates.Reaching);
    }

    /// <summary>
    /// The candidates, found once per compilation. Threads that need them before they exist share the outlining instead
    /// of waiting for one thread to do it all: each outlines the next tree nobody has taken (outlines are cached per
    /// tree). Then one thread assembles the candidates from every tree's outline, and the others wait for it rather than
    /// assemble them again: on a machine with few cores a second assembly would only slow the first. Assembling is
    /// bounded (a few passes over the outlines) and not cancelled, so that a waiting thread never inherits another's
    /// cancellation; each thread checks its own token before it waits.
    /// </summary>
    private Candidates GetCandidates(CancellationToken cancellationToken)
    {
        if (_candidates.IsValueCreated)
        {
            return _candidates.Value;
        }

        int next;
        while ((next = Interlocked.Increment(ref _nextTree) - 1) < _trees.Length)
        {
            // A cancelled thread leaves its tree to the assembly, which outlines whatever is missing.
            cancellationToken.ThrowIfCancellationRequested();
            TreeOutline.Of(_trees[next], cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return _candidates.Value;
    }

    /// <summary>For tests: whether this compilation's candidates were taken over from an earlier compilation's.</summary>
    internal bool CandidatesReused => GetCandidates(CancellationToken.None).IsReused;

    /// <summary>What <paramref name="method"/> logs of its parameters, or null when it is not a wrapper.</summary>
    public WrapperInfo? Get(IMethodSymbol method, CancellationToken cancellationToken) => Get(method, MaxDepth, cancellationToken).Info;

    /// <summary>
    /// <see cref="Get(IMethodSymbol, CancellationToken)"/>'s answer when some call has already asked for it (a cache
    /// lookup, nothing computed): false when it is not known yet.
    /// </summary>
    public bool TryGetKnown(IMethodSymbol method, out WrapperInfo? info)
    {
        var original = method.OriginalDefinition;
        if ((_complete.TryGetValue(original, out var answer) && answer.Height <= MaxDepth) || _byDepth[MaxDepth].TryGetValue(original, out answer))
        {
            info = answer.Info;
            return true;
        }

        info = null;
        return false;
    }

    /// <summary>
    /// The answer for <paramref name="method"/> looking at most <paramref name="depth"/> wrappers deeper. It is a function
    /// of the method and the depth only: two threads that race compute the same answer.
    /// </summary>
    private Answer Get(IMethodSymbol method, int depth, CancellationToken cancellationToken)
    {
        if (!MayBeWrapper(method, cancellationToken))
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
        if (method.MethodKind != MethodKind.LocalFunction && !MayReachALogCall(method, depth, deeper, cancellationToken))
        {
            // None of the methods it passes a parameter to logs one: its body need not be bound.
            return deeper.Answer(null);
        }

        foreach (var body in BodiesOf(method, cancellationToken))
        {
            var logged = new LoggedParameters();
            foreach (var step in body)
            {
                if (step.Inner is null)
                {
                    foreach (var parameter in step.Direct)
                    {
                        logged.Add(parameter);
                    }

                    continue;
                }

                var inner = Get(step.Inner.TargetMethod, depth - 1, cancellationToken);
                deeper.Saw(inner);
                if (inner.Info is { } info)
                {
                    AddLogged(LogCalls.FromWrapper(step.Inner, info), method, logged);
                }
            }

            if (ToInfo(logged) is { } found)
            {
                return deeper.Answer(found);
            }
        }

        return deeper.Answer(null);
    }

    /// <summary>
    /// Bottom-up, from syntax: whether some invocation the method passes a parameter to can log it. A log method name
    /// (or a local function, which the outline does not read) says yes; a candidate's name says yes only when one of
    /// the candidates of that name logs at the depth below. So the callers of small methods that turn out not to log
    /// (a repository's Insert that hands its model to a query tracer) are never bound. Answers cut short below make
    /// this one cut short too, as binding it would.
    /// </summary>
    private bool MayReachALogCall(IMethodSymbol method, int depth, Deeper deeper, CancellationToken cancellationToken)
    {
        var candidates = GetCandidates(cancellationToken);
        var outlines = new List<MethodOutline>();
        foreach (var reference in (method.PartialImplementationPart ?? method).DeclaringSyntaxReferences)
        {
            if (candidates.OutlineOf(reference.SyntaxTree, reference.Span) is { } outline)
            {
                if (outline.HasLocalFunctions)
                {
                    return true;
                }

                outlines.Add(outline);
            }
        }

        foreach (var outline in outlines)
        {
            foreach (var target in outline.ForwardsTo)
            {
                if (candidates.IsLogName(target.Name))
                {
                    return true;
                }

                if (!candidates.Reaches(target))
                {
                    continue;
                }

                // Many methods it may call: binding this one body costs less than answering for all of them.
                var callees = candidates.CalleesOf(target);
                if (callees.Count > MaxImplementations)
                {
                    return true;
                }

                foreach (var callee in callees)
                {
                    if (SymbolOf(callee, cancellationToken) is not { } symbol)
                    {
                        continue;
                    }

                    var answer = Get(symbol, depth - 1, cancellationToken);
                    deeper.Saw(answer);
                    if (answer.Info is not null)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>Adds the parameters of <paramref name="method"/> that <paramref name="call"/> writes; the first call to write one labels it.</summary>
    private static void AddLogged(LogCall call, IMethodSymbol method, LoggedParameters logged)
    {
        foreach (var value in LoggedValueCollector.Collect(call))
        {
            var written = LoggedValueCollector.SkipConversions(value.Value);
            if (written is IParameterReferenceOperation { Parameter: var parameter }
                && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol?.OriginalDefinition, method)
                && !logged.Contains(parameter.Ordinal))
            {
                logged.Add(new LoggedParameter(parameter.Ordinal, value.Label, value.Destructure, value.Form == LoggedValueForm.Message));
            }
            else if (LoopedParameter(written, method) is { } looped && !logged.Contains(looped.Ordinal))
            {
                // Each item is written under its own name (("accessToken", token)), so no label is carried.
                logged.Add(new LoggedParameter(looped.Ordinal, null, value.Destructure, isTemplate: false));
            }
        }
    }

    /// <summary>
    /// The method's candidate bodies, bound once whatever the depth or the thread that asks: for each, in source
    /// order, the parameters its library log calls write and the calls that may reach another wrapper. The binding is
    /// shared, so it does not take the first caller's cancellation (a waiting thread would inherit it): a candidate
    /// has at most <see cref="MaxStatements"/> statements, and each caller checks its own token before it waits.
    /// </summary>
    private ImmutableArray<ImmutableArray<BodyStep>> BodiesOf(IMethodSymbol method, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var lazy = _boundBodies.TryGetValue(method, out var known)
            ? known
            : _boundBodies.GetOrAdd(method, new Lazy<object>(() => Bind(method, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication));
        return (ImmutableArray<ImmutableArray<BodyStep>>)lazy.Value;
    }

    private ImmutableArray<ImmutableArray<BodyStep>> Bind(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var bodies = ImmutableArray.CreateBuilder<ImmutableArray<BodyStep>>();
        var implementation = method.PartialImplementationPart ?? method;
        foreach (var reference in implementation.DeclaringSyntaxReferences)
        {
            if (method.MethodKind != MethodKind.LocalFunction && !GetCandidates(cancellationToken).IsCandidateBody(reference.SyntaxTree, reference.Span))
            {
                continue;
            }

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
            var steps = ImmutableArray.CreateBuilder<BodyStep>();
            foreach (var descendant in operation.Descendants())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (descendant is not IInvocationOperation invocation)
                {
                    continue;
                }

                if (_recognizer.Recognize(invocation, options) is { } call)
                {
                    var logged = new LoggedParameters();
                    AddLogged(call, method, logged);
                    if (logged.Count > 0)
                    {
                        steps.Add(new BodyStep(logged.InOrder(), null));
                    }
                }
                else if (MayBeWrapper(invocation.TargetMethod, cancellationToken))
                {
                    steps.Add(new BodyStep(ImmutableArray<LoggedParameter>.Empty, invocation));
                }
            }

            bodies.Add(steps.ToImmutable());
        }

        return bodies.ToImmutable();
    }

    /// <summary>A log call of a bound body: the parameters a library call writes, or a call that may reach a wrapper.</summary>
    private sealed class BodyStep
    {
        public BodyStep(ImmutableArray<LoggedParameter> direct, IInvocationOperation? inner)
        {
            Direct = direct;
            Inner = inner;
        }

        public ImmutableArray<LoggedParameter> Direct { get; }

        public IInvocationOperation? Inner { get; }
    }

    /// <summary>
    /// The parameter whose items a logged value is: the variable of a foreach over the parameter, one of its
    /// deconstructed parts, or a member of one (field.Value).
    /// </summary>
    private static IParameterSymbol? LoopedParameter(IOperation written, IMethodSymbol method)
    {
        while (written is IMemberReferenceOperation { Instance: { } instance })
        {
            written = LoggedValueCollector.SkipConversions(instance);
        }

        if (written is not ILocalReferenceOperation { Local: var local })
        {
            return null;
        }

        for (var current = written.Parent; current is not null; current = current.Parent)
        {
            if (current is IForEachLoopOperation loop
                && ForEachLoops.Declares(loop, local)
                && LoggedValueCollector.SkipConversions(loop.Collection) is IParameterReferenceOperation { Parameter: var parameter }
                && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol?.OriginalDefinition, method))
            {
                return parameter;
            }
        }

        return null;
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
        var logged = new LoggedParameters();
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
                logged.Add(parameter);
            }
        }

        return deeper.Answer(ToInfo(logged));
    }

    /// <summary>The candidate methods with bodies called <paramref name="name"/>, as symbols, once per name, in file and position order.</summary>
    private ImmutableArray<IMethodSymbol> DeclaredWithName(string name, CancellationToken cancellationToken)
    {
        if (_declaredByName.TryGetValue(name, out var known))
        {
            return known;
        }

        var symbols = ImmutableArray.CreateBuilder<IMethodSymbol>();
        foreach (var outline in GetCandidates(cancellationToken).WithName(name))
        {
            if (outline.HasBody && SymbolOf(outline, cancellationToken) is { } symbol)
            {
                symbols.Add(symbol);
            }
        }

        return _declaredByName.GetOrAdd(name, symbols.ToImmutable());
    }

    /// <summary>The method a candidate body declares, once per candidate; null for an abstract one.</summary>
    private IMethodSymbol? SymbolOf(MethodOutline outline, CancellationToken cancellationToken)
    {
        if (_declared.TryGetValue(outline, out var known))
        {
            return known;
        }

#pragma warning disable RS1030 // Declared symbols only: no method body is bound here.
        var model = _compilation.GetSemanticModel(outline.Tree);
#pragma warning restore RS1030
        var node = outline.Tree.GetRoot(cancellationToken).FindNode(outline.Span, getInnermostNodeForTie: true);
        var symbol = model.GetDeclaredSymbol(node, cancellationToken) as IMethodSymbol;
        return _declared.GetOrAdd(outline, symbol is { IsAbstract: false } ? symbol : null);
    }

    private static bool Implements(IMethodSymbol candidate, IMethodSymbol interfaceMethod, INamedTypeSymbol interfaceType)
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

    private static bool Overrides(IMethodSymbol candidate, IMethodSymbol method)
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

    private static WrapperInfo? ToInfo(LoggedParameters logged) => logged.Count == 0 ? null : new WrapperInfo(logged.InOrder());

    /// <summary>An answer, how many wrapper levels below it were looked at, and whether the depth limit cut it short.</summary>
    private sealed class Answer
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

    /// <summary>The parameters a body logs, each once, as the first call to write it labels it.</summary>
    private sealed class LoggedParameters
    {
        private readonly List<LoggedParameter> _parameters = new();

        public int Count => _parameters.Count;

        public bool Contains(int ordinal)
        {
            foreach (var parameter in _parameters)
            {
                if (parameter.Ordinal == ordinal)
                {
                    return true;
                }
            }

            return false;
        }

        public void Add(LoggedParameter parameter)
        {
            if (!Contains(parameter.Ordinal))
            {
                _parameters.Add(parameter);
            }
        }

        /// <summary>By ordinal.</summary>
        public ImmutableArray<LoggedParameter> InOrder()
        {
            var ordered = _parameters.ToArray();
            Array.Sort(ordered, static (a, b) => a.Ordinal.CompareTo(b.Ordinal));
            return ImmutableArray.Create(ordered);
        }
    }
}
