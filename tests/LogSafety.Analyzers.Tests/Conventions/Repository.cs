using System;
using System.IO;

namespace LogSafety.Analyzers.Tests.Conventions;

/// <summary>Paths in the repository the tests run from: the directory that holds LogSafety.Analyzers.sln.</summary>
internal static class Repository
{
    public const string SolutionFileName = "LogSafety.Analyzers.sln";

    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string PathOf(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No {SolutionFileName} above {AppContext.BaseDirectory}.");
    }
}
