using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using LogSafety.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace LogSafety.CodeFixes;

/// <summary>
/// LS0011: takes a credential header out of the HTTP or W3C logging allow-list (the <c>Add</c> statement, or the
/// element of a collection initializer), so that ASP.NET Core logs it as [Redacted] again.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveLoggedHeaderCodeFix)), Shared]
public sealed class RemoveLoggedHeaderCodeFix : DocumentEditingCodeFix
{
    public const string Key = "LogSafety.RemoveLoggedHeader";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.HttpLoggingOfSecrets);

    protected override string Title => "Remove the header from the logged headers";

    protected override string EquivalenceKey => Key;

    /// <summary>Fix All fixes every LS0011 finding: the other kind gets the other rewrite.</summary>
    protected override ImmutableArray<DocumentEditingCodeFix> FallbackFixes =>
        ImmutableArray.Create<DocumentEditingCodeFix>(new RemoveLoggedFieldCodeFix());

    protected override SyntaxNode? FindTarget(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Kind, out var kind)
            || kind != DiagnosticProperties.HeaderKind
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax header)
        {
            return null;
        }

        return header.Parent switch
        {
            // new HttpLoggingOptions { RequestHeaders = { "Authorization" } }
            InitializerExpressionSyntax => header,

            // options.RequestHeaders.Add("Authorization");
            ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax add } }
                when Statements.CanRemove(add, model, cancellationToken) => add,
            _ => null,
        };
    }

    protected override void Apply(DocumentEditor editor, SyntaxNode target, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (target is InvocationExpressionSyntax add)
        {
            Statements.RemoveExpression(editor, add, model, cancellationToken);
            return;
        }

        editor.RemoveNode(target);
    }
}
