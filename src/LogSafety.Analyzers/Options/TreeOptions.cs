using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LogSafety.Analyzers.Options;

/// <summary>The parsed options of each file, for one compilation: asked for on every invocation, parsed once per file.</summary>
internal sealed class TreeOptions
{
    private readonly AnalyzerConfigOptionsProvider _provider;
    private readonly ConcurrentDictionary<SyntaxTree, LogSafetyOptions> _byTree = new();
    private readonly Func<SyntaxTree, LogSafetyOptions> _parseFor;

    public TreeOptions(AnalyzerConfigOptionsProvider provider)
    {
        _provider = provider;
        _parseFor = tree => LogSafetyOptions.Parse(_provider.GetOptions(tree));
    }

    /// <summary>The options of <paramref name="tree"/>: its .editorconfig sections and the global ones.</summary>
    public LogSafetyOptions For(SyntaxTree tree) =>
        _byTree.TryGetValue(tree, out var known) ? known : _byTree.GetOrAdd(tree, _parseFor);

    /// <summary>
    /// Each distinct options object of <paramref name="trees"/>, once, in the order of the trees. The compiler gives
    /// every file with .editorconfig settings its own object, but all files without any share one.
    /// </summary>
    public static IEnumerable<AnalyzerConfigOptions> Distinct(AnalyzerConfigOptionsProvider provider, IEnumerable<SyntaxTree> trees)
    {
        var seen = new HashSet<AnalyzerConfigOptions>(SameInstance.Comparer);
        foreach (var tree in trees)
        {
            var options = provider.GetOptions(tree);
            if (seen.Add(options))
            {
                yield return options;
            }
        }
    }

    private sealed class SameInstance : IEqualityComparer<AnalyzerConfigOptions>
    {
        public static readonly SameInstance Comparer = new();

        public bool Equals(AnalyzerConfigOptions? x, AnalyzerConfigOptions? y) => ReferenceEquals(x, y);

        public int GetHashCode(AnalyzerConfigOptions obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
