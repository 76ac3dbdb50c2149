using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LogSafety.Benchmarks;

/// <summary>
/// The analyzer options a build would give the folder's files: every .editorconfig under the folder, applied per file
/// as the compiler applies them, and, as the compiler does, a new options object per file that has any settings
/// (over one shared dictionary) and one empty object for the files that have none. Diagnostic severities set there are
/// not applied: the benchmark measures analysis, not what is reported.
/// </summary>
internal static class EditorConfigOptions
{
    public static AnalyzerConfigOptionsProvider? For(string directory, IEnumerable<SyntaxTree> trees, IReadOnlyCollection<string> skippedFolders, out int count)
    {
        var configs = Directory.EnumerateFiles(directory, ".editorconfig", SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(directory, path).Split(Path.DirectorySeparatorChar).Any(skippedFolders.Contains))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => AnalyzerConfig.Parse(File.ReadAllText(path), path))
            .ToList();
        count = configs.Count;
        if (configs.Count == 0)
        {
            return null;
        }

        var set = AnalyzerConfigSet.Create(configs);
        var perTree = new Dictionary<SyntaxTree, AnalyzerConfigOptions>();
        foreach (var tree in trees)
        {
            var values = set.GetOptionsForSourcePath(tree.FilePath).AnalyzerOptions;
            if (values.Count > 0)
            {
                perTree.Add(tree, new Options(values));
            }
        }

        return new Provider(perTree, new Options(set.GlobalConfigOptions.AnalyzerOptions));
    }

    private sealed class Provider : AnalyzerConfigOptionsProvider
    {
        private static readonly Options Empty = new(ImmutableDictionary<string, string>.Empty);
        private readonly Dictionary<SyntaxTree, AnalyzerConfigOptions> _perTree;

        public Provider(Dictionary<SyntaxTree, AnalyzerConfigOptions> perTree, AnalyzerConfigOptions global)
        {
            _perTree = perTree;
            GlobalOptions = global;
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _perTree.TryGetValue(tree, out var options) ? options : Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;
    }

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _values;

        public Options(ImmutableDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);

        public override IEnumerable<string> Keys => _values.Keys;
    }
}
