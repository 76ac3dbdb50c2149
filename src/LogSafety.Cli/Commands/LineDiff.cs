using System;
using System.Collections.Generic;
using System.Text;

namespace LogSafety.Cli.Commands;

/// <summary>A small unified line diff for `fix --dry-run`: common prefix and suffix trimmed, the rest by longest common subsequence.</summary>
internal static class LineDiff
{
    public static IEnumerable<string> Hunks(string[] before, string[] after, int context)
    {
        var prefix = 0;
        while (prefix < before.Length && prefix < after.Length && before[prefix] == after[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < before.Length - prefix && suffix < after.Length - prefix && before[^(suffix + 1)] == after[^(suffix + 1)])
        {
            suffix++;
        }

        // Edit script over the middle: ' ' kept, '-' removed, '+' added, each with its line indexes.
        var script = new List<(char Op, int Old, int New)>();
        for (var i = 0; i < prefix; i++)
        {
            script.Add((' ', i, i));
        }

        var n = before.Length - prefix - suffix;
        var m = after.Length - prefix - suffix;
        if ((long)n * m > 4_000_000)
        {
            for (var i = 0; i < n; i++)
            {
                script.Add(('-', prefix + i, -1));
            }

            for (var j = 0; j < m; j++)
            {
                script.Add(('+', -1, prefix + j));
            }
        }
        else
        {
            var lcs = new int[n + 1, m + 1];
            for (var i = n - 1; i >= 0; i--)
            {
                for (var j = m - 1; j >= 0; j--)
                {
                    lcs[i, j] = before[prefix + i] == after[prefix + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
                }
            }

            int a = 0, b = 0;
            while (a < n || b < m)
            {
                if (a < n && b < m && before[prefix + a] == after[prefix + b])
                {
                    script.Add((' ', prefix + a++, prefix + b++));
                }
                else if (a < n && (b == m || lcs[a + 1, b] >= lcs[a, b + 1]))
                {
                    script.Add(('-', prefix + a++, -1));
                }
                else
                {
                    script.Add(('+', -1, prefix + b++));
                }
            }
        }

        for (var k = 0; k < suffix; k++)
        {
            script.Add((' ', before.Length - suffix + k, after.Length - suffix + k));
        }

        var index = 0;
        while (index < script.Count)
        {
            if (script[index].Op == ' ')
            {
                index++;
                continue;
            }

            var start = Math.Max(0, index - context);
            var end = index;
            // Extend the hunk while the next change is within two contexts.
            while (end < script.Count)
            {
                var next = end;
                while (next < script.Count && script[next].Op == ' ')
                {
                    next++;
                }

                if (next == script.Count || next - end > 2 * context)
                {
                    break;
                }

                end = next + 1;
            }

            end = Math.Min(script.Count, end + context);
            var text = new StringBuilder();
            int oldStart = -1, newStart = -1, oldCount = 0, newCount = 0;
            for (var k = start; k < end; k++)
            {
                var (op, old, @new) = script[k];
                if (op != '+')
                {
                    oldStart = oldStart < 0 ? old : oldStart;
                    oldCount++;
                }

                if (op != '-')
                {
                    newStart = newStart < 0 ? @new : newStart;
                    newCount++;
                }

                text.Append('\n').Append(op).Append(op == '+' ? after[@new] : before[old]);
            }

            yield return $"@@ -{oldStart + 1},{oldCount} +{newStart + 1},{newCount} @@" + text;
            index = end;
        }
    }
}
