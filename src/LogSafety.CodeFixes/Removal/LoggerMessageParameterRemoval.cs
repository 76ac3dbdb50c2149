using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LogSafety.Analyzers.Logging;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.CodeFixes.Removal;

/// <summary>
/// A [LoggerMessage] method's secret parameter: removed from the signature, its placeholder from the attribute's
/// message, and its argument from every call in the solution. Offered only when every reference is a plain call.
/// </summary>
internal static class LoggerMessageParameterRemoval
{
    public static async Task<PlannedRemoval?> PlanAsync(
        RemovalSession session, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var parameterSyntax = root.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<ParameterSyntax>().FirstOrDefault();
        return parameterSyntax is not null && model.GetDeclaredSymbol(parameterSyntax, cancellationToken) is IParameterSymbol parameter
            ? await PlanAsync(session, parameter, cancellationToken).ConfigureAwait(false)
            : null;
    }

    /// <summary>Removes <paramref name="parameter"/> of a [LoggerMessage] method everywhere; it may come from a call site.</summary>
    public static async Task<PlannedRemoval?> PlanAsync(RemovalSession session, IParameterSymbol parameter, CancellationToken cancellationToken)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol called || parameter.IsThis)
        {
            return null;
        }

        var method = called.PartialDefinitionPart ?? called;
        if (parameter.Ordinal >= method.Parameters.Length)
        {
            return null;
        }

        parameter = method.Parameters[parameter.Ordinal];
        var declaration = parameter.DeclaringSyntaxReferences.FirstOrDefault();
        if (declaration?.GetSyntax(cancellationToken) is not ParameterSyntax { Parent: ParameterListSyntax parameterList } parameterSyntax
            || session.Solution.GetDocument(declaration.SyntaxTree) is not { } document
            || await session.GetAsync(document.Id, cancellationToken).ConfigureAwait(false) is not { } declarationState)
        {
            return null;
        }

        var (root, model) = declarationState;
        var options = session.OptionsFor(document, root.SyntaxTree);
        var edits = new List<(DocumentId, ContainerEdit)>();

        // The declaration, and an implementation part kept as an ordinary document (generated ones are regenerated).
        var parameterEdit = new ListEdit(parameterList);
        parameterEdit.Add(parameterList.Parameters.IndexOf(parameterSyntax));
        edits.Add((document.Id, parameterEdit));
        if (method.PartialImplementationPart is { } implementation)
        {
            foreach (var reference in implementation.Parameters[parameter.Ordinal].DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is ParameterSyntax { Parent: ParameterListSyntax implementationList } implementationParameter
                    && session.Solution.GetDocument(reference.SyntaxTree) is { } implementationDocument)
                {
                    var implementationEdit = new ListEdit(implementationList);
                    implementationEdit.Add(implementationList.Parameters.IndexOf(implementationParameter));
                    edits.Add((implementationDocument.Id, implementationEdit));
                }
            }
        }

        var message = FindMessage(method, model, cancellationToken);
        if (message is { Literal: { } literal, Text: { } text })
        {
            if (literal.SyntaxTree != root.SyntaxTree)
            {
                return null;
            }

            var edit = new TemplateLiteralEdit(literal, options);
            edit.Add(parameter.Name);
            edits.Add((document.Id, edit));
        }
        else if (message?.Text is { } constantText && MessageTemplate.Parse(constantText).Holes.Any(h => string.Equals(h.Name, parameter.Name, System.StringComparison.OrdinalIgnoreCase)))
        {
            // The message is a constant declared elsewhere and names the parameter: it cannot be edited here.
            return null;
        }

        // Every call: drop the argument.
        var references = await SymbolFinder.FindReferencesAsync(method, session.Solution, cancellationToken).ConfigureAwait(false);
        foreach (var reference in references)
        {
            foreach (var location in reference.Locations)
            {
                // Generated code (the generator's own nameof in the EventId) is regenerated, not edited.
                if (location.IsImplicit || location.Document is not { } referencingDocument || session.Solution.GetDocument(referencingDocument.Id) is null)
                {
                    continue;
                }

                if (await session.GetAsync(referencingDocument.Id, cancellationToken).ConfigureAwait(false) is not { } state)
                {
                    return null;
                }

                var node = state.Root.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                if (IsInNameof(node, state.Model, cancellationToken))
                {
                    continue;
                }

                var invocation = node.Parent is MemberAccessExpressionSyntax access && access.Name == node ? access.Parent : node.Parent;
                if (invocation is not InvocationExpressionSyntax call
                    || (call.Expression != node && call.Expression != node.Parent)
                    || state.Model.GetOperation(call, cancellationToken) is not IInvocationOperation operation)
                {
                    // A method group or nameof: removing the parameter would break it.
                    return null;
                }

                foreach (var argument in operation.Arguments)
                {
                    if (argument.Parameter?.Ordinal == parameter.Ordinal && argument.ArgumentKind == ArgumentKind.Explicit
                        && argument.Syntax is ArgumentSyntax argumentSyntax && argumentSyntax.Parent == call.ArgumentList)
                    {
                        var edit = new ArgumentsEdit(call, null, options);
                        edit.Add(call.ArgumentList.Arguments.IndexOf(argumentSyntax), -1);
                        edits.Add((referencingDocument.Id, edit));
                    }
                }
            }
        }

        return new PlannedRemoval(parameter.Name, edits);
    }

    private static bool IsInNameof(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken) =>
        node.Ancestors().OfType<InvocationExpressionSyntax>().FirstOrDefault() is { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } nameof
        && model.GetSymbolInfo(nameof, cancellationToken).Symbol is null;

    private static (LiteralExpressionSyntax? Literal, string? Text)? FindMessage(IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() != "Microsoft.Extensions.Logging.LoggerMessageAttribute"
                || attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax
                || syntax.ArgumentList is null)
            {
                continue;
            }

            foreach (var argument in syntax.ArgumentList.Arguments)
            {
                var isMessage = argument.NameEquals?.Name.Identifier.ValueText == "Message"
                    || argument.NameColon?.Name.Identifier.ValueText == "message"
                    || argument.NameEquals is null && argument.NameColon is null
                        && model.GetTypeInfo(argument.Expression, cancellationToken).Type?.SpecialType == SpecialType.System_String;
                if (!isMessage)
                {
                    continue;
                }

                var text = model.GetConstantValue(argument.Expression, cancellationToken).Value as string;
                return (StringLiteralText.TryCreate(argument.Expression, out _) ? (LiteralExpressionSyntax)argument.Expression : null, text);
            }
        }

        return null;
    }
}
