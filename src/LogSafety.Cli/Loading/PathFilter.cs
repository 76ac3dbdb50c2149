using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace LogSafety.Cli.Loading;

/// <summary>
/// Which files under the root are left out: bin/, obj/, hidden folders and the --exclude globs. A glob with a '/' is
/// matched against the path relative to the root ('**' spans folders); one without is matched against each part.
/// </summary>
internal sealed class PathFilter
{
    private static readonly HashSet<string> AlwaysSkipped = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules" };
    private readonly List<(Regex Pattern, bool WholePath)> _excludes;

    public PathFilter(IEnumerable<string> excludeGlobs)
    {
        _excludes = excludeGlobs
            .Where(g => !string.IsNullOrWhiteSpace(g))
            .Select(g => g.Trim().Replace('\\', '/').TrimStart('.', '/'))
            .Select(g => (ToRegex(g.TrimEnd('/')), g.Contains('/')))
            .ToList();
    }

    public bool IsExcluded(string relativePath)
    {
        var path = relativePath.Replace('\\', '/');
        var parts = path.Split('/');
        if (parts.Take(parts.Length - 1).Any(p => AlwaysSkipped.Contains(p) || (p.StartsWith('.') && p != ".." && p.Length > 1)))
        {
            return true;
        }

        foreach (var (pattern, wholePath) in _excludes)
        {
            if (wholePath ? pattern.IsMatch(path) || AnyPrefixMatches(pattern, parts) : parts.Any(pattern.IsMatch))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyPrefixMatches(Regex pattern, string[] parts)
    {
        // "tests/legacy" excludes everything under that folder.
        for (var i = 1; i < parts.Length; i++)
        {
            if (pattern.IsMatch(string.Join('/', parts.Take(i))))
            {
                return true;
            }
        }

        return false;
    }

    private static Regex ToRegex(string glob)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                regex.Append(slash ? "(.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    }
}
