using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LogSafety.Analyzers;
using LogSafety.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LogSafety.CodeFixes;

/// <summary>
/// LS0006 fix "Log only the safe fields of 'request'": replaces the object logged whole with an anonymous projection
/// of its non-sensitive public members (<c>new { request.Email, request.RememberMe }</c>). The placeholder and its
/// '@' stay; inside JsonSerializer.Serialize the projection is what gets serialized. The analyzer decides which
/// members are safe and whether the slot takes any object, and hands the list over in the diagnostic's properties.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ProjectSafeFieldsCodeFixProvider)), Shared]
public sealed class ProjectSafeFieldsCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = "LogSafety.ProjectSafeFields";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ObjectWithSecrets);

    // Each fix replaces one disjoint expression, so the batch fixer merges them without conflicts.
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(LoggedSecretAnalyzer.SafeMembersProperty, out var list) || string.IsNullOrEmpty(list))
            {
                continue;
            }

            if (FindObject(root, diagnostic) is not { } target)
            {
                continue;
            }

            var members = list!.Split(',').Where(m => SyntaxFacts.IsValidIdentifier(m)).ToImmutableArray();
            if (members.IsEmpty)
            {
                continue;
            }

            var name = target.WithoutTrivia().ToString();
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Log only the safe fields of '{name}'",
                    ct => ApplyAsync(context.Document, target.Span, members, ct),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static ExpressionSyntax? FindObject(SyntaxNode root, Diagnostic diagnostic)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (node is ArgumentSyntax argument)
        {
            node = argument.Expression;
        }

        return node is ExpressionSyntax expression && expression.Span == diagnostic.Location.SourceSpan ? expression : null;
    }

    private static async Task<Document> ApplyAsync(Document document, Microsoft.CodeAnalysis.Text.TextSpan span, ImmutableArray<string> members, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root?.FindNode(span, getInnermostNodeForTie: true) is not { } found)
        {
            return document;
        }

        var target = found is ArgumentSyntax argument ? argument.Expression : found as ExpressionSyntax;
        if (target is null)
        {
            return document;
        }

        var receiver = target.WithoutTrivia().ToString();
        var projection = (ExpressionSyntax)SyntaxFactory.ParseExpression(
            "new { " + string.Join(", ", members.Select(member => receiver + "." + member)) + " }");

        // An interpolation hole reads '{' and '}' itself: keep the projection's braces inside parentheses.
        if (target.Parent is InterpolationSyntax)
        {
            projection = SyntaxFactory.ParenthesizedExpression(projection);
        }

        var replacement = projection.WithTriviaFrom(target);
        return document.WithSyntaxRoot(root.ReplaceNode(target, replacement));
    }
}
