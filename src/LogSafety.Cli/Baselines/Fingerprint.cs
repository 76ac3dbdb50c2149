using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LogSafety.Cli.Baselines;

/// <summary>
/// A finding's identity across edits: the rule, the file relative to the root, the normalized text of the log call and
/// of the value, and which of several identical calls it is. No line numbers, so inserted lines and reformatting keep
/// it; any change to the tokens of the call changes it.
/// </summary>
internal static class Fingerprint
{
    public const string SarifKey = "logSafety/v1";

    /// <summary>The text of the statement (or member) that holds the reported value, and of the value itself.</summary>
    public static (string Call, string Value) Subject(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        var value = root.FindNode(span, getInnermostNodeForTie: true);
        SyntaxNode call = value.FirstAncestorOrSelf<StatementSyntax>()
            ?? value.FirstAncestorOrSelf<MemberDeclarationSyntax>() as SyntaxNode
            ?? value;
        return (Normalize(call), Normalize(value));
    }

    /// <summary>Tokens separated by one space: whitespace, line breaks and comments do not count.</summary>
    public static string Normalize(SyntaxNode node) =>
        string.Join(" ", node.DescendantTokens().Select(token => token.Text));

    public static string Compute(string ruleId, string relativePath, string call, string value, int occurrence)
    {
        var text = string.Join("\n", ruleId, relativePath.Replace('\\', '/'), call, value, occurrence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(hash, 0, 16);
    }

    /// <summary>
    /// Fingerprints for findings in source order: identical (rule, path, call, value) keys are numbered 0, 1, 2...
    /// </summary>
    public static IReadOnlyList<string> ComputeAll(IReadOnlyList<(string RuleId, string RelativePath, string Call, string Value)> findingsInSourceOrder)
    {
        var seen = new Dictionary<(string, string, string, string), int>();
        var result = new List<string>(findingsInSourceOrder.Count);
        foreach (var key in findingsInSourceOrder)
        {
            seen.TryGetValue(key, out var occurrence);
            seen[key] = occurrence + 1;
            result.Add(Compute(key.RuleId, key.RelativePath, key.Call, key.Value, occurrence));
        }

        return result;
    }
}
