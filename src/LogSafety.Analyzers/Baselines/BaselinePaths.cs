using System;
using System.Collections.Generic;
using System.Text;

namespace LogSafety.Analyzers.Baselines;

/// <summary>
/// The path of a source file as a fingerprint records it: relative to the root (the baseline file's folder), with '/'
/// separators. Pure string work, so the compiler's suppressor (which may not touch the file system) and the tool agree.
/// </summary>
internal static class BaselinePaths
{
    /// <summary>The folder of <paramref name="file"/>, or "" when it has none.</summary>
    public static string FolderOf(string file)
    {
        var normalized = file.Replace('\\', '/');
        var slash = normalized.LastIndexOf('/');
        return slash < 0 ? "" : normalized.Substring(0, slash == 0 ? 1 : slash);
    }

    /// <summary>
    /// <paramref name="path"/> relative to <paramref name="root"/> ("src/A.cs", "../lib/B.cs"); a path that is not
    /// absolute, or on another drive, is returned as it is, with '/' separators.
    /// </summary>
    public static string Relative(string root, string path)
    {
        var target = Segments(path, out var targetAnchor);
        var from = Segments(root, out var rootAnchor);
        if (targetAnchor is null || rootAnchor is null || !string.Equals(targetAnchor, rootAnchor, StringComparison.OrdinalIgnoreCase))
        {
            return path.Replace('\\', '/');
        }

        // Windows paths (a drive letter) compare without case, as the file system does; others by ordinal.
        var comparison = targetAnchor.EndsWith(":", StringComparison.Ordinal) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var common = 0;
        while (common < from.Count && common < target.Count && string.Equals(from[common], target[common], comparison))
        {
            common++;
        }

        var relative = new StringBuilder();
        for (var i = common; i < from.Count; i++)
        {
            relative.Append("../");
        }

        for (var i = common; i < target.Count; i++)
        {
            relative.Append(target[i]).Append(i < target.Count - 1 ? "/" : "");
        }

        return relative.Length == 0 ? "." : relative.ToString();
    }

    /// <summary>The folders and file of an absolute path, with "." and ".." resolved; the anchor is "/" or a drive ("C:").</summary>
    private static List<string> Segments(string path, out string? anchor)
    {
        var normalized = path.Replace('\\', '/');
        anchor = normalized.StartsWith("/", StringComparison.Ordinal) ? "/"
            : normalized.Length >= 2 && char.IsLetter(normalized[0]) && normalized[1] == ':' ? normalized.Substring(0, 2)
            : null;
        var segments = new List<string>();
        if (anchor is null)
        {
            return segments;
        }

        foreach (var segment in normalized.Substring(anchor.Length).Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            segments.Add(segment);
        }

        return segments;
    }
}
