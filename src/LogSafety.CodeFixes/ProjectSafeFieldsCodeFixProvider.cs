using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using LogSafety.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace LogSafety.CodeFixes;

/// <summary>
/// LS0006 fix "Log only the safe fields of 'request'": replaces the object logged whole with an anonymous projection
/// of its non-sensitive public members (<c>new { request.Email, request.RememberMe }</c>). The placeholder and its
/// '@' stay; inside JsonSerializer.Serialize the projection is what gets serialized. The analyzer decides which
/// members are safe and whether the slot takes any object, and hands the list over in the diagnostic's properties.
/// Where no projection fits (a serialized string in a local, a typed slot, nothing safe), the value goes from the
/// call as LS0001–LS0005 values do ("Remove 'json' from the log call"), so that every LS0006 finding has a fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ProjectSafeFieldsCodeFixProvider)), Shared]
public sealed class ProjectSafeFieldsCodeFixProvider : DocumentEditingCodeFix
{
    public const string Key = "LogSafety.ProjectSafeFields";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ObjectWithSecrets);

    protected override string Title => "Log only the safe fields";

    protected override string EquivalenceKey => Key;

    protected override string TitleFor(SyntaxNode target, Diagnostic diagnostic) => SafeMembers(diagnostic).IsEmpty
        ? RemoveLoggedValueCodeFixProvider.Title(target.WithoutTrivia().ToString())
        : $"Log only the safe fields of '{target.WithoutTrivia()}'";

    protected override SyntaxNode? FindTarget(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        // Without a projection, the removal must fit (the options only tune label text, so the defaults decide that).
        if (SafeMembers(diagnostic).IsEmpty && !RemoveInDocumentFix.CanRemove(root, model, diagnostic, cancellationToken))
        {
            return null;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (node is ArgumentSyntax argument)
        {
            node = argument.Expression;
        }

        return node is ExpressionSyntax expression && expression.Span == diagnostic.Location.SourceSpan ? expression : null;
    }

    protected override void Apply(DocumentEditor editor, SyntaxNode target, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (SafeMembers(diagnostic).IsEmpty)
        {
            RemoveInDocumentFix.Remove(editor, model, diagnostic, cancellationToken);
            return;
        }

        var receiver = target.WithoutTrivia().ToString();
        var projection = SyntaxFactory.ParseExpression(
            "new { " + string.Join(", ", SafeMembers(diagnostic).Select(member => receiver + "." + member)) + " }");

        // An interpolation hole reads '{' and '}' itself: keep the projection's braces inside parentheses.
        if (target.Parent is InterpolationSyntax)
        {
            projection = SyntaxFactory.ParenthesizedExpression(projection);
        }

        editor.ReplaceNode(target, projection.WithTriviaFrom(target));
    }

    private static ImmutableArray<string> SafeMembers(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(DiagnosticProperties.SafeMembers, out var list) && !string.IsNullOrEmpty(list)
            ? list!.Split(',').Where(SyntaxFacts.IsValidIdentifier).ToImmutableArray()
            : ImmutableArray<string>.Empty;
}
