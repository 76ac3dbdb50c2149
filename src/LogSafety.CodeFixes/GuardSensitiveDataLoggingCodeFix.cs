using System;
using System.Collections.Generic;
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
/// environment that binds where the call is (an IHostEnvironment, or a builder or app with an Environment, that is a
/// parameter or local of the code around the call). Offered only then; Fix All removes the calls where no environment
/// binds (a DbContext's OnConfiguring cannot see the top-level statements' builder), so that it fixes every finding.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(GuardSensitiveDataLoggingCodeFix)), Shared]
public sealed class GuardSensitiveDataLoggingCodeFix : DocumentEditingCodeFix
{
    public const string Key = "LogSafety.GuardSensitiveDataLogging";
    private const string HostingNamespace = "Microsoft.Extensions.Hosting";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.EfSensitiveDataLogging);

    protected override string Title => "Enable sensitive data logging only in development";

    protected override string EquivalenceKey => Key;

    protected override ImmutableArray<DocumentEditingCodeFix> FallbackFixes =>
        ImmutableArray.Create<DocumentEditingCodeFix>(new RemoveSensitiveDataLoggingCodeFix());

    protected override SyntaxNode? FindTarget(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        SensitiveDataLoggingCall.Find(root, diagnostic) is { } invocation && CanGuard(invocation) && DevelopmentCheck(model, invocation.SpanStart) is not null
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

    protected override void Complete(DocumentEditor editor, SemanticModel model, IReadOnlyList<SyntaxNode> targets, CancellationToken cancellationToken)
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

    private static bool CanGuard(InvocationExpressionSyntax invocation) =>
        invocation.ArgumentList.Arguments.Count == 0
        || (invocation.ArgumentList.Arguments.Count == 1 && invocation.ArgumentList.Arguments[0].Expression.IsKind(SyntaxKind.TrueLiteralExpression));

    private static bool HasHostingImport(SemanticModel model, CompilationUnitSyntax unit)
    {
        var hosting = model.Compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.HostEnvironmentEnvExtensions");
        return hosting is null
            || model.LookupNamespacesAndTypes(unit.Members.FirstOrDefault()?.SpanStart ?? unit.EndOfFileToken.SpanStart, name: hosting.Name)
                .Any(symbol => SymbolEqualityComparer.Default.Equals(symbol, hosting));
    }

    /// <summary>
    /// <c>env.IsDevelopment()</c> or <c>builder.Environment.IsDevelopment()</c> for a local or parameter that binds at
    /// <paramref name="position"/> (see <see cref="BindsAt"/>); an environment itself is preferred over a builder or app.
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
                ILocalSymbol local when BindsAt(local, model, position) => (local.Name, local.Type),
                IParameterSymbol parameter when BindsAt(parameter, model, position) => (parameter.Name, parameter.Type),
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

    /// <summary>
    /// Whether a local or parameter that lookup finds at <paramref name="position"/> can be used there. Lookup also finds
    /// the locals of the top-level statements from inside every type of the program (using them is error CS8801), and
    /// locals declared further down: the symbol must belong to the member or function around the position, or to one
    /// that encloses it without a static lambda or local function in between, and a local must be declared before it.
    /// </summary>
    private static bool BindsAt(ISymbol symbol, SemanticModel model, int position)
    {
        if (symbol.Locations.Length == 0 || symbol.Locations[0].SourceTree != model.SyntaxTree)
        {
            return false;
        }

        if (symbol is ILocalSymbol && symbol.Locations[0].SourceSpan.End >= position)
        {
            return false;
        }

        for (var scope = model.GetEnclosingSymbol(position); scope is IMethodSymbol method; scope = method.ContainingSymbol)
        {
            if (SymbolEqualityComparer.Default.Equals(method, symbol.ContainingSymbol))
            {
                return true;
            }

            // A static lambda or local function captures nothing from the code around it.
            if (method.MethodKind is MethodKind.AnonymousFunction or MethodKind.LocalFunction && method.IsStatic)
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsHostEnvironment(ITypeSymbol type, INamedTypeSymbol hostEnvironment) =>
        SymbolEqualityComparer.Default.Equals(type, hostEnvironment) || type.AllInterfaces.Contains(hostEnvironment, SymbolEqualityComparer.Default);

    private static string EscapedName(string name) => SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;
}
