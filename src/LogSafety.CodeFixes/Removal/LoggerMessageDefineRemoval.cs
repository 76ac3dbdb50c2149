using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LogSafety.Analyzers.Logging;
using LogSafety.Analyzers.Sensitivity;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.CodeFixes.Removal;

/// <summary>
/// A value passed to a delegate made by <c>LoggerMessage.Define&lt;T1, ...&gt;(level, id, "template")</c>: its
/// placeholder goes from the template, its type argument from Define and from the delegate's declared type
/// (<c>Action&lt;ILogger, T1, ..., Exception?&gt;</c>), and its argument from every call of the delegate, so that
/// template, type arguments and arguments stay in step. Only when the delegate is a field, property or local
/// initialized with Define in source and every reference to it is a call.
/// </summary>
internal static class LoggerMessageDefineRemoval
{
    public static async Task<PlannedRemoval?> PlanAsync(RemovalSession session, ReportedCall call, LoggedValue value, CancellationToken cancellationToken)
    {
        var invocation = call.Invocation;
        var argument = invocation.Arguments.FirstOrDefault(a => a.Syntax.Span.Contains(value.Syntax.Span));

        // Action<ILogger, T1, ..., Exception?>.Invoke(logger, v1, ..., exception): value i is type argument i - 1 of Define.
        if (argument?.Parameter is not { } parameter || parameter.Ordinal < 1 || parameter.Ordinal >= invocation.TargetMethod.Parameters.Length - 1
            || DelegateSymbol(invocation.Instance) is not { } delegateSymbol
            || delegateSymbol.DeclaringSyntaxReferences.Length != 1
            || delegateSymbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not { } declarator)
        {
            return null;
        }

        var valueIndex = parameter.Ordinal - 1;
        var (initializer, declaredType) = declarator switch
        {
            VariableDeclaratorSyntax { Initializer.Value: { } init, Parent: VariableDeclarationSyntax declaration } => (init, declaration.Type),
            PropertyDeclarationSyntax property => (property.Initializer?.Value ?? property.ExpressionBody?.Expression, property.Type),
            _ => (null, null),
        };
        if (initializer is not InvocationExpressionSyntax define
            || define.Expression is not MemberAccessExpressionSyntax { Name: GenericNameSyntax defineName }
            || defineName.TypeArgumentList.Arguments.Count <= valueIndex
            || session.Solution.GetDocument(declarator.SyntaxTree) is not { } declaringDocument
            || await session.GetAsync(declaringDocument.Id, cancellationToken).ConfigureAwait(false) is not { } declaringState
            || declaringState.Model.GetSymbolInfo(define, cancellationToken).Symbol is not IMethodSymbol { Name: "Define" } defineMethod
            || defineMethod.ContainingType?.ToDisplayString() != "Microsoft.Extensions.Logging.LoggerMessage")
        {
            return null;
        }

        // The template: the string argument of Define, a literal, whose holes pair with the type arguments by order.
        var templateArgument = define.ArgumentList.Arguments.FirstOrDefault(a =>
            declaringState.Model.GetTypeInfo(a.Expression, cancellationToken).Type?.SpecialType == SpecialType.System_String);
        if (templateArgument?.Expression is not LiteralExpressionSyntax literal || !StringLiteralText.TryCreate(literal, out var text))
        {
            return null;
        }

        var holes = MessageTemplate.Parse(text.Inner).Holes;
        if (holes.Length != defineName.TypeArgumentList.Arguments.Count
            || holes.Select(h => h.Name).Distinct(System.StringComparer.OrdinalIgnoreCase).Count() != holes.Length)
        {
            return null;
        }

        var options = session.OptionsFor(declaringDocument, declarator.SyntaxTree);
        var edits = new List<(DocumentId, ContainerEdit)>();
        var templateEdit = new TemplateLiteralEdit(literal, options);
        templateEdit.Add(holes[valueIndex].Name);
        edits.Add((declaringDocument.Id, templateEdit));
        var defineEdit = new TypeArgumentsEdit(defineName);
        defineEdit.Add(valueIndex);
        edits.Add((declaringDocument.Id, defineEdit));

        // Action<ILogger, T1, ..., Exception?>: the logger comes first. 'var' needs nothing.
        if (declaredType is GenericNameSyntax { TypeArgumentList.Arguments.Count: var count } actionType && count == defineName.TypeArgumentList.Arguments.Count + 2)
        {
            var typeEdit = new TypeArgumentsEdit(actionType);
            typeEdit.Add(valueIndex + 1);
            edits.Add((declaringDocument.Id, typeEdit));
        }
        else if (declaredType is not IdentifierNameSyntax { IsVar: true })
        {
            return null;
        }

        // Every call of the delegate loses the argument; any other use of it (passed on, stored) would break.
        var references = await SymbolFinder.FindReferencesAsync(delegateSymbol, session.Solution, cancellationToken).ConfigureAwait(false);
        foreach (var location in references.SelectMany(r => r.Locations))
        {
            if (location.Document is not { } referencingDocument
                || await session.GetAsync(referencingDocument.Id, cancellationToken).ConfigureAwait(false) is not { } state)
            {
                return null;
            }

            var node = state.Root.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
            var callee = node.Parent is MemberAccessExpressionSyntax access && access.Name == node ? access : node;
            if (callee.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Invoke" } invoke && invoke.Expression == callee)
            {
                callee = invoke;
            }

            if (callee.Parent is not InvocationExpressionSyntax callSyntax || callSyntax.Expression != callee
                || callSyntax.ArgumentList.Arguments.Count != invocation.TargetMethod.Parameters.Length
                || callSyntax.ArgumentList.Arguments.Any(a => a.NameColon is not null))
            {
                return null;
            }

            var argumentsEdit = new ArgumentsEdit(callSyntax, null, options);
            argumentsEdit.Add(parameter.Ordinal, -1);
            edits.Add((referencingDocument.Id, argumentsEdit));
        }

        return new PlannedRemoval(ValueNames.Display(value.Value), edits);
    }

    private static ISymbol? DelegateSymbol(IOperation? instance) => instance switch
    {
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation property => property.Property,
        ILocalReferenceOperation local => local.Local,
        _ => null,
    };
}

/// <summary>Removes type arguments of a generic name; with none left, <c>Define&lt;T&gt;</c> becomes <c>Define</c>.</summary>
internal sealed class TypeArgumentsEdit : ContainerEdit
{
    private readonly HashSet<int> _indices = new();

    public TypeArgumentsEdit(GenericNameSyntax name)
        : base(name)
    {
    }

    public void Add(int index) => _indices.Add(index);

    public override void MergeFrom(ContainerEdit other) => _indices.UnionWith(((TypeArgumentsEdit)other)._indices);

    public override SyntaxNode Apply(SyntaxNode current)
    {
        if (current is not GenericNameSyntax generic)
        {
            return current;
        }

        var arguments = SeparatedListRemoval.Remove(generic.TypeArgumentList.Arguments, _indices);
        return arguments.Count == 0
            ? SyntaxFactory.IdentifierName(generic.Identifier).WithTriviaFrom(generic)
            : generic.WithTypeArgumentList(generic.TypeArgumentList.WithArguments(arguments));
    }
}
