using System;
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
/// LS0010: turns EnableSensitiveDataLogging() into EnableSensitiveDataLogging(env.IsDevelopment()) with a host
/// environment that is in scope (an IHostEnvironment, or a builder or app with an Environment). Offered only then.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(GuardSensitiveDataLoggingCodeFix)), Shared]
public sealed class GuardSensitiveDataLoggingCodeFix : DocumentEditingCodeFix
{
    public const string Key = "LogSafety.GuardSensitiveDataLogging";
    private const string HostingNamespace = "Microsoft.Extensions.Hosting";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.EfSensitiveDataLogging);

    protected override string Title => "Enable sensitive data logging only in development";

    protected override string EquivalenceKey => Key;

    protected override SyntaxNode? FindTarget(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        SensitiveDataLoggingCall.Find(root, diagnostic) is { } invocation
        && invocation.ArgumentList.Arguments.Count <= 1
        && (invocation.ArgumentList.Arguments.Count == 0 || invocation.ArgumentList.Arguments[0].Expression.IsKind(SyntaxKind.TrueLiteralExpression))
        && DevelopmentCheck(model, invocation.SpanStart) is not null
            ? invocation
            : null;

    protected override void Apply(DocumentEditor editor, SyntaxNode target, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var invocation = (InvocationExpressionSyntax)target;
        var check = DevelopmentCheck(model, invocation.SpanStart)!;
        var arguments = SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(check)))
            .WithTriviaFrom(invocation.ArgumentList);
        editor.ReplaceNode(invocation, (current, _) => ((InvocationExpressionSyntax)current).WithArgumentList(arguments));
    }

    protected override void Complete(DocumentEditor editor, SemanticModel model, CancellationToken cancellationToken)
    {
        // IsDevelopment() is an extension method in Microsoft.Extensions.Hosting.
        if (editor.OriginalRoot is not CompilationUnitSyntax unit || HasHostingImport(model, unit))
        {
            return;
        }

        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(HostingNamespace)).WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed);
        editor.ReplaceNode(unit, (current, _) =>
        {
            var currentUnit = (CompilationUnitSyntax)current;
            var usings = currentUnit.Usings;
            var index = 0;
            while (index < usings.Count && string.CompareOrdinal(usings[index].Name?.ToString(), HostingNamespace) < 0)
            {
                index++;
            }

            if (usings.Count > 0)
            {
                directive = directive.WithTrailingTrivia(usings[Math.Min(index, usings.Count - 1)].GetTrailingTrivia());
            }

            return currentUnit.WithUsings(usings.Insert(index, directive));
        });
    }

    private static bool HasHostingImport(SemanticModel model, CompilationUnitSyntax unit)
    {
        var hosting = model.Compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.HostEnvironmentEnvExtensions");
        return hosting is null
            || model.LookupNamespacesAndTypes(unit.Members.FirstOrDefault()?.SpanStart ?? unit.EndOfFileToken.SpanStart, name: hosting.Name)
                .Any(symbol => SymbolEqualityComparer.Default.Equals(symbol, hosting));
    }

    /// <summary>
    /// <c>env.IsDevelopment()</c> or <c>builder.Environment.IsDevelopment()</c> for a local or parameter in scope and
    /// declared before <paramref name="position"/>; an environment itself is preferred over a builder or app.
    /// </summary>
    private static ExpressionSyntax? DevelopmentCheck(SemanticModel model, int position)
    {
        var hostEnvironment = model.Compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.IHostEnvironment");
        if (hostEnvironment is null)
        {
            return null;
        }

        string? viaEnvironmentProperty = null;
        foreach (var symbol in model.LookupSymbols(position))
        {
            var (name, type) = symbol switch
            {
                ILocalSymbol local when local.Locations.Length > 0 && local.Locations[0].SourceSpan.End < position => (local.Name, local.Type),
                IParameterSymbol parameter => (parameter.Name, parameter.Type),
                _ => (null, null),
            };
            if (name is null || type is null)
            {
                continue;
            }

            if (IsHostEnvironment(type, hostEnvironment))
            {
                return SyntaxFactory.ParseExpression(EscapedName(name) + ".IsDevelopment()");
            }

            if (viaEnvironmentProperty is null
                && type.GetMembers("Environment").OfType<IPropertySymbol>().Any(p => !p.IsStatic && IsHostEnvironment(p.Type, hostEnvironment)))
            {
                viaEnvironmentProperty = EscapedName(name) + ".Environment.IsDevelopment()";
            }
        }

        return viaEnvironmentProperty is null ? null : SyntaxFactory.ParseExpression(viaEnvironmentProperty);
    }

    private static bool IsHostEnvironment(ITypeSymbol type, INamedTypeSymbol hostEnvironment) =>
        SymbolEqualityComparer.Default.Equals(type, hostEnvironment) || type.AllInterfaces.Contains(hostEnvironment, SymbolEqualityComparer.Default);

    private static string EscapedName(string name) => SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;
}
