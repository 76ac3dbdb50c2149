using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
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

    /// <summary>
    /// The log methods <paramref name="tree"/>'s options add (<see cref="LogSafetyOptions.LogMethodsKey"/>). Asked of
    /// every file when wrapper candidates are found: a file whose options do not set that key is not parsed further.
    /// </summary>
    public ImmutableArray<MethodName> LogMethodsFor(SyntaxTree tree)
    {
        if (_byTree.TryGetValue(tree, out var known))
        {
            return known.LogMethods;
        }

        return _provider.GetOptions(tree).TryGetValue(LogSafetyOptions.LogMethodsKey, out _) ? For(tree).LogMethods : ImmutableArray<MethodName>.Empty;
    }

    /// <summary>The options of <paramref name="tree"/>: its .editorconfig sections and the global ones.</summary>
    public LogSafetyOptions For(SyntaxTree tree) =>
        _byTree.TryGetValue(tree, out var known) ? known : _byTree.GetOrAdd(tree, _parseFor);
}
