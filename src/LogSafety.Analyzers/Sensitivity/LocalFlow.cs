using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using LogSafety.Analyzers.Logging;
using LogSafety.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Sensitivity;

/// <summary>Where a flowed secret came from: its verdict and the expression it was read from.</summary>
internal readonly struct FlowOrigin
{
    public FlowOrigin(SensitiveMark mark, IOperation source, bool throughLocal)
    {
        Mark = mark;
        Source = source;
        ThroughLocal = throughLocal;
    }

    public SensitiveMark Mark { get; }

    /// <summary>The expression the secret was read from ("options.Password").</summary>
    public IOperation Source { get; }

    /// <summary>False when the secret sits in the logged expression itself, with no local in between.</summary>
    public bool ThroughLocal { get; }
}

/// <summary>
/// Local data flow within one method: a local or parameter assigned from a sensitive value carries its kind to
/// where it is logged, through string building and transparent string operations, never through sanitizers.
/// Each method body is indexed once (assignments per local, in one pass over its operations, bounded) and cached
/// for as long as its operation tree lives; nothing outside the containing body is read.
/// </summary>
internal sealed class LocalFlow
{
    private const int MaxOperationsIndexed = 20000;
    private const int MaxHops = 4;
    private const int MaxSteps = 64;

    private readonly ConditionalWeakTable<IOperation, MethodIndex> _indexes = new();

    /// <summary>
    /// Traces <paramref name="value"/> back through locals, string building and transparent operations, and returns
    /// the first part that <paramref name="leaf"/> judges sensitive.
    /// </summary>
    public FlowOrigin? Trace(IOperation value, Func<IOperation, SensitiveMark> leaf, bool lookPastOwnName = false)
    {
        // The method's index of assignments is built only when the walk reaches a local or parameter: most logged
        // values are members, calls or literals, and need none.
        var walk = new Walk(() => IndexFor(value), value.Syntax.SpanStart, leaf, lookPastOwnName);
        return walk.Run(value);
    }

    /// <summary>The values assigned to the local or parameter <paramref name="reference"/> reads, before it is read.</summary>
    public IReadOnlyList<IOperation> SourcesOf(IOperation reference)
    {
        var symbol = SymbolOf(reference);
        if (symbol is null)
        {
            return Array.Empty<IOperation>();
        }

        return IndexFor(reference).SourcesBefore(symbol, reference.Syntax.SpanStart);
    }

    /// <summary>
    /// Whether the local or parameter <paramref name="reference"/> reads holds the name of a secret rather than the secret:
    /// the method passes it, never reassigned, where a callee expects a secret's name
    /// (<c>vault.GetSecretByNameAsync(secret)</c> into <c>secretName</c>), and nowhere a callee expects a secret. Only a
    /// parameter whose last word is "name" and whose words before it name a secret counts; a bare <c>name</c> or an
    /// <c>id</c> is no evidence.
    /// </summary>
    public bool IsPassedAsSecretName(IOperation reference, LogSafetyOptions options)
    {
        if (SymbolOf(reference) is not { } symbol)
        {
            return false;
        }

        var index = IndexFor(reference);
        var parameterNames = index.ParametersPassedTo(symbol);
        if (parameterNames.Count == 0
            || !index.Complete
            || index.IsWrittenUntracked(symbol)
            || index.AssignmentCount(symbol) > (symbol is ILocalSymbol ? 1 : 0))
        {
            return false;
        }

        var asName = false;
        foreach (var parameterName in parameterNames)
        {
            var words = NameWords.Split(parameterName);
            if (NameClassifier.Classify(words, options).IsSensitive)
            {
                // Also passed where a callee expects the secret itself (Store(secretName: x, secret: x)): no evidence.
                return false;
            }

            asName |= words.Length >= 2
                && words[words.Length - 1] == "name"
                && NameClassifier.Classify(words.RemoveAt(words.Length - 1), options).IsSensitive;
        }

        return asName;
    }

    /// <summary>
    /// Whether the local <paramref name="reference"/> reads only ever holds constants: every value the method assigns
    /// to it is one (<c>var token = "ETH"</c>), and nothing writes it in a way the index does not follow (a <c>ref</c>
    /// argument or alias, a deconstruction, a pattern). A constant is never a secret, whatever the local is called; nor is
    /// a mask of one repeated character (<c>new string('*', password.Length)</c>).
    /// </summary>
    public bool HoldsOnlyConstants(IOperation reference)
    {
        if (reference is not ILocalReferenceOperation { Local: var local })
        {
            return false;
        }

        var index = IndexFor(reference);
        var sources = index.AllSourcesOf(local);
        if (sources.Count == 0 || !index.Complete || index.IsWrittenUntracked(local))
        {
            return false;
        }

        foreach (var source in sources)
        {
            var value = LoggedValueCollector.SkipConversions(source);
            if (!value.ConstantValue.HasValue && !SecretCarrierTypes.IsRepeatedCharacter(value))
            {
                return false;
            }
        }

        return true;
    }

    internal static ISymbol? SymbolOf(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };

    private MethodIndex IndexFor(IOperation operation)
    {
        var root = operation;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        return _indexes.GetValue(root, static r => MethodIndex.Build(r));
    }

    private sealed class Walk
    {
        private readonly Func<MethodIndex> _indexFor;
        private MethodIndex? _index;
        private readonly int _position;
        private readonly Func<IOperation, SensitiveMark> _leaf;
        private readonly bool _lookPastOwnName;
        private readonly HashSet<ISymbol> _visited = new(SymbolEqualityComparer.Default);
        private int _steps;

        public Walk(Func<MethodIndex> indexFor, int position, Func<IOperation, SensitiveMark> leaf, bool lookPastOwnName)
        {
            _indexFor = indexFor;
            _position = position;
            _leaf = leaf;
            _lookPastOwnName = lookPastOwnName;
        }

        public FlowOrigin? Run(IOperation value) => Visit(value, hops: 0);

        private FlowOrigin? Visit(IOperation operation, int hops)
        {
            while (true)
            {
                if (++_steps > MaxSteps || operation.ConstantValue.HasValue)
                {
                    return null;
                }

                // Judge each step first: "Request.Headers.Authorization.ToString()" is itself a finding.
                var mark = _leaf(operation);
                if (mark.IsSensitive)
                {
                    return new FlowOrigin(mark, operation, hops > 0);
                }

                var parts = new List<IOperation>();
                if (StringFlow.TryGetParts(operation, parts))
                {
                    foreach (var part in parts)
                    {
                        if (Visit(part, hops) is { } found)
                        {
                            return found;
                        }
                    }

                    return null;
                }

                if (StringFlow.Inner(operation) is { } inner)
                {
                    operation = inner;
                    continue;
                }

                if (SymbolOf(operation) is not { } symbol)
                {
                    return null;
                }

                if (hops >= MaxHops || !_visited.Add(symbol) || (NameSpeaksForItself(symbol.Name) && !(hops == 0 && _lookPastOwnName)))
                {
                    return null;
                }

                foreach (var source in (_index ??= _indexFor()).SourcesBefore(symbol, _position))
                {
                    if (Visit(source, hops + 1) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            }
        }
    }

    /// <summary>
    /// A local whose name already talks about a secret ("tokenPrefix", "passwordLength", "maskedToken") was judged by
    /// its name, and the name said it is safe: trust it rather than its source.
    /// </summary>
    private static bool NameSpeaksForItself(string name)
    {
        foreach (var word in NameWords.Split(name))
        {
            var singular = SecretVocabulary.Singular(word);
            if (SecretVocabulary.SanitizedMarkers.Contains(singular)
                || SecretVocabulary.PasswordNouns.Contains(singular)
                || singular is "token" or "secret" or "jwt" or "apikey" or "credential" or "session" or "otp" or "totp" or "hash")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every assignment to a local or parameter in one method body (declarators, =, +=, out arguments, foreach variables).</summary>
    private sealed class MethodIndex
    {
        private readonly Dictionary<ISymbol, List<IOperation>> _sources;
        private readonly Dictionary<ISymbol, List<string>>? _passedTo;
        private readonly HashSet<ISymbol>? _untracked;

        private MethodIndex(Dictionary<ISymbol, List<IOperation>> sources, Dictionary<ISymbol, List<string>>? passedTo, HashSet<ISymbol>? untracked, bool complete)
        {
            _sources = sources;
            _passedTo = passedTo;
            _untracked = untracked;
            Complete = complete;
        }

        /// <summary>False when the body had more operations than are indexed: some writes may be missing.</summary>
        public bool Complete { get; }

        public static MethodIndex Build(IOperation root)
        {
            var sources = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);
            Dictionary<ISymbol, List<string>>? passedTo = null;
            HashSet<ISymbol>? untracked = null;
            var complete = true;
            var count = 0;
            foreach (var operation in root.Descendants())
            {
                if (++count > MaxOperationsIndexed)
                {
                    complete = false;
                    break;
                }

                // By kind first: a method body has thousands of operations, and most are none of these.
                switch (operation.Kind)
                {
                    case OperationKind.VariableDeclarator:
                        var declarator = (IVariableDeclaratorOperation)operation;
                        if (declarator.Initializer is { } initializer)
                        {
                            Add(sources, declarator.Symbol, initializer.Value);

                            // ref var alias = ref token: whatever is written through the alias writes the local too.
                            if (declarator.Symbol.RefKind != RefKind.None && SymbolOf(initializer.Value) is { } aliased)
                            {
                                MarkUntracked(ref untracked, aliased);
                            }
                        }
                        else if (declarator.Parent is IVariableDeclarationOperation { Initializer: { } shared })
                        {
                            Add(sources, declarator.Symbol, shared.Value);
                        }

                        break;
                    case OperationKind.SimpleAssignment or OperationKind.CompoundAssignment or OperationKind.CoalesceAssignment:
                        var assignment = (IAssignmentOperation)operation;
                        if (SymbolOf(assignment.Target) is { } target)
                        {
                            Add(sources, target, assignment.Value);
                        }

                        break;
                    case OperationKind.Argument:
                        // TryGetValue("Authorization", out var value): the call, judged by its key, is the source.
                        if (operation is IArgumentOperation { Parameter.RefKind: RefKind.Out, Parent: IInvocationOperation call } argument
                            && OutTarget(argument.Value) is { } outTarget)
                        {
                            Add(sources, outTarget, call);
                        }
                        else if (operation is IArgumentOperation { Parameter.RefKind: RefKind.Ref } byRef && SymbolOf(byRef.Value) is { } written)
                        {
                            MarkUntracked(ref untracked, written);
                        }
                        else if (operation is IArgumentOperation { Parameter: { RefKind: RefKind.None, Name: { Length: > 0 } parameterName } } named
                            && SymbolOf(LoggedValueCollector.SkipConversions(named.Value)) is { } passed)
                        {
                            AddAppended(sources, named);

                            // The parameter a local or parameter is passed to: GetSecretByNameAsync(secret) into "secretName" (IsPassedAsSecretName).
                            passedTo ??= new Dictionary<ISymbol, List<string>>(SymbolEqualityComparer.Default);
                            if (!passedTo.TryGetValue(passed, out var names))
                            {
                                passedTo[passed] = names = new List<string>();
                            }

                            names.Add(parameterName);
                        }
                        else if (operation is IArgumentOperation appended)
                        {
                            AddAppended(sources, appended);
                        }

                        break;
                    case OperationKind.DeconstructionAssignment:
                        foreach (var part in ((IDeconstructionAssignmentOperation)operation).Target.DescendantsAndSelf())
                        {
                            if (SymbolOf(part) is { } deconstructed)
                            {
                                MarkUntracked(ref untracked, deconstructed);
                            }
                        }

                        break;
                    case OperationKind.DeclarationPattern or OperationKind.RecursivePattern or OperationKind.ListPattern:
                        var declared = operation switch
                        {
                            IDeclarationPatternOperation declaration => declaration.DeclaredSymbol,
                            IRecursivePatternOperation recursive => recursive.DeclaredSymbol,
                            IListPatternOperation list => list.DeclaredSymbol,
                            _ => null,
                        };
                        if (declared is not null)
                        {
                            MarkUntracked(ref untracked, declared);
                        }

                        break;
                    case OperationKind.Loop when operation is IForEachLoopOperation loop:
                        foreach (var local in loop.Locals)
                        {
                            Add(sources, local, loop.Collection);
                        }

                        break;
                }
            }

            // A method too large to index whole gives no evidence that a local holds only constants or only a name.
            return new MethodIndex(sources, passedTo, untracked, complete);
        }

        /// <summary>Every value the method assigns to the local or parameter, wherever it is.</summary>
        public IReadOnlyList<IOperation> AllSourcesOf(ISymbol symbol) =>
            _sources.TryGetValue(symbol, out var list) ? list : Array.Empty<IOperation>();

        /// <summary>Whether the method writes the local or parameter in a way the sources do not show (ref argument or alias, deconstruction, pattern).</summary>
        public bool IsWrittenUntracked(ISymbol symbol) => _untracked is not null && _untracked.Contains(symbol);

        /// <summary>The names of the parameters the method passes the local or parameter to, as an argument of its own.</summary>
        public IReadOnlyList<string> ParametersPassedTo(ISymbol symbol) =>
            _passedTo is not null && _passedTo.TryGetValue(symbol, out var names) ? names : Array.Empty<string>();

        /// <summary>How many values the method assigns to the local or parameter (its initializer included).</summary>
        public int AssignmentCount(ISymbol symbol) => _sources.TryGetValue(symbol, out var list) ? list.Count : 0;

        public IReadOnlyList<IOperation> SourcesBefore(ISymbol symbol, int position)
        {
            if (!_sources.TryGetValue(symbol, out var list))
            {
                return Array.Empty<IOperation>();
            }

            var before = new List<IOperation>(list.Count);
            foreach (var source in list)
            {
                if (source.Syntax.SpanStart < position || source.Parent is IForEachLoopOperation)
                {
                    before.Add(source);
                }
            }

            return before;
        }

        private static ISymbol? OutTarget(IOperation value) => value switch
        {
            IDeclarationExpressionOperation { Expression: ILocalReferenceOperation local } => local.Local,
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };

        /// <summary>
        /// sb.Append(token), sb.AppendLine($"...{token}").AppendFormat("{0}", key): what is appended to a StringBuilder
        /// local flows into it as an assignment would, so logging sb.ToString() later writes it.
        /// </summary>
        private static void AddAppended(Dictionary<ISymbol, List<IOperation>> sources, IArgumentOperation argument)
        {
            if (argument.Parent is not IInvocationOperation call || !IsAppend(call) || BuilderOf(call) is not { } builder)
            {
                return;
            }

            // sb.AppendLine($"{key}: {value}") binds to the interpolated-string handler overload: its content is appended.
            var value = argument.Value is IInterpolatedStringHandlerCreationOperation handler ? handler.Content : argument.Value;
            Add(sources, builder, value);
        }

        private static bool IsAppend(IInvocationOperation call) =>
            call.TargetMethod.Name is "Append" or "AppendLine" or "AppendFormat" or "AppendJoin" or "Insert"
            && call.TargetMethod.ContainingType is { Name: "StringBuilder", ContainingNamespace.Name: "Text" };

        /// <summary>The local or parameter a chain of appends starts from: sb in sb.Append(a).Append(b).</summary>
        private static ISymbol? BuilderOf(IInvocationOperation call)
        {
            var instance = call.Instance;
            for (var step = 0; step < 64 && instance is IInvocationOperation inner && IsAppend(inner); step++)
            {
                instance = inner.Instance;
            }

            return instance is null ? null : SymbolOf(LoggedValueCollector.SkipConversions(instance));
        }

        private static void MarkUntracked(ref HashSet<ISymbol>? untracked, ISymbol symbol) =>
            (untracked ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default)).Add(symbol);

        private static void Add(Dictionary<ISymbol, List<IOperation>> sources, ISymbol symbol, IOperation value)
        {
            if (!sources.TryGetValue(symbol, out var list))
            {
                list = new List<IOperation>(1);
                sources.Add(symbol, list);
            }

            if (list.Count < 16)
            {
                list.Add(value);
            }
        }
    }
}
