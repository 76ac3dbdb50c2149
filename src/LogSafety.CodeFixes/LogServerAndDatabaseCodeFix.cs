using System;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using LogSafety.Analyzers;
using LogSafety.Analyzers.Logging;
using LogSafety.Analyzers.Sensitivity;
using LogSafety.CodeFixes.Removal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace LogSafety.CodeFixes;

/// <summary>
/// LS0007 fix "Log only the server and database of 'connectionString'": the connection string becomes one string
/// "server/database" read through its provider's builder, which the analyzer names in the diagnostic
/// (<see cref="DiagnosticProperties.ConnectionStringBuilder"/>):
/// <c>new SqlConnectionStringBuilder(connectionString) switch { var builder =&gt; $"{builder.DataSource}/{builder.InitialCatalog}" }</c>.
/// A connection's or builder's own <c>ConnectionString</c> is read from the object itself (<c>$"{connection.DataSource}/{connection.Database}"</c>).
/// One value stays in one place, so the template keeps its holes; a hole named for the connection string
/// (<c>{ConnectionString}</c>) is renamed <c>{Database}</c>, since that is what it now holds.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LogServerAndDatabaseCodeFix)), Shared]
public sealed class LogServerAndDatabaseCodeFix : DocumentEditingCodeFix
{
    public const string Key = "LogSafety.LogServerAndDatabase";

    private const string HoleName = "Database";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ConnectionStringOrUrl);

    protected override string Title => "Log only the server and database";

    protected override string EquivalenceKey => Key;

    /// <summary>Fix All fixes every LS0007 finding: a Uri gets its own rewrite, anything else is removed.</summary>
    protected override ImmutableArray<DocumentEditingCodeFix> FallbackFixes =>
        ImmutableArray.Create<DocumentEditingCodeFix>(new LogUriWithoutCredentialsCodeFix(), new RemoveInDocumentFix(RuleIds.ConnectionStringOrUrl));

    protected override string TitleFor(SyntaxNode target, Diagnostic diagnostic) => $"Log only the server and database of '{target.WithoutTrivia()}'";

    protected override SyntaxNode? FindTarget(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        LoggedExpression.At(root, diagnostic) is { } value && Rewrite(value, model, diagnostic, cancellationToken) is not null ? value : null;

    protected override void Apply(DocumentEditor editor, SyntaxNode target, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (Rewrite((ExpressionSyntax)target, model, diagnostic, cancellationToken) is not { } replacement)
        {
            return;
        }

        // Braces and a switch inside an interpolation hole or an operator chain read better, and parse, in parentheses.
        if (replacement is SwitchExpressionSyntax && target.Parent is not ArgumentSyntax)
        {
            replacement = SyntaxFactory.ParenthesizedExpression(replacement);
        }

        editor.ReplaceNode(target, replacement.WithTriviaFrom(target));
        if (RenamedHole(editor.OriginalRoot, diagnostic) is var (call, templateArgument, holeName) && call.Span.Contains(target.Span))
        {
            editor.ReplaceNode(call, (current, _) => RenameHole((InvocationExpressionSyntax)current, templateArgument, holeName));
        }
    }

    /// <summary>The expression that logs the server and database of <paramref name="value"/>, or null when no provider is known.</summary>
    private static ExpressionSyntax? Rewrite(ExpressionSyntax value, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var type = model.GetTypeInfo(value, cancellationToken).Type;
        if (type?.SpecialType != SpecialType.System_String)
        {
            return null;
        }

        // connection.ConnectionString: the connection knows its data source and database, whatever the provider.
        var owner = value switch
        {
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConnectionString" } member => member.Expression,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToString" } member, ArgumentList.Arguments.Count: 0 } => member.Expression,
            _ => null,
        };
        var ownerType = owner is null ? null : model.GetTypeInfo(owner, cancellationToken).Type;
        if (owner is not null && IsStable(owner) && value is MemberAccessExpressionSyntax
            && Derives(ownerType, model.Compilation.GetTypeByMetadataName("System.Data.Common.DbConnection")))
        {
            return Describe(owner.WithoutTrivia(), "DataSource", "Database");
        }

        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.ConnectionStringBuilder, out var name) || name is null
            || ConnectionStringBuilders.Named(name) is not { } builder
            || model.Compilation.GetTypeByMetadataName(name) is not { } builderType
            || !HasProperty(builderType, builder.ServerProperty)
            || (builder.DatabaseProperty is { } database && !HasProperty(builderType, database)))
        {
            return null;
        }

        // builder.ConnectionString of that builder: read its properties.
        if (owner is not null && IsStable(owner) && Derives(ownerType, builderType))
        {
            return Describe(owner.WithoutTrivia(), builder.ServerProperty, builder.DatabaseProperty);
        }

        var constructor = builderType.InstanceConstructors.FirstOrDefault(c => c.DeclaredAccessibility == Accessibility.Public
            && c.Parameters.Length == 1 && c.Parameters[0].Type.SpecialType == SpecialType.System_String);
        if (constructor is null)
        {
            return null;
        }

        ExpressionSyntax argument = value.WithoutTrivia();
        if (model.GetTypeInfo(value, cancellationToken).Nullability.FlowState == NullableFlowState.MaybeNull
            && constructor.Parameters[0].NullableAnnotation == NullableAnnotation.NotAnnotated)
        {
            argument = SyntaxFactory.ParseExpression($"({argument} ?? \"\")");
        }

        var creation = SyntaxFactory.ObjectCreationExpression(
            SyntaxFactory.ParseTypeName("global::" + name).WithAdditionalAnnotations(Simplifier.Annotation),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(argument))),
            initializer: null);
        if (builder.DatabaseProperty is null)
        {
            return SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, creation, SyntaxFactory.IdentifierName(builder.ServerProperty));
        }

        // One builder read twice without a statement before the call: a switch arm scopes its variable to itself, so
        // two fixes in one block do not clash. Switch expressions need C# 8.
        if (((CSharpParseOptions)value.SyntaxTree.Options).LanguageVersion < LanguageVersion.CSharp8)
        {
            return null;
        }

        var variable = FreeName(model, value.SpanStart);
        return SyntaxFactory.SwitchExpression(
            creation,
            SyntaxFactory.SingletonSeparatedList(SyntaxFactory.SwitchExpressionArm(
                SyntaxFactory.VarPattern(SyntaxFactory.SingleVariableDesignation(SyntaxFactory.Identifier(variable))),
                Describe(SyntaxFactory.IdentifierName(variable), builder.ServerProperty, builder.DatabaseProperty))));
    }

    /// <summary>$"{x.Server}/{x.Database}", or x.Server alone.</summary>
    private static ExpressionSyntax Describe(ExpressionSyntax owner, string server, string? database)
    {
        var text = owner.ToString();
        return SyntaxFactory.ParseExpression(database is null ? $"{text}.{server}" : $"$\"{{{text}.{server}}}/{{{text}.{database}}}\"");
    }

    /// <summary>An expression that reads the same object twice: a name, this, or members of those.</summary>
    private static bool IsStable(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax or ThisExpressionSyntax => true,
        MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } member => IsStable(member.Expression),
        _ => false,
    };

    private static bool Derives(ITypeSymbol? type, INamedTypeSymbol? target)
    {
        for (var current = type; current is not null && target is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, target))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasProperty(INamedTypeSymbol type, string name)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (current.GetMembers(name).OfType<IPropertySymbol>().Any(p => p.DeclaredAccessibility == Accessibility.Public && p.GetMethod is not null))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"builder", or another name when that one is taken where the value is.</summary>
    private static string FreeName(SemanticModel model, int position)
    {
        foreach (var candidate in new[] { "builder", "connectionStringBuilder" })
        {
            if (model.LookupSymbols(position, name: candidate).IsEmpty)
            {
                return candidate;
            }
        }

        for (var i = 2; ; i++)
        {
            var candidate = "builder" + i.ToString(CultureInfo.InvariantCulture);
            if (model.LookupSymbols(position, name: candidate).IsEmpty)
            {
                return candidate;
            }
        }
    }

    /// <summary>The template argument and the name of the hole the value fills, when that name says "connection string".</summary>
    private static (InvocationExpressionSyntax Call, int TemplateArgument, string HoleName)? RenamedHole(SyntaxNode root, Diagnostic diagnostic)
    {
        var properties = diagnostic.Properties;
        if (!properties.TryGetValue(DiagnosticProperties.Form, out var form) || form != nameof(LoggedValueForm.Argument)
            || !properties.TryGetValue(DiagnosticProperties.TemplateArgument, out var argumentText)
            || !int.TryParse(argumentText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var templateArgument)
            || !properties.TryGetValue(DiagnosticProperties.TemplateIndex, out var indexText)
            || !int.TryParse(indexText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var holeIndex)
            || holeIndex < 0
            || root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true).AncestorsAndSelf()
                .OfType<InvocationExpressionSyntax>().FirstOrDefault(n => n.Span == diagnostic.AdditionalLocations[0].SourceSpan) is not { } call
            || templateArgument >= call.ArgumentList.Arguments.Count
            || !StringLiteralText.TryCreate(call.ArgumentList.Arguments[templateArgument].Expression, out var literal))
        {
            return null;
        }

        var template = MessageTemplate.Parse(literal.Inner);
        if (template.IsPositional || holeIndex >= template.Holes.Length)
        {
            return null;
        }

        var name = template.Holes[holeIndex].Name;
        return ConnectionStringText.NamesConnectionString(NameWords.Split(name))
            && template.Holes.Count(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)) == 1
            && !template.Holes.Any(h => string.Equals(h.Name, HoleName, StringComparison.OrdinalIgnoreCase))
                ? (call, templateArgument, name)
                : null;
    }

    /// <summary>Renames the hole <paramref name="holeName"/> of the current template to {Database}, keeping '@', alignment and format.</summary>
    private static SyntaxNode RenameHole(InvocationExpressionSyntax call, int templateArgument, string holeName)
    {
        if (templateArgument >= call.ArgumentList.Arguments.Count
            || call.ArgumentList.Arguments[templateArgument] is not { } argument
            || !StringLiteralText.TryCreate(argument.Expression, out var literal))
        {
            return call;
        }

        var template = MessageTemplate.Parse(literal.Inner);
        var holes = template.Holes.Where(h => string.Equals(h.Name, holeName, StringComparison.OrdinalIgnoreCase)).ToList();
        if (holes.Count != 1)
        {
            return call;
        }

        var hole = holes[0];
        var raw = literal.Inner.Substring(hole.Start, hole.Length);
        var at = raw.IndexOf(hole.Name, StringComparison.Ordinal);
        if (at < 0)
        {
            return call;
        }

        var inner = literal.Inner.Substring(0, hole.Start) + raw.Substring(0, at) + HoleName + raw.Substring(at + hole.Name.Length)
            + literal.Inner.Substring(hole.Start + hole.Length);
        return literal.With(inner) is { } renamed
            ? call.WithArgumentList(call.ArgumentList.WithArguments(call.ArgumentList.Arguments.Replace(argument, argument.WithExpression(renamed))))
            : call;
    }
}
