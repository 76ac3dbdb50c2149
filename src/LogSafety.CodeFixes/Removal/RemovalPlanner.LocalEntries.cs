using System.Threading;
using LogSafety.Analyzers;
using LogSafety.Analyzers.Sensitivity;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LogSafety.CodeFixes.Removal;

/// <summary>
/// An entry put in a logged local before the call (<c>scope["Token"] = token; ... logger.BeginScope(scope)</c>), reported
/// on the local with the entry at additional location 1 (<see cref="DiagnosticProperties.LocalEntry"/>).
/// </summary>
internal static partial class RemovalPlanner
{
    /// <summary>
    /// The entry goes (its element of the local's initializer, or its <c>local[key] = value;</c>, <c>local.Add(key,
    /// value);</c> or <c>local.TryAdd(key, value);</c> statement) when the method does nothing with the local but fill it
    /// and log it in this one call. Null otherwise: a dictionary also sent in a request, returned, read or logged twice
    /// keeps its entries, and the caller takes the local itself out of the call instead.
    /// </summary>
    private static (string ValueText, ContainerEdit Edit)? PlanLocalEntry(
        SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.ContainsKey(DiagnosticProperties.LocalEntry) || diagnostic.AdditionalLocations.Count < 2
            || diagnostic.AdditionalLocations[1] is not { IsInSource: true } entryLocation || entryLocation.SourceTree != root.SyntaxTree
            || !root.FullSpan.Contains(entryLocation.SourceSpan) || !root.FullSpan.Contains(diagnostic.Location.SourceSpan)
            || Unwrapped(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)) is not IdentifierNameSyntax holder
            || holder.Span != diagnostic.Location.SourceSpan
            || model.GetSymbolInfo(holder, cancellationToken).Symbol is not ILocalSymbol local
            || Unwrapped(root.FindNode(entryLocation.SourceSpan, getInnermostNodeForTie: true)) is not ExpressionSyntax value
            || value.Span != entryLocation.SourceSpan
            || EntryEdit(value, local, model, cancellationToken) is not { } edit
            || !OnlyFilledAndLoggedOnce(holder, local, model, cancellationToken)
            || model.GetOperation(value, cancellationToken) is not { } valueOperation)
        {
            return null;
        }

        return (ValueNames.Display(valueOperation), edit);
    }

    private static SyntaxNode Unwrapped(SyntaxNode node) => node is ArgumentSyntax argument ? argument.Expression : node;

    /// <summary>The edit that takes out the entry holding <paramref name="value"/>: an initializer element or a statement.</summary>
    private static ContainerEdit? EntryEdit(ExpressionSyntax value, ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
    {
        var outer = SkipParentheses(value);

        // var scope = new Dictionary<string, object> { ["Token"] = token } (or { "Token", token }, or a KeyValuePair).
        if (DictionaryEntryUnit(outer) is { Parent: InitializerExpressionSyntax initializer } unit
            && initializer.Parent is BaseObjectCreationExpressionSyntax { Parent: EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } }
            && SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(declarator, cancellationToken), local))
        {
            return ListRemoval(initializer, initializer.Expressions.IndexOf((ExpressionSyntax)unit));
        }

        var statement = outer.Parent switch
        {
            // scope["Token"] = token;
            AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: ElementAccessExpressionSyntax { Expression: IdentifierNameSyntax target } } assignment
                when assignment.Right == outer && IsLocal(target, local, model, cancellationToken) => assignment.Parent as ExpressionStatementSyntax,

            // scope.Add("Token", token); scope.TryAdd("Token", token);
            ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax target, Name.Identifier.ValueText: "Add" or "TryAdd" } } add } }
                when IsLocal(target, local, model, cancellationToken) => add.Parent as ExpressionStatementSyntax,

            _ => null,
        };

        if (statement is not { Parent: BlockSyntax block })
        {
            return null;
        }

        // if (password is not null) { scope.Add("Password", password); }: the if goes too, when its test does nothing.
        if (block is { Statements.Count: 1, Parent: IfStatementSyntax { Else: null, Parent: BlockSyntax around } branch }
            && HasNoEffect(branch.Condition, model, cancellationToken))
        {
            return RemoveStatement(around, branch);
        }

        return RemoveStatement(block, statement);
    }

    /// <summary>
    /// A condition that only reads: no assignment, increment, await or object creation, and calls only of
    /// <see cref="string"/>'s methods (<c>!string.IsNullOrEmpty(password)</c>).
    /// </summary>
    private static bool HasNoEffect(ExpressionSyntax condition, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var node in condition.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case AssignmentExpressionSyntax or AwaitExpressionSyntax or BaseObjectCreationExpressionSyntax or AnonymousFunctionExpressionSyntax:
                case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression }:
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression }:
                    return false;
                case InvocationExpressionSyntax invocation
                    when model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol { ContainingType.SpecialType: SpecialType.System_String }:
                    return false;
            }
        }

        return true;
    }

    private static bool IsLocal(IdentifierNameSyntax name, ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken) =>
        name.Identifier.ValueText == local.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, local);

    /// <summary>
    /// Whether every use of the local in its member is the declaration, an entry put in it (an indexer assignment, an
    /// Add or TryAdd statement) or <paramref name="holder"/>, its one place in the log call.
    /// </summary>
    private static bool OnlyFilledAndLoggedOnce(IdentifierNameSyntax holder, ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
    {
        if (local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken).FirstAncestorOrSelf<MemberDeclarationSyntax>() is not { } declaring)
        {
            return false;
        }

        // A top-level statement's local is in scope in every top-level statement of the file.
        SyntaxNode member = declaring is GlobalStatementSyntax { Parent: { } unit } ? unit : declaring;

        foreach (var node in member.DescendantNodes())
        {
            if (node is not IdentifierNameSyntax name || name == holder || !IsLocal(name, local, model, cancellationToken))
            {
                continue;
            }

            var fills = name.Parent switch
            {
                ElementAccessExpressionSyntax access when access.Expression == name =>
                    access.Parent is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Parent: ExpressionStatementSyntax } assignment
                    && assignment.Left == access,
                MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" or "TryAdd" } access when access.Expression == name =>
                    access.Parent is InvocationExpressionSyntax { Parent: ExpressionStatementSyntax } invocation && invocation.Expression == access,
                _ => false,
            };

            if (!fills)
            {
                return false;
            }
        }

        return true;
    }
}
