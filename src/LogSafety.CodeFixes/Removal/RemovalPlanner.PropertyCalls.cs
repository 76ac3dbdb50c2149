using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LogSafety.Analyzers.Logging;
using LogSafety.Analyzers.Options;
using LogSafety.Analyzers.Rules;
using LogSafety.Analyzers.Sensitivity;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.CodeFixes.Removal;

/// <summary>Values added by ForContext / PushProperty / Property / WithProperty / SetProperty / Set: the call or statement goes.</summary>
internal static partial class RemovalPlanner
{
    /// <summary>ForContext / PushProperty / Property / WithProperty: the whole call goes, not just its value.</summary>
    private static ContainerEdit? PlanPropertyCall(Context context)
    {
        var invocation = context.InvocationSyntax;
        var method = context.Call.Invocation.TargetMethod;
        if (invocation.Expression is not MemberAccessExpressionSyntax access)
        {
            return null;
        }

        if (method.IsStatic && method.ReturnType.SpecialType != SpecialType.System_Void && context.Model.GetTypeInfo(invocation, context.CancellationToken).Type is { } returnType
            && IsDisposable(returnType))
        {
            return PlanPushedProperty(context, invocation);
        }

        if (method.ReturnsVoid)
        {
            // logger.SetProperty("ApiKey", key); diagnosticContext.Set("Body", body): the statement only attaches the value.
            return SkipParentheses(invocation).Parent is ExpressionStatementSyntax { Parent: BlockSyntax block } statement
                ? RemoveStatement(block, statement)
                : null;
        }

        if (method.IsStatic && !method.IsExtensionMethod)
        {
            // Serilog's Log.ForContext(...): the untouched logger is Log.Logger.
            return method.Name == "ForContext" && method.ContainingType.GetMembers("Logger").OfType<IPropertySymbol>().Any(p => p.IsStatic && p.Type is not null
                    && context.Model.Compilation.ClassifyConversion(p.Type, method.ReturnType).IsImplicit)
                ? new ChainCallEdit(invocation, "Logger")
                : null;
        }

        if (context.Model.GetTypeInfo(access.Expression, context.CancellationToken).Type is not { } receiverType)
        {
            return null;
        }

        var keepsType = context.Model.Compilation.ClassifyConversion(receiverType, method.ReturnType).IsImplicit;
        if (!keepsType && invocation.Parent is MemberAccessExpressionSyntax next && next.Expression == invocation)
        {
            // logger.WithProperty(...).Info(...): fine if the receiver has the next member too.
            keepsType = context.Model.LookupSymbols(invocation.SpanStart, receiverType, next.Name.Identifier.ValueText, includeReducedExtensionMethods: true).Any();
        }

        return keepsType ? new ChainCallEdit(invocation, null) : null;
    }

    private static bool IsDisposable(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_IDisposable || type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_IDisposable);

    /// <summary>LogContext.PushProperty(...) as a statement, a using declaration or a using statement's resource.</summary>
    private static ContainerEdit? PlanPushedProperty(Context context, InvocationExpressionSyntax invocation)
    {
        var node = SkipParentheses(invocation);
        StatementSyntax? statement = null;
        var unwrap = false;
        switch (node.Parent)
        {
            case ExpressionStatementSyntax expressionStatement:
                statement = expressionStatement;
                break;
            case UsingStatementSyntax @using when @using.Expression == node:
                statement = @using;
                unwrap = true;
                break;
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } when declarator.Parent is VariableDeclarationSyntax { Variables.Count: 1 } declaration
                && !IsReferenced(context, declarator):
                if (declaration.Parent is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: (int)SyntaxKind.UsingKeyword } local)
                {
                    statement = local;
                }
                else if (declaration.Parent is UsingStatementSyntax usingWithDeclaration)
                {
                    statement = usingWithDeclaration;
                    unwrap = true;
                }

                break;
        }

        return statement?.Parent is BlockSyntax block ? RemoveStatement(block, statement, unwrap) : null;
    }

    /// <summary>The resource of a using statement or the value of a using declaration.</summary>
    private static bool IsUsingResource(InvocationExpressionSyntax invocation) =>
        SkipParentheses(invocation).Parent switch
        {
            UsingStatementSyntax => true,
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } } =>
                declaration.Parent is UsingStatementSyntax or LocalDeclarationStatementSyntax { UsingKeyword.RawKind: (int)SyntaxKind.UsingKeyword },
            _ => false,
        };

    private static ContainerEdit RemoveStatement(BlockSyntax block, StatementSyntax statement, bool unwrap = false)
    {
        var edit = new StatementsEdit(block);
        edit.Add(block.Statements.IndexOf(statement), unwrap);
        return edit;
    }

    private static bool IsReferenced(Context context, VariableDeclaratorSyntax declarator)
    {
        var local = context.Model.GetDeclaredSymbol(declarator, context.CancellationToken);
        var scope = declarator.FirstAncestorOrSelf<BlockSyntax>();
        if (local is null || scope is null)
        {
            return true;
        }

        foreach (var identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.ValueText == local.Name
                && SymbolEqualityComparer.Default.Equals(context.Model.GetSymbolInfo(identifier, context.CancellationToken).Symbol, local))
            {
                return true;
            }
        }

        return false;
    }
}
