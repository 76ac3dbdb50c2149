using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using LogSafety.Analyzers.Options;
using LogSafety.Analyzers.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LogSafety.Analyzers.Logging;

internal sealed partial class WrapperIndex
{
    /// <summary>
    /// The methods that can be wrappers at all, from syntax: those that pass a parameter to an invocation named like a
    /// log method of a referenced library or a declared one, then those that pass one to such a method, and so on.
    /// A call reaches a candidate by name only where its receiver can be of a type that declares one: errors.Add(x) on
    /// a List&lt;string&gt; field never makes its caller a candidate because some class of the application has an Add
    /// that logs. Without that, common names (Add, Visit, Map) chain most small methods of a large code base together.
    /// </summary>
    private sealed class Candidates
    {
        // By the declaration's start, then checked against its span: a dictionary keyed by TextSpan (a struct) is one
        // more instantiation for the JIT to compile (see ReferenceCache), one keyed by int is shared with the compiler's.
        private readonly Dictionary<SyntaxTree, Dictionary<int, MethodOutline>> _bodies = new();
        private readonly Dictionary<string, List<MethodOutline>> _byName = new(StringComparer.Ordinal);
        private readonly HashSet<string> _logNames;
        private readonly HashSet<MethodOutline> _joined;
        private readonly Dictionary<string, List<MethodOutline>> _allByName;
        private readonly TypeGraph _types;

        private Candidates(HashSet<string> logNames, Dictionary<string, List<MethodOutline>> allByName, TypeGraph types)
        {
            _logNames = logNames;
            _allByName = allByName;
            _types = types;
            _joined = new HashSet<MethodOutline>();
            Names = new HashSet<string>(StringComparer.Ordinal);
        }

        /// <summary>
        /// The same candidates for a later compilation whose changed files outline to the same answer (see
        /// <see cref="Reuse"/>): everything found is shared, and only the index by position and name is rebuilt, with
        /// each candidate of a changed file replaced by its outline in the new tree.
        /// </summary>
        private Candidates(Candidates found, Dictionary<MethodOutline, MethodOutline> replaced, Reuse.Entry origin)
        {
            _logNames = found._logNames;
            _allByName = found._allByName;
            _types = found._types;
            _joined = found._joined;
            Names = found.Names;
            Reaching = found.Reaching;
            _origin = origin;
            IndexJoined(replaced);
        }

        /// <summary>Whether these candidates were taken over from an earlier compilation rather than searched for.</summary>
        public bool IsReused => _origin is not null && !ReferenceEquals(_origin.Found, this);

        /// <summary>What this was found or reused as: tells <see cref="IsReused"/>.</summary>
        private Reuse.Entry? _origin;

        /// <summary>Every name a body must be able to call to join at any level: the seeds, the declared and configured log names, and the candidates' names (sorted hashes).</summary>
        public int[] Reaching { get; private set; } = Array.Empty<int>();

        /// <summary>Once every level has joined: the candidate bodies by tree, and the candidates by name in file and position order.</summary>
        private void IndexJoined(Dictionary<MethodOutline, MethodOutline>? replaced = null)
        {
            foreach (var joined in _joined)
            {
                var method = replaced is not null && replaced.TryGetValue(joined, out var now) ? now : joined;
                if (!_bodies.TryGetValue(method.Tree, out var spans))
                {
                    _bodies[method.Tree] = spans = new Dictionary<int, MethodOutline>();
                }

                spans[method.Span.Start] = method;
                if (!_byName.TryGetValue(method.Name, out var list))
                {
                    _byName[method.Name] = list = new List<MethodOutline>();
                }

                list.Add(method);
            }

            // Implementations are visited in the order of their files' paths and positions, never the compilation's order.
            foreach (var list in _byName.Values)
            {
                list.Sort((a, b) =>
                {
                    var byPath = string.CompareOrdinal(a.Tree.FilePath, b.Tree.FilePath);
                    return byPath != 0 ? byPath : a.Span.Start.CompareTo(b.Span.Start);
                });
            }
        }

        public HashSet<string> Names { get; }

        public bool IsCandidateBody(SyntaxTree tree, TextSpan span) => OutlineOf(tree, span) is not null;

        /// <summary>The outline of the candidate declared at <paramref name="span"/>, or null when that is no candidate.</summary>
        public MethodOutline? OutlineOf(SyntaxTree tree, TextSpan span) =>
            _bodies.TryGetValue(tree, out var starts) && starts.TryGetValue(span.Start, out var outline) && outline.Span == span ? outline : null;

        /// <summary>Whether a call of this name may be a log call itself: a library log method, or one declared or configured here.</summary>
        public bool IsLogName(string name) => IsSeedName(name) || _logNames.Contains(name);

        public IEnumerable<MethodOutline> WithName(string name) =>
            _byName.TryGetValue(name, out var outlines) ? outlines : (IEnumerable<MethodOutline>)Array.Empty<MethodOutline>();

        /// <summary>
        /// The candidate bodies a call may reach: those of its name declared in a type its receiver's type derives from
        /// or that derives from it (an implementation or override), and extension methods; all of that name when the
        /// receiver's type is unknown.
        /// </summary>
        public List<MethodOutline> CalleesOf(Forward call)
        {
            var callees = new List<MethodOutline>();
            if (!_byName.TryGetValue(call.Name, out var declared))
            {
                return callees;
            }

            var receiver = call.ReceiverType is { } type && (!call.ReceiverGuessed || _types.Declares(type)) ? type : null;
            foreach (var method in declared)
            {
                if (method.HasBody
                    && (receiver is null || method.IsExtension || method.ContainingType is not { } declaring
                        || _types.IsSelfOrBase(receiver, declaring) || _types.IsSelfOrBase(declaring, receiver)))
                {
                    callees.Add(method);
                }
            }

            return callees;
        }

        /// <summary>Whether a call may be of a log method or of a candidate.</summary>
        public bool Reaches(Forward call) =>
            IsLogName(call.Name) || (Names.Contains(call.Name) && ReceiverMayDeclare(call));

        /// <summary>
        /// Whether the receiver's type, or one of the types it derives from, declares a candidate of the called name
        /// (or the interface or abstract method a candidate implements). Extension methods take any receiver.
        /// </summary>
        private bool ReceiverMayDeclare(Forward call)
        {
            if (call.ReceiverType is null
                || (call.ReceiverGuessed && !_types.Declares(call.ReceiverType))
                || !_allByName.TryGetValue(call.Name, out var declared))
            {
                return true;
            }

            foreach (var method in declared)
            {
                if (method.IsExtension && _joined.Contains(method))
                {
                    return true;
                }

                if (method.ContainingType is not { } type || !_types.IsSelfOrBase(call.ReceiverType, type))
                {
                    continue;
                }

                if (_joined.Contains(method) || (!method.HasBody && IsImplementedByCandidate(declared, type)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>An interface or abstract method counts when a candidate of its name is declared in a type derived from its own.</summary>
        private bool IsImplementedByCandidate(List<MethodOutline> declared, string abstractType)
        {
            foreach (var method in declared)
            {
                if (method.HasBody && _joined.Contains(method) && method.ContainingType is { } type && _types.IsSelfOrBase(type, abstractType))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The candidates of a compilation: those of an earlier compilation of the same files when every file that
        /// changed since outlines to the same answer (the IDE makes a compilation per keystroke), else found anew.
        /// </summary>
        public static Candidates Find(ImmutableArray<SyntaxTree> trees, Func<SyntaxTree, ImmutableArray<MethodName>> logMethodsFor, CancellationToken cancellationToken)
        {
            var outlines = new TreeOutline[trees.Length];
            var configured = new SortedSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < trees.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                outlines[i] = TreeOutline.Of(trees[i], cancellationToken);
                foreach (var method in logMethodsFor(trees[i]))
                {
                    configured.Add(method.Method);
                }
            }

            var configuredNames = new string[configured.Count];
            configured.CopyTo(configuredNames);
            if (Reuse.TryReuse(trees, outlines, configuredNames) is { } reused)
            {
                return reused;
            }

            var found = Compute(outlines, configuredNames, cancellationToken);
            Reuse.Remember(trees, outlines, configuredNames, found);
            return found;
        }

        private static Candidates Compute(TreeOutline[] treeOutlines, string[] configuredNames, CancellationToken cancellationToken)
        {
            // Library log method names are known statically; these are the ones declared or configured here.
            var logNames = new HashSet<string>(configuredNames, StringComparer.Ordinal);
            var outlines = new List<MethodOutline>();
            var allByName = new Dictionary<string, List<MethodOutline>>(StringComparer.Ordinal);
            var types = new TypeGraph();
            foreach (var outline in treeOutlines)
            {
                cancellationToken.ThrowIfCancellationRequested();
                outlines.AddRange(outline.Methods);
                foreach (var method in outline.Methods)
                {
                    if (!allByName.TryGetValue(method.Name, out var list))
                    {
                        allByName[method.Name] = list = new List<MethodOutline>();
                    }

                    list.Add(method);
                }

                foreach (var type in outline.Types)
                {
                    types.Add(type);
                }

                foreach (var name in outline.DeclaredLogNames)
                {
                    logNames.Add(name);
                }
            }

            // Level by level, like the semantic stage: a method joins when it passes a parameter to a log name or to a
            // candidate of the previous level; abstract declarations join with their name. A method can pass a
            // parameter to a name only if its text holds that word, so each level reads only the bodies whose words
            // include a name that can make them join: a log name first, then the names that gained a candidate.
            var candidates = new Candidates(logNames, allByName, types);
            var names = candidates.Names;
            var joined = candidates._joined;
            var seedNames = new List<string>(SeedNames);
            seedNames.AddRange(logNames);
            var reaching = WordHashes.Sorted(seedNames);
            for (var level = 0; level <= MaxDepth + 1; level++)
            {
                var added = new List<MethodOutline>();
                foreach (var method in outlines)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!joined.Contains(method) && candidates.PassesOnTo(method, reaching))
                    {
                        added.Add(method);
                    }
                }

                if (added.Count == 0)
                {
                    break;
                }

                var touched = new HashSet<string>(StringComparer.Ordinal);
                foreach (var method in added)
                {
                    joined.Add(method);
                    names.Add(method.Name);
                    touched.Add(method.Name);
                }

                reaching = WordHashes.Sorted(touched);
            }

            candidates.IndexJoined();
            var all = new List<string>(SeedNames);
            all.AddRange(logNames);
            all.AddRange(names);
            candidates.Reaching = WordHashes.Sorted(all);
            return candidates;
        }

        /// <summary>
        /// What lets the compilation of the next keystroke reuse these candidates. An entry is a compilation's files (their
        /// paths and outlines) and the candidates found for the outlines it started from (its canonical outlines). A later
        /// compilation of as many files reuses them when at most <see cref="MaxChangedFiles"/> files have a new outline
        /// since, and each file whose outline differs from the canonical one has the same methods, types and declared log
        /// names, and differs only in bodies that neither joined before nor would join now (typing inside a method that
        /// logs nothing, or a space anywhere, changes nothing). Then every level of <see cref="Compute"/> would join the
        /// same methods, so the answer is the one a new search gives.
        /// <para>
        /// An entry is found through the compilation's first, middle and last syntax trees, which the next compilation
        /// shares unless that very file was edited, and it lives as long as one of them does: a closed project's syntax
        /// is not kept.
        /// </para>
        /// </summary>
        private static class Reuse
        {
            private const int MaxChangedFiles = 16;

            /// <summary>
            /// How many files may differ from the outlines the candidates were found for before they are searched for
            /// anew: each such file's old syntax is kept for the comparison, so a long session keeps at most this many.
            /// </summary>
            private const int MaxDrift = 64;
            private static readonly ConditionalWeakTable<SyntaxTree, Holder> ByTree = new();

            public static void Remember(ImmutableArray<SyntaxTree> trees, TreeOutline[] outlines, string[] configured, Candidates found)
            {
                var paths = new string[trees.Length];
                for (var i = 0; i < trees.Length; i++)
                {
                    paths[i] = trees[i].FilePath;
                }

                var entry = new Entry(paths, outlines, outlines, configured, found, Array.Empty<int>(), found);
                found._origin = entry;
                Store(trees, entry);
            }

            public static Candidates? TryReuse(ImmutableArray<SyntaxTree> trees, TreeOutline[] outlines, string[] configured)
            {
                Entry? best = null;
                var bestChanges = MaxChangedFiles + 1;
                foreach (var tree in Probes(trees))
                {
                    if (ByTree.TryGetValue(tree, out var holder) && Volatile.Read(ref holder.Entry) is { } entry && entry != best
                        && entry.Current.Length == outlines.Length && entry.Configured.SequenceEqual(configured, StringComparer.Ordinal)
                        && CountChanges(entry.Current, outlines, bestChanges) is var changes && changes < bestChanges)
                    {
                        best = entry;
                        bestChanges = changes;
                    }
                }

                if (best is null)
                {
                    return null;
                }

                if (bestChanges == 0)
                {
                    return best.View;
                }

                var changed = new SortedSet<int>(best.Changed);
                for (var i = 0; i < outlines.Length; i++)
                {
                    if (ReferenceEquals(outlines[i], best.Current[i]))
                    {
                        continue;
                    }

                    if (!string.Equals(trees[i].FilePath, best.Paths[i], StringComparison.Ordinal))
                    {
                        return null;
                    }

                    if (ReferenceEquals(outlines[i], best.Canonical[i]))
                    {
                        changed.Remove(i);
                    }
                    else if (best.Found.SameAnswer(best.Canonical[i], outlines[i]))
                    {
                        changed.Add(i);
                    }
                    else
                    {
                        return null;
                    }
                }

                if (changed.Count > MaxDrift)
                {
                    return null;
                }

                var replaced = new Dictionary<MethodOutline, MethodOutline>();
                foreach (var i in changed)
                {
                    var before = best.Canonical[i].Methods;
                    var now = outlines[i].Methods;
                    for (var j = 0; j < before.Length; j++)
                    {
                        if (best.Found._joined.Contains(before[j]))
                        {
                            replaced[before[j]] = now[j];
                        }
                    }
                }

                var positions = new int[changed.Count];
                changed.CopyTo(positions);
                var next = new Entry(best.Paths, best.Canonical, outlines, best.Configured, best.Found, positions, view: null);
                next.View = new Candidates(best.Found, replaced, next);
                Store(trees, next);
                return next.View;
            }

            private static IEnumerable<SyntaxTree> Probes(ImmutableArray<SyntaxTree> trees)
            {
                if (trees.IsEmpty)
                {
                    yield break;
                }

                yield return trees[0];
                if (trees.Length > 2)
                {
                    yield return trees[trees.Length / 2];
                }

                if (trees.Length > 1)
                {
                    yield return trees[trees.Length - 1];
                }
            }

            private static void Store(ImmutableArray<SyntaxTree> trees, Entry entry)
            {
                foreach (var tree in Probes(trees))
                {
                    Volatile.Write(ref ByTree.GetOrCreateValue(tree).Entry, entry);
                }
            }

            private static int CountChanges(TreeOutline[] before, TreeOutline[] now, int stopAt)
            {
                var changes = 0;
                for (var i = 0; i < now.Length && changes < stopAt; i++)
                {
                    if (!ReferenceEquals(before[i], now[i]))
                    {
                        changes++;
                    }
                }

                return changes;
            }

            /// <summary>The latest entry remembered under one syntax tree.</summary>
            private sealed class Holder
            {
                public Entry? Entry;
            }

            internal sealed class Entry
            {
                public Entry(string[] paths, TreeOutline[] canonical, TreeOutline[] current, string[] configured, Candidates found, int[] changed, Candidates? view)
                {
                    Paths = paths;
                    Canonical = canonical;
                    Current = current;
                    Configured = configured;
                    Found = found;
                    Changed = changed;
                    View = view;
                }

                public string[] Paths { get; }

                /// <summary>The outlines <see cref="Found"/> was computed from.</summary>
                public TreeOutline[] Canonical { get; }

                /// <summary>The outlines of the compilation <see cref="View"/> answers for.</summary>
                public TreeOutline[] Current { get; }

                public string[] Configured { get; }

                public Candidates Found { get; }

                /// <summary>The positions where <see cref="Current"/> differs from <see cref="Canonical"/>, ascending.</summary>
                public int[] Changed { get; }

                public Candidates? View { get; set; }
            }
        }

        /// <summary>
        /// Whether a file outlined as <paramref name="now"/> in place of <paramref name="before"/> (an outline these
        /// candidates were computed from) leaves the answer as it is: the same methods, types and declared log names,
        /// and each body that differs neither joined nor would join.
        /// </summary>
        private bool SameAnswer(TreeOutline before, TreeOutline now)
        {
            if (before.Methods.Length != now.Methods.Length || before.Types.Length != now.Types.Length
                || !before.DeclaredLogNames.SequenceEqual(now.DeclaredLogNames, StringComparer.Ordinal))
            {
                return false;
            }

            for (var i = 0; i < before.Types.Length; i++)
            {
                if (before.Types[i].Name != now.Types[i].Name || !before.Types[i].Bases.SequenceEqual(now.Types[i].Bases, StringComparer.Ordinal))
                {
                    return false;
                }
            }

            for (var i = 0; i < before.Methods.Length; i++)
            {
                var was = before.Methods[i];
                var is_ = now.Methods[i];
                if (was.Name != is_.Name || was.ContainingType != is_.ContainingType || was.IsExtension != is_.IsExtension || was.HasBody != is_.HasBody)
                {
                    return false;
                }

                if (!was.HasBody)
                {
                    continue;
                }

                var sameWords = WordHashes.SameWords(was.Words, is_.Words);
                if (sameWords && (!was.MayCall(Reaching) || was.ForwardsTo.SequenceEqual(is_.ForwardsTo)))
                {
                    // A body that can call no name that reaches anything joins at no level, whatever it forwards; one
                    // that forwards the same calls joins exactly where it did.
                    continue;
                }

                if (_joined.Contains(was) || PassesOnTo(is_, Reaching))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Whether <paramref name="method"/> passes a parameter to a log method or a candidate found so far. What its body
        /// passes on is read only when its text may call one of <paramref name="reaching"/> (sorted hashes of names).
        /// </summary>
        public bool PassesOnTo(MethodOutline method, int[] reaching)
        {
            if (!method.HasBody || !method.MayCall(reaching))
            {
                return false;
            }

            foreach (var target in method.ForwardsTo)
            {
                if (Reaches(target))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The application's types by simple name, with what they derive from, as syntax declares them.</summary>
    private sealed class TypeGraph
    {
        private readonly Dictionary<string, HashSet<string>> _bases = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, HashSet<string>> _closures = new(StringComparer.Ordinal);

        public void Add(TypeOutline type)
        {
            if (!_bases.TryGetValue(type.Name, out var bases))
            {
                _bases[type.Name] = bases = new HashSet<string>(StringComparer.Ordinal);
            }

            foreach (var name in type.Bases)
            {
                bases.Add(name);
            }
        }

        /// <summary>Whether the application declares a type of this simple name.</summary>
        public bool Declares(string type) => _bases.ContainsKey(type);

        /// <summary>Whether <paramref name="type"/> is <paramref name="declaring"/> or derives from it, by simple names.</summary>
        public bool IsSelfOrBase(string type, string declaring) =>
            type == declaring || _closures.GetOrAdd(type, Closure).Contains(declaring);

        private HashSet<string> Closure(string type)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { type };
            var pending = new Stack<string>();
            pending.Push(type);
            while (pending.Count > 0)
            {
                if (_bases.TryGetValue(pending.Pop(), out var bases))
                {
                    foreach (var name in bases)
                    {
                        if (seen.Add(name))
                        {
                            pending.Push(name);
                        }
                    }
                }
            }

            return seen;
        }
    }
}
