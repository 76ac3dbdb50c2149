using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LogSafety.Analyzers;
using LogSafety.Analyzers.Logging;
using LogSafety.Analyzers.Options;
using LogSafety.Analyzers.Sensitivity;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.CodeFixes.Removal;

/// <summary>
/// Works out how to take one reported value out of its log call. The diagnostic says where the value and the call are
/// and how the value sits in it (<see cref="DiagnosticProperties"/>, read by <see cref="ReportedCall"/>: the call is not
/// recognized a second time), and the smallest enclosing construct that can
/// lose it (argument list with template, interpolated string, concatenation, anonymous object, initializer, tuple,
/// property call, using statement) gets an edit. Returns null when no removal keeps the code correct.
/// </summary>
internal static partial class RemovalPlanner
{
    public static async Task<PlannedRemoval?> PlanAsync(RemovalSession session, Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Location.IsInSource || await session.GetAsync(document.Id, cancellationToken).ConfigureAwait(false) is not { } state)
        {
            return null;
        }

        var (root, model) = state;

        // A diagnostic of an earlier version of the document (another fixer changed it since) points at moved text.
        if (diagnostic.Location.SourceTree is { } tree && tree != root.SyntaxTree)
        {
            return null;
        }

        diagnostic.Properties.TryGetValue(DiagnosticProperties.Form, out var form);
        if (form == DiagnosticProperties.LoggerMessageParameterForm)
        {
            return await LoggerMessageParameterRemoval.PlanAsync(session, root, model, diagnostic, cancellationToken).ConfigureAwait(false);
        }

        if ((PlanContextProperty(root, model, diagnostic, cancellationToken) ?? PlanLocalEntry(root, model, diagnostic, cancellationToken)) is { } statement)
        {
            return new PlannedRemoval(statement.ValueText, new List<(DocumentId, ContainerEdit)> { (document.Id, statement.Edit) });
        }

        if (Locate(root, model, diagnostic, cancellationToken) is not var (invocationSyntax, invocation, call, logged))
        {
            return null;
        }

        var options = session.OptionsFor(document, root.SyntaxTree);

        if (call.Api == LogApi.LoggerMessageMethod && logged.Form == LoggedValueForm.Argument)
        {
            // A [LoggerMessage] call reports when the generated declaration cannot (a secret passed for a parameter
            // with an ordinary name, or the declaration is generated code): the parameter goes everywhere, with its
            // placeholder; the method then logs its event without it.
            var parameter = invocation.Arguments.FirstOrDefault(a => a.Value.Syntax.Span.Contains(logged.Syntax.Span))?.Parameter;
            return parameter is not null
                ? await LoggerMessageParameterRemoval.PlanAsync(session, parameter, cancellationToken).ConfigureAwait(false)
                : null;
        }

        if (call.Api == LogApi.LoggerMessageDelegate && logged.Form == LoggedValueForm.Argument)
        {
            // The template and the type arguments live in the LoggerMessage.Define call: all change, with every call.
            return await LoggerMessageDefineRemoval.PlanAsync(session, call, logged, cancellationToken).ConfigureAwait(false);
        }

        return PlanInCall(invocationSyntax, call, logged, model, options, cancellationToken) is { } edits
            ? new PlannedRemoval(ValueNames.Display(logged.Value), edits.Select(edit => (document.Id, edit)).ToList())
            : null;
    }

    /// <summary>
    /// The edits that take a value out of its call when they all stay in the call's document (not a [LoggerMessage]
    /// parameter or a LoggerMessage.Define delegate's argument), with the text of the value; null when none fits.
    /// </summary>
    public static (string ValueText, IReadOnlyList<ContainerEdit> Edits)? PlanInDocument(
        SyntaxNode root, SemanticModel model, LogSafetyOptions options, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (diagnostic.Location.IsInSource && diagnostic.Location.SourceTree == root.SyntaxTree
            && (PlanContextProperty(root, model, diagnostic, cancellationToken) ?? PlanLocalEntry(root, model, diagnostic, cancellationToken)) is { } statement)
        {
            return (statement.ValueText, new[] { statement.Edit });
        }

        if (!diagnostic.Location.IsInSource || diagnostic.Location.SourceTree != root.SyntaxTree
            || Locate(root, model, diagnostic, cancellationToken) is not var (invocationSyntax, _, call, logged)
            || (logged.Form == LoggedValueForm.Argument && call.Api is LogApi.LoggerMessageMethod or LogApi.LoggerMessageDelegate))
        {
            return null;
        }

        return PlanInCall(invocationSyntax, call, logged, model, options, cancellationToken) is { } edits
            ? (ValueNames.Display(logged.Value), edits)
            : null;
    }

    /// <summary>
    /// <c>ThreadContext.Properties["Token"] = token;</c>, <c>logEvent.Properties["Token"] = token;</c>: the diagnostic's
    /// additional location 0 is the assignment, and the statement goes.
    /// </summary>
    private static (string ValueText, ContainerEdit Edit)? PlanContextProperty(
        SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (diagnostic.AdditionalLocations.Count == 0 || !root.FullSpan.Contains(diagnostic.AdditionalLocations[0].SourceSpan)
            || root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) is not AssignmentExpressionSyntax assignment
            || assignment.Span != diagnostic.AdditionalLocations[0].SourceSpan
            || !assignment.Right.Span.Contains(diagnostic.Location.SourceSpan)
            || SkipParentheses(assignment).Parent is not ExpressionStatementSyntax { Parent: BlockSyntax block } statement
            || model.GetOperation(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true), cancellationToken) is not { } value)
        {
            return null;
        }

        return (ValueNames.Display(value), RemoveStatement(block, statement));
    }

    /// <summary>The call at additional location 0 and the value at the diagnostic's location, as the properties describe them.</summary>
    private static (InvocationExpressionSyntax Syntax, IInvocationOperation Invocation, ReportedCall Call, LoggedValue Value)? Locate(
        SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        diagnostic.Properties.TryGetValue(DiagnosticProperties.Form, out var form);
        if (diagnostic.AdditionalLocations.Count == 0 || FindInvocation(root, diagnostic.AdditionalLocations[0].SourceSpan) is not { } invocationSyntax
            || model.GetOperation(invocationSyntax, cancellationToken) is not IInvocationOperation invocation
            || ReportedCall.From(diagnostic, invocation) is not { } call
            || !System.Enum.TryParse<LoggedValueForm>(form, out var valueForm)
            || !root.FullSpan.Contains(diagnostic.Location.SourceSpan)
            || !invocationSyntax.Span.Contains(diagnostic.Location.SourceSpan)
            || model.GetOperation(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true), cancellationToken) is not { } valueOperation
            || valueOperation.Syntax.Span != diagnostic.Location.SourceSpan)
        {
            return null;
        }

        return (invocationSyntax, invocation, call, new LoggedValue(valueOperation, label: null, valueForm, call.ArgumentTemplateIndex, destructure: false, stringified: false));
    }

    private static List<ContainerEdit>? PlanInCall(
        InvocationExpressionSyntax invocationSyntax, ReportedCall call, LoggedValue logged, SemanticModel model, LogSafetyOptions options, CancellationToken cancellationToken)
    {
        var context = new Context(call, invocationSyntax, model, options, ValueNames.WordsOf(logged.Value), cancellationToken);
        if (PlanValue(context, logged) is not { } edit)
        {
            return null;
        }

        var edits = new List<ContainerEdit> { edit };
        edits.AddRange(context.MoreEdits);

        // What is left of the message must still name the event.
        if (edit is not MessageEdit && MessageArgumentIndex(context) is { } messageIndex)
        {
            edits.Add(new MessageEdit(invocationSyntax, messageIndex, replaceAlways: false));
        }

        return edits;
    }

    private static int? MessageArgumentIndex(Context context) =>
        context.Call.Api is not (LogApi.LoggerMessageDelegate or LogApi.LoggerMessageMethod) ? context.Call.TemplateArgumentIndex : null;

    private static InvocationExpressionSyntax? FindInvocation(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        if (!root.FullSpan.Contains(span))
        {
            return null;
        }

        return root.FindNode(span, getInnermostNodeForTie: true)
            .AncestorsAndSelf()
            .OfType<InvocationExpressionSyntax>()
            .FirstOrDefault(node => node.Span == span);
    }

    private static ContainerEdit? PlanValue(Context context, LoggedValue value)
    {
        var syntax = value.Syntax;
        switch (value.Form)
        {
            case LoggedValueForm.Argument:
                return PlanArgument(context, value);

            case LoggedValueForm.InterpolationHole:
                return syntax.Ancestors().OfType<InterpolationSyntax>().FirstOrDefault() is { Parent: InterpolatedStringExpressionSyntax interpolated } interpolation
                    ? PlanInterpolation(context, interpolated, interpolation)
                    : null;

            case LoggedValueForm.ConcatenationOperand:
                return PlanConcatenation(context, syntax);

            case LoggedValueForm.FormatArgument:
                return PlanFormatArgument(context, value);

            case LoggedValueForm.AnonymousMember:
                return syntax.AncestorsAndSelf().OfType<AnonymousObjectMemberDeclaratorSyntax>().FirstOrDefault() is { Parent: AnonymousObjectCreationExpressionSyntax anonymous } member
                    ? ListRemoval(anonymous, anonymous.Initializers.IndexOf(member))
                    : null;

            case LoggedValueForm.DictionaryEntry:
                return DictionaryEntryUnit(syntax) is { } entry ? PlanUnit(context, entry) : null;

            case LoggedValueForm.TupleElement:
                return PlanTupleElement(context, syntax);

            case LoggedValueForm.CollectionElement:
                return SkipParentheses(syntax) is { Parent: InitializerExpressionSyntax } element ? PlanUnit(context, element) : null;

            case LoggedValueForm.Message:
                return PlanWholeMessage(context, value);

            default:
                return null;
        }
    }

    private static int? ArgumentIndex(InvocationExpressionSyntax invocation, SyntaxNode valueSyntax)
    {
        for (var node = valueSyntax; node is not null && node != invocation; node = node.Parent)
        {
            if (node is ArgumentSyntax argument && argument.Parent == invocation.ArgumentList)
            {
                return invocation.ArgumentList.Arguments.IndexOf(argument);
            }
        }

        return null;
    }

    private static SyntaxNode SkipParentheses(SyntaxNode node)
    {
        while (node.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            node = parenthesized;
        }

        return node;
    }

    private readonly struct Context
    {
        public Context(
            ReportedCall call, InvocationExpressionSyntax invocationSyntax, SemanticModel model, LogSafetyOptions options, ImmutableArray<string> valueWords, CancellationToken cancellationToken)
        {
            ValueWords = valueWords;
            MoreEdits = new List<ContainerEdit>();
            Call = call;
            InvocationSyntax = invocationSyntax;
            Model = model;
            Options = options;
            CancellationToken = cancellationToken;
        }

        public ReportedCall Call { get; }
        public InvocationExpressionSyntax InvocationSyntax { get; }
        public SemanticModel Model { get; }
        public LogSafetyOptions Options { get; }
        public CancellationToken CancellationToken { get; }

        /// <summary>The words of the removed value's name, to recognize its label in the message text.</summary>
        public ImmutableArray<string> ValueWords { get; }

        /// <summary>Edits of other containers the removal needs besides the one it returns (an array and its call's template).</summary>
        public List<ContainerEdit> MoreEdits { get; }
    }
}
