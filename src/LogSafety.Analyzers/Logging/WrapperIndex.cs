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
/// Infers the application's own log methods: a source method that passes one of its parameters on to a recognized log
/// call (directly, or through another wrapper at most <see cref="MaxDepth"/> deep) logs that parameter.
/// <para>
/// Two stages keep this cheap on real code, where most calls go to the application's own methods. Syntax first, once
/// per compilation: only a method that passes a parameter to an invocation named like a log method (or like another
/// such method) can be a wrapper; everything else is never bound. Then, on demand, a candidate's body is bound and its
/// calls recognized. The answer for (method, depth) depends on nothing but the method's body, its file's options and
/// the answers one level deeper, so it is the same whichever thread or call site asks first.
/// </para>
/// </summary>
internal sealed class WrapperIndex
{
    public const int MaxDepth = 3;
    public const int MaxBodyLength = 8_000;
    private const int MaxImplementations = 8;

    private readonly Compilation _compilation;
    private readonly LogCallRecognizer _recognizer;
    private readonly Func<SyntaxTree, LogSafetyOptions> _optionsFor;
    private readonly Lazy<Candidates> _candidates;
    private readonly ConcurrentDictionary<IMethodSymbol, WrapperInfo?>[] _byDepth;

    public WrapperIndex(Compilation compilation, LogCallRecognizer recognizer, LogSafetyOptions globalOptions, Func<SyntaxTree, LogSafetyOptions> optionsFor)
    {
        _compilation = compilation;
        _recognizer = recognizer;
        _optionsFor = optionsFor;
        _candidates = new Lazy<Candidates>(() => Candidates.Find(compilation, recognizer.Symbols, globalOptions, optionsFor), LazyThreadSafetyMode.ExecutionAndPublication);
        _byDepth = new ConcurrentDictionary<IMethodSymbol, WrapperInfo?>[MaxDepth + 1];
        for (var i = 0; i < _byDepth.Length; i++)
        {
            _byDepth[i] = new ConcurrentDictionary<IMethodSymbol, WrapperInfo?>(SymbolEqualityComparer.Default);
        }
    }

    /// <summary>What <paramref name="method"/> logs of its parameters, or null when it is not a wrapper.</summary>
    public WrapperInfo? Get(IMethodSymbol method, CancellationToken cancellationToken) => Get(method, MaxDepth, cancellationToken);

    private WrapperInfo? Get(IMethodSymbol method, int depth, CancellationToken cancellationToken)
    {
        if (depth < 0
            || method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction)
            || method.Parameters.IsEmpty
            || !_candidates.Value.Names.Contains(method.Name))
        {
            return null;
        }

        var original = method.OriginalDefinition;
        if (original.Locations.IsEmpty || !original.Locations[0].IsInSource)
        {
            return null;
        }

        var cache = _byDepth[depth];
        if (cache.TryGetValue(original, out var known))
        {
            return known;
        }

        return cache.GetOrAdd(original, Compute(original, depth, cancellationToken));
    }

    private WrapperInfo? Compute(IMethodSymbol method, int depth, CancellationToken cancellationToken)
    {
        if (method.IsExtern)
        {
            return null;
        }

        if (method.IsAbstract)
        {
            return FromImplementations(method, depth, cancellationToken);
        }

        var implementation = method.PartialImplementationPart ?? method;
        foreach (var reference in implementation.DeclaringSyntaxReferences)
        {
            if (!_candidates.Value.IsCandidateBody(reference.SyntaxTree, reference.Span))
            {
                continue;
            }

            var syntax = reference.GetSyntax(cancellationToken);

            // Only candidates get here: methods that pass a parameter on to something named like a log method.
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

                var call = _recognizer.Recognize(invocation, options) ?? RecognizeInner(invocation, depth, cancellationToken);
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
                return info;
            }
        }

        return null;
    }

    /// <summary>A call in a wrapper's body to another wrapper, one level deeper.</summary>
    private LogCall? RecognizeInner(IInvocationOperation invocation, int depth, CancellationToken cancellationToken) =>
        Get(invocation.TargetMethod, depth - 1, cancellationToken) is { } inner ? LogCalls.FromWrapper(invocation, inner) : null;

    /// <summary>
    /// An interface or abstract method declared here (an app's IAppLogger&lt;T&gt;) logs what its implementations in this
    /// compilation log. Implementations can only be among the candidates of the same name, visited in a fixed order.
    /// </summary>
    private WrapperInfo? FromImplementations(IMethodSymbol method, int depth, CancellationToken cancellationToken)
    {
        if (method.ContainingType is not { } containingType)
        {
            return null;
        }

        var logged = new SortedDictionary<int, LoggedParameter>();
        var examined = 0;
        foreach (var outline in _candidates.Value.WithName(method.Name))
        {
            if (!outline.HasBody || examined >= MaxImplementations)
            {
                continue;
            }

#pragma warning disable RS1030 // Declared symbols only: no method body is bound here.
            var model = _compilation.GetSemanticModel(outline.Tree);
#pragma warning restore RS1030
            var node = outline.Tree.GetRoot(cancellationToken).FindNode(outline.Span, getInnermostNodeForTie: true);
            if (model.GetDeclaredSymbol(node, cancellationToken) is not IMethodSymbol implementation || implementation.IsAbstract)
            {
                continue;
            }

            var implemented = containingType.TypeKind == TypeKind.Interface
                ? Implements(implementation, method, containingType)
                : Overrides(implementation, method);
            if (!implemented)
            {
                continue;
            }

            examined++;
            if (Get(implementation, depth - 1, cancellationToken) is not { } info)
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

        return ToInfo(logged);
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

    /// <summary>
    /// The methods that can be wrappers at all, from syntax: those that pass a parameter to an invocation named like a
    /// log method of a referenced library or a declared one, then those that pass one to such a method, and so on.
    /// </summary>
    private sealed class Candidates
    {
        private readonly HashSet<(SyntaxTree Tree, TextSpan Span)> _bodies;
        private readonly Dictionary<string, List<MethodOutline>> _byName;

        private Candidates(HashSet<string> names, HashSet<(SyntaxTree, TextSpan)> bodies, Dictionary<string, List<MethodOutline>> byName)
        {
            Names = names;
            _bodies = bodies;
            _byName = byName;
        }

        public HashSet<string> Names { get; }

        public bool IsCandidateBody(SyntaxTree tree, TextSpan span) => _bodies.Contains((tree, span));

        public IEnumerable<MethodOutline> WithName(string name) =>
            _byName.TryGetValue(name, out var outlines) ? outlines : (IEnumerable<MethodOutline>)Array.Empty<MethodOutline>();

        public static Candidates Find(Compilation compilation, LoggingSymbols symbols, LogSafetyOptions globalOptions, Func<SyntaxTree, LogSafetyOptions> optionsFor)
        {
            var logNames = LibraryLogNames(symbols);
            AddConfiguredNames(logNames, globalOptions);
            var outlines = new List<MethodOutline>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                var outline = TreeOutline.Of(tree, CancellationToken.None);
                outlines.AddRange(outline.Methods);
                foreach (var name in outline.DeclaredLogNames)
                {
                    logNames.Add(name);
                }

                AddConfiguredNames(logNames, optionsFor(tree));
            }

            // Level by level, like the semantic stage: a method joins when it passes a parameter to a log name or to a
            // candidate of the previous level; abstract declarations join with their name.
            var names = new HashSet<string>(StringComparer.Ordinal);
            var joined = new HashSet<MethodOutline>();
            for (var level = 0; level <= MaxDepth + 1; level++)
            {
                var added = new List<MethodOutline>();
                foreach (var method in outlines)
                {
                    if (!method.HasBody || joined.Contains(method))
                    {
                        continue;
                    }

                    foreach (var target in method.ForwardsTo)
                    {
                        if (logNames.Contains(target) || names.Contains(target))
                        {
                            added.Add(method);
                            break;
                        }
                    }
                }

                if (added.Count == 0)
                {
                    break;
                }

                foreach (var method in added)
                {
                    joined.Add(method);
                    names.Add(method.Name);
                }
            }

            var bodies = new HashSet<(SyntaxTree, TextSpan)>();
            var byName = new Dictionary<string, List<MethodOutline>>(StringComparer.Ordinal);
            foreach (var method in joined)
            {
                bodies.Add((method.Tree, method.Span));
                if (!byName.TryGetValue(method.Name, out var list))
                {
                    byName[method.Name] = list = new List<MethodOutline>();
                }

                list.Add(method);
            }

            // Implementations are visited in the order of their files' paths and positions, never the compilation's order.
            foreach (var list in byName.Values)
            {
                list.Sort((a, b) =>
                {
                    var byPath = string.CompareOrdinal(a.Tree.FilePath, b.Tree.FilePath);
                    return byPath != 0 ? byPath : a.Span.Start.CompareTo(b.Span.Start);
                });
            }

            return new Candidates(names, bodies, byName);
        }

        private static void AddConfiguredNames(HashSet<string> logNames, LogSafetyOptions options)
        {
            if (options.HasExtraLogMethods)
            {
                foreach (var method in options.LogMethods)
                {
                    logNames.Add(method.Method);
                }
            }
        }

        /// <summary>Every method name of the logging types present in the compilation, console and trace included.</summary>
        private static HashSet<string> LibraryLogNames(LoggingSymbols symbols)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var type in new[]
            {
                symbols.MelLoggerExtensions, symbols.MelILogger, symbols.SerilogILogger, symbols.SerilogLog, symbols.SerilogLogContext,
                symbols.NLogILogger, symbols.NLogILoggerBase, symbols.NLogLogger, symbols.NLogEventBuilder, symbols.NLogScopeContext,
                symbols.Log4NetILog, symbols.Console, symbols.Debug, symbols.Trace, symbols.TraceSource, symbols.TextWriter,
            })
            {
                if (type is null)
                {
                    continue;
                }

                foreach (var name in type.MemberNames)
                {
                    names.Add(name);
                }
            }

            return names;
        }
    }
}
