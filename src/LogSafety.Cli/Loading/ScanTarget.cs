using System;
using System.IO;
using System.Linq;

namespace LogSafety.Cli.Loading;

/// <summary>What PATH names: a solution or project file (project mode), or a folder of sources (loose mode).</summary>
internal sealed record ScanTarget(string Root, string? ProjectOrSolution)
{
    public bool IsLoose => ProjectOrSolution is null;

    public static ScanTarget Resolve(string path, bool loose)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            var extension = Path.GetExtension(full).ToLowerInvariant();
            if (extension is not (".sln" or ".slnx" or ".csproj"))
            {
                throw new UsageException($"{path}: not a .sln, .slnx or .csproj file, nor a folder");
            }

            var root = Path.GetDirectoryName(full)!;
            return loose ? new ScanTarget(root, null) : new ScanTarget(root, full);
        }

        if (!Directory.Exists(full))
        {
            throw new UsageException($"{path}: no such file or folder");
        }

        if (loose)
        {
            return new ScanTarget(full, null);
        }

        var solutions = Directory.GetFiles(full, "*.sln").Concat(Directory.GetFiles(full, "*.slnx")).Order(StringComparer.Ordinal).ToArray();
        var projects = Directory.GetFiles(full, "*.csproj").Order(StringComparer.Ordinal).ToArray();
        var candidates = solutions.Length > 0 ? solutions : projects;
        return candidates.Length switch
        {
            0 => new ScanTarget(full, null),
            1 => new ScanTarget(full, candidates[0]),
            _ => throw new UsageException($"{path}: holds {candidates.Length} {(solutions.Length > 0 ? "solutions" : "projects")} ("
                + string.Join(", ", candidates.Select(Path.GetFileName)) + "); name one, or pass --loose"),
        };
    }
}
