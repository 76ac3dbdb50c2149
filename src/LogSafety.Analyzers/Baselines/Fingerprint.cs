using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace LogSafety.Analyzers.Baselines;

/// <summary>
/// A finding's identity across edits: the rule, the file relative to the root, the normalized text of the log call and
/// of the value, and which of several identical calls it is. No line numbers, so inserted lines and reformatting keep
/// it; any change to the tokens of the call changes it. The one implementation behind both the <c>logsafety</c> tool's
/// baselines and SARIF fingerprints and the build's <see cref="Rules.BaselineSuppressor"/>, so the two always agree.
/// </summary>
internal static class Fingerprint
{
    public const string SarifKey = "logSafety/v1";

    /// <summary>The fingerprint of the finding of <paramref name="ruleId"/> reported at <paramref name="span"/>.</summary>
    /// <remarks>
    /// The occurrence index is counted in the syntax of the file, not among the findings someone happened to compute:
    /// an IDE asks the suppressor about a few diagnostics at a time, and the answer must not depend on which.
    /// </remarks>
    public static string Of(string ruleId, string relativePath, SyntaxNode root, TextSpan span)
    {
        var value = ValueAt(root, span);
        var call = CallOf(value);
        var callText = Normalize(call);
        var valueText = Normalize(value);
        return Compute(ruleId, relativePath, callText, valueText, Occurrence(root, call, callText, value, valueText));
    }

    /// <summary>The text of the statement (or member) that holds the reported value, and of the value itself.</summary>
    public static (string Call, string Value) Subject(SyntaxNode root, TextSpan span)
    {
        var value = ValueAt(root, span);
        return (Normalize(CallOf(value)), Normalize(value));
    }

    /// <summary>Tokens separated by one space: whitespace, line breaks and comments do not count.</summary>
    public static string Normalize(SyntaxNode node) =>
        string.Join(" ", node.DescendantTokens().Select(token => token.Text));

    public static string Compute(string ruleId, string relativePath, string call, string value, int occurrence)
    {
        var text = string.Join("\n", ruleId, relativePath.Replace('\\', '/'), call, value, occurrence.ToString(CultureInfo.InvariantCulture));
        byte[] hash;
        using (var sha = SHA256.Create())
        {
            hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
        }

        var hex = new StringBuilder(32);
        for (var i = 0; i < 16; i++)
        {
            hex.Append(hash[i].ToString("x2", CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }

    private static SyntaxNode ValueAt(SyntaxNode root, TextSpan span) =>
        root.FindNode(span, getInnermostNodeForTie: true);

    private static SyntaxNode CallOf(SyntaxNode value) =>
        value.FirstAncestorOrSelf<StatementSyntax>()
        ?? value.FirstAncestorOrSelf<MemberDeclarationSyntax>() as SyntaxNode
        ?? value;

    /// <summary>How many values with the same text, in calls with the same text, come before this one in the file.</summary>
    private static int Occurrence(SyntaxNode root, SyntaxNode call, string callText, SyntaxNode value, string valueText)
    {
        var start = value.SpanStart;
        var count = 0;
        foreach (var node in root.DescendantNodes(n => n.SpanStart < start))
        {
            if (node.SpanStart >= start || node.RawKind != value.RawKind || Normalize(node) != valueText)
            {
                continue;
            }

            var candidateCall = CallOf(node);
            if (candidateCall.RawKind == call.RawKind && Normalize(candidateCall) == callText)
            {
                count++;
            }
        }

        return count;
    }
}
