using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using LogSafety.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace LogSafety.CodeFixes;

/// <summary>
/// LS0007 fix "Log only the scheme, host and path of 'uri'": a logged <see cref="System.Uri"/> (or its
/// <c>AbsoluteUri</c>, <c>OriginalString</c>, <c>ToString()</c>) becomes
/// <c>uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)</c>, which drops the
/// user info, the query and the fragment. The value stays one string in the same place, so the template is unchanged.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LogUriWithoutCredentialsCodeFix)), Shared]
public sealed class LogUriWithoutCredentialsCodeFix : DocumentEditingCodeFix
{
    public const string Key = "LogSafety.LogUriSchemeHostAndPath";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ConnectionStringOrUrl);

    protected override string Title => "Log only the scheme, host and path";

    protected override string EquivalenceKey => Key;

    /// <summary>Fix All fixes every LS0007 finding: a connection string gets its own rewrite, anything else is removed.</summary>
    protected override ImmutableArray<DocumentEditingCodeFix> FallbackFixes =>
        ImmutableArray.Create<DocumentEditingCodeFix>(new LogServerAndDatabaseCodeFix(), new RemoveInDocumentFix(RuleIds.ConnectionStringOrUrl));

    protected override string TitleFor(SyntaxNode target, Diagnostic diagnostic) => $"Log only the scheme, host and path of '{target.WithoutTrivia()}'";

    protected override SyntaxNode? FindTarget(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        LoggedExpression.At(root, diagnostic) is { } value && UriOf(value, model, cancellationToken) is not null ? value : null;

    protected override void Apply(DocumentEditor editor, SyntaxNode target, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (UriOf((ExpressionSyntax)target, model, cancellationToken) is not { } uri)
        {
            return;
        }

        // Qualified from global:: and simplified after the edit: 'UriComponents' under 'using System;', 'System.UriComponents' without.
        var arguments = SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
        {
            SyntaxFactory.Argument(SyntaxFactory.BinaryExpression(SyntaxKind.BitwiseOrExpression, Qualified("UriComponents.SchemeAndServer"), Qualified("UriComponents.Path"))),
            SyntaxFactory.Argument(Qualified("UriFormat.UriEscaped")),
        }));
        var receiver = uri.WithoutTrivia();
        if (receiver is not (IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
            or ObjectCreationExpressionSyntax or ThisExpressionSyntax or ParenthesizedExpressionSyntax))
        {
            receiver = SyntaxFactory.ParenthesizedExpression(receiver);
        }

        // A Uri that may be null (HttpRequestMessage.RequestUri) is read with '?.', as the logged value could be null too.
        ExpressionSyntax replacement = model.GetTypeInfo(uri, cancellationToken).Nullability.FlowState == NullableFlowState.MaybeNull
            ? SyntaxFactory.ConditionalAccessExpression(
                receiver,
                SyntaxFactory.InvocationExpression(SyntaxFactory.MemberBindingExpression(SyntaxFactory.IdentifierName("GetComponents")), arguments))
            : SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName("GetComponents")),
                arguments);
        editor.ReplaceNode(target, replacement.WithTriviaFrom(target));
    }

    private static ExpressionSyntax Qualified(string member) =>
        SyntaxFactory.ParseExpression("global::System." + member).WithAdditionalAnnotations(Simplifier.Annotation);

    /// <summary>The Uri whose text <paramref name="value"/> is: the value itself, or the receiver of AbsoluteUri, OriginalString or ToString().</summary>
    private static ExpressionSyntax? UriOf(ExpressionSyntax value, SemanticModel model, CancellationToken cancellationToken)
    {
        var uriType = model.Compilation.GetTypeByMetadataName("System.Uri");
        if (uriType is null)
        {
            return null;
        }

        var candidate = value switch
        {
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AbsoluteUri" or "OriginalString" } member => member.Expression,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToString" } member, ArgumentList.Arguments.Count: 0 } => member.Expression,
            _ => value,
        };
        if (candidate != value && !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(value, cancellationToken).Symbol?.ContainingType, uriType))
        {
            candidate = value;
        }

        return SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(candidate, cancellationToken).Type, uriType) ? candidate : null;
    }
}
