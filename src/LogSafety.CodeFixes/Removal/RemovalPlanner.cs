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

/// <summary>
/// Works out how to take one reported value out of its log call. The call is recognized again with the analyzer's own
/// recognizer, the reported value is found among the values it writes, and the smallest enclosing construct that can
/// lose it (argument list with template, interpolated string, concatenation, anonymous object, initializer, tuple,
/// property call, using statement) gets an edit. Returns null when no removal keeps the code correct.
/// </summary>
internal static class RemovalPlanner
{
    public const string LoggerMessageParameterForm = "LoggerMessageParameter";

    public static async Task<PlannedRemoval?> PlanAsync(RemovalSession session, Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Location.IsInSource || await session.GetAsync(document.Id, cancellationToken).ConfigureAwait(false) is not { } state)
        {
            return null;
        }

        var (root, model) = state;
        diagnostic.Properties.TryGetValue(LoggedSecretAnalyzer.FormProperty, out var form);
        if (form == LoggerMessageParameterForm)
        {
            return await LoggerMessageParameterRemoval.PlanAsync(session, root, model, diagnostic, cancellationToken).ConfigureAwait(false);
        }

        if (diagnostic.AdditionalLocations.Count == 0 || FindInvocation(root, diagnostic.AdditionalLocations[0].SourceSpan) is not { } invocationSyntax
            || model.GetOperation(invocationSyntax, cancellationToken) is not IInvocationOperation invocation)
        {
            return null;
        }

        var options = session.OptionsFor(document, root.SyntaxTree);
        var call = session.RecognizerFor(model.Compilation).Recognize(invocation, options, cancellationToken);
        if (call is null)
        {
            return null;
        }

        LoggedValue? found = null;
        foreach (var value in LoggedValueCollector.Collect(call))
        {
            if (value.Syntax.Span == diagnostic.Location.SourceSpan)
            {
                found = value;
                break;
            }
        }

        if (found is not { } logged)
        {
            return null;
        }

        if (call.Api == LogApi.LoggerMessageMethod && logged.Form == LoggedValueForm.Argument)
        {
            // A [LoggerMessage] call reports when the generated declaration cannot: the parameter goes everywhere,
            // if it is itself named like a secret; a secret passed for an ordinary parameter has no fix here.
            var parameter = call.Arguments.FirstOrDefault(a => a.Value.Syntax.Span.Contains(logged.Syntax.Span)).Parameter;
            return parameter is not null && NameClassifier.Classify(parameter.Name, options).IsSensitive
                ? await LoggerMessageParameterRemoval.PlanAsync(session, parameter, cancellationToken).ConfigureAwait(false)
                : null;
        }

        var edit = PlanValue(new Context(call, invocationSyntax, model, options, ValueNames.WordsOf(logged.Value), cancellationToken), logged);
        return edit is null ? null : new PlannedRemoval(ValueNames.Display(logged.Value), new[] { (document.Id, edit) });
    }

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

            default:
                // The message itself (logger.LogInformation(password)): nothing is left to log without it.
                return null;
        }
    }

    /// <summary>A value that is (part of) an argument of the log call itself.</summary>
    private static ContainerEdit? PlanArgument(Context context, LoggedValue value)
    {
        var call = context.Call;
        if (call.Api is LogApi.LoggerMessageDelegate or LogApi.LoggerMessageMethod)
        {
            // The template lives in the Define call or the [LoggerMessage] attribute, away from this call.
            return null;
        }

        if (call.TemplateArgument is null && call.Api is LogApi.Serilog or LogApi.NLog
            && call.SinkName is "ForContext" or "PushProperty" or "Property" or "WithProperty")
        {
            return PlanPropertyCall(context);
        }

        foreach (var argument in call.Arguments)
        {
            if (argument.Value.Syntax.Span.Contains(value.Syntax.Span))
            {
                return PlanLoggedArgument(context, argument);
            }
        }

        return null;
    }

    private static ContainerEdit? PlanLoggedArgument(Context context, LoggedArgument argument)
    {
        var invocation = context.InvocationSyntax;
        if (ArgumentIndex(invocation, argument.Value.Syntax) is not { } index || invocation.ArgumentList.Arguments[index].NameColon is not null)
        {
            return null;
        }

        var template = CallTemplateOf(context);
        if (argument.TemplateIndex >= 0)
        {
            if (template is null)
            {
                return null;
            }
        }
        else if (!IsOmittable(context, argument, index))
        {
            return null;
        }

        var edit = new ArgumentsEdit(invocation, template, context.Options);
        edit.Add(index, argument.TemplateIndex, context.ValueWords);
        return edit;
    }

    /// <summary>An optional argument that nothing positional follows, or one element of an expanded params list.</summary>
    private static bool IsOmittable(Context context, LoggedArgument argument, int index)
    {
        var parameter = argument.Parameter;
        if (parameter is null)
        {
            return false;
        }

        foreach (var operation in context.Call.Invocation.Arguments)
        {
            if (SymbolEqualityComparer.Default.Equals(operation.Parameter, parameter))
            {
                if (operation.ArgumentKind == ArgumentKind.ParamArray)
                {
                    return true;
                }

                break;
            }
        }

        if (!parameter.IsOptional)
        {
            return false;
        }

        var arguments = context.InvocationSyntax.ArgumentList.Arguments;
        for (var i = index + 1; i < arguments.Count; i++)
        {
            if (arguments[i].NameColon is null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The call's constant template literal, when holes can be edited in place.</summary>
    private static CallTemplate? CallTemplateOf(Context context)
    {
        var call = context.Call;
        if (call.TemplateArgument is null || call.Template is null
            || ArgumentIndex(context.InvocationSyntax, call.TemplateArgument.Value.Syntax) is not { } index
            || !StringLiteralText.TryCreate(context.InvocationSyntax.ArgumentList.Arguments[index].Expression, out _))
        {
            return null;
        }

        var unescape = call.Api is LogApi.ConsoleOrTrace or LogApi.NLog;
        return new CallTemplate(index, call.Template, call.Template.IsPositional, unescape, collapseWhenNoValues: false);
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

        if (method.IsStatic)
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

        if (statement?.Parent is not BlockSyntax block)
        {
            return null;
        }

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

    private static ContainerEdit? PlanInterpolation(Context context, InterpolatedStringExpressionSyntax interpolated, InterpolationSyntax interpolation)
    {
        var index = interpolated.Contents.OfType<InterpolationSyntax>().ToList().IndexOf(interpolation);
        var edit = new InterpolationEdit(interpolated, context.Options);
        edit.Add(index, context.ValueWords);
        return edit;
    }

    private static ContainerEdit? PlanConcatenation(Context context, SyntaxNode valueSyntax)
    {
        var operand = SkipParentheses(valueSyntax);
        if (operand.Parent is not BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } binary)
        {
            return null;
        }

        var root = binary;
        while (root.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } parent && parent.Left == root && IsString(context, parent))
        {
            root = parent;
        }

        var count = 1;
        for (ExpressionSyntax node = root; node is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } chain && IsString(context, chain); node = chain.Left)
        {
            count++;
        }

        if (!ConcatenationEdit.TryFlatten(root, count, out var operands, out _))
        {
            return null;
        }

        var index = operands.IndexOf((ExpressionSyntax)operand);
        if (index < 0)
        {
            return null;
        }

        var edit = new ConcatenationEdit(root, operands.Select(o => IsString(context, o)).ToImmutableArray(), context.Options);
        edit.Add(index, context.ValueWords);
        return edit;
    }

    private static bool IsString(Context context, ExpressionSyntax expression) =>
        context.Model.GetTypeInfo(expression, context.CancellationToken).Type?.SpecialType == SpecialType.System_String;

    /// <summary>An argument of string.Format (the format loses its hole, renumbered), string.Concat or string.Join.</summary>
    private static ContainerEdit? PlanFormatArgument(Context context, LoggedValue value)
    {
        IInvocationOperation? building = null;
        for (var current = value.Value.Parent; current is not null; current = current.Parent)
        {
            if (current is IInvocationOperation invocation)
            {
                building = invocation;
                break;
            }
        }

        if (building?.Syntax is not InvocationExpressionSyntax syntax || ArgumentIndex(syntax, value.Syntax) is not { } index
            || syntax.ArgumentList.Arguments[index].NameColon is not null)
        {
            return null;
        }

        var method = building.TargetMethod;
        if (method.Name == "Format")
        {
            var format = building.Arguments.FirstOrDefault(a => a.Parameter?.Name == "format");
            if (format is null || ArgumentIndex(syntax, format.Value.Syntax) is not { } formatIndex || index <= formatIndex
                || !StringLiteralText.TryCreate(syntax.ArgumentList.Arguments[formatIndex].Expression, out _)
                || format.Value.ConstantValue.Value is not string formatText
                || building.Arguments.Any(a => a.ArgumentKind == ArgumentKind.ParamArray && a.Value is not IArrayCreationOperation { Initializer: not null }))
            {
                return null;
            }

            var template = new CallTemplate(formatIndex, MessageTemplate.Parse(formatText), positional: true, unescapeWhenNoValues: false, collapseWhenNoValues: true);
            var formatEdit = new ArgumentsEdit(syntax, template, context.Options);
            formatEdit.Add(index, index - formatIndex - 1, context.ValueWords);
            return formatEdit;
        }

        // string.Concat / string.Join: the value goes if the call still binds without it.
        var remaining = SeparatedListRemoval.Remove(syntax.ArgumentList.Arguments, new[] { index });
        var speculative = syntax.WithArgumentList(syntax.ArgumentList.WithArguments(remaining));
        if (context.Model.GetSpeculativeSymbolInfo(syntax.SpanStart, speculative, SpeculativeBindingOption.BindAsExpression).Symbol is not IMethodSymbol bound
            || bound.ReturnType.SpecialType != SpecialType.System_String)
        {
            return null;
        }

        var edit = new ArgumentsEdit(syntax, null, context.Options);
        edit.Add(index, -1);
        return edit;
    }

    private static ContainerEdit? PlanTupleElement(Context context, SyntaxNode valueSyntax)
    {
        var argument = valueSyntax.AncestorsAndSelf().OfType<ArgumentSyntax>().FirstOrDefault();
        if (argument?.Parent is not TupleExpressionSyntax tuple)
        {
            return null;
        }

        // ("password", value) is one keyed entry: the whole pair goes.
        if (tuple.Arguments.Count == 2 && context.Model.GetConstantValue(tuple.Arguments[0].Expression, context.CancellationToken).Value is string)
        {
            return PlanUnit(context, tuple);
        }

        // Dropping an element changes the tuple's type: only fine where any type goes (object, an inferred TState).
        if (!AcceptsAnyType(context, tuple))
        {
            return null;
        }

        return ListRemoval(tuple, tuple.Arguments.IndexOf(argument));
    }

    private static bool AcceptsAnyType(Context context, ExpressionSyntax expression)
    {
        if (context.Model.GetTypeInfo(expression, context.CancellationToken).ConvertedType?.SpecialType == SpecialType.System_Object)
        {
            return true;
        }

        return SkipParentheses(expression).Parent is ArgumentSyntax argument
            && context.Model.GetOperation(argument, context.CancellationToken) is IArgumentOperation { Parameter: { } parameter }
            && parameter.OriginalDefinition.Type is ITypeParameterSymbol;
    }

    /// <summary>["password"] = value, { "password", value } or a KeyValuePair creation: the entry that holds the value.</summary>
    private static SyntaxNode? DictionaryEntryUnit(SyntaxNode valueSyntax)
    {
        foreach (var node in valueSyntax.Ancestors())
        {
            switch (node)
            {
                case AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax, Left: ImplicitElementAccessSyntax } assignment:
                    return assignment;
                case InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ComplexElementInitializerExpression } complex:
                    return complex;
                case BaseObjectCreationExpressionSyntax creation:
                    return creation;
                case StatementSyntax:
                case InvocationExpressionSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>Removes a whole element (entry, keyed tuple) from whatever holds it.</summary>
    private static ContainerEdit? PlanUnit(Context context, SyntaxNode unit)
    {
        unit = SkipParentheses(unit);
        switch (unit.Parent)
        {
            case InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.ArrayInitializerExpression) || initializer.IsKind(SyntaxKind.CollectionInitializerExpression)
                || initializer.IsKind(SyntaxKind.ObjectInitializerExpression):
                if (IsTemplateArgumentArray(context, initializer))
                {
                    return null;
                }

                return ListRemoval(initializer, initializer.Expressions.IndexOf((ExpressionSyntax)unit));

            case ArgumentSyntax { Parent: TupleExpressionSyntax tuple } element:
                return ListRemoval(tuple, tuple.Arguments.IndexOf(element));

            case ArgumentSyntax element when element.Parent == context.InvocationSyntax.ArgumentList:
                foreach (var argument in context.Call.Arguments)
                {
                    if (argument.Value.Syntax.Span.Contains(unit.Span))
                    {
                        return PlanLoggedArgument(context, argument);
                    }
                }

                return null;

            default:
                return null;
        }
    }

    /// <summary>new object[] { a, b } passed for a template's values: its elements pair with holes we would have to renumber.</summary>
    private static bool IsTemplateArgumentArray(Context context, InitializerExpressionSyntax initializer) =>
        context.Call.Template is not null
        && initializer.Parent is ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax
        && initializer.Parent.Parent is ArgumentSyntax argument
        && argument.Parent == context.InvocationSyntax.ArgumentList
        && context.Model.GetOperation(argument, context.CancellationToken) is IArgumentOperation { Parameter.IsParams: true, ArgumentKind: ArgumentKind.Explicit };

    private static ContainerEdit? ListRemoval(SyntaxNode list, int index)
    {
        if (index < 0)
        {
            return null;
        }

        var edit = new ListEdit(list);
        edit.Add(index);
        return edit;
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
            LogCall call, InvocationExpressionSyntax invocationSyntax, SemanticModel model, LogSafetyOptions options, ImmutableArray<string> valueWords, CancellationToken cancellationToken)
        {
            ValueWords = valueWords;
            Call = call;
            InvocationSyntax = invocationSyntax;
            Model = model;
            Options = options;
            CancellationToken = cancellationToken;
        }

        public LogCall Call { get; }
        public InvocationExpressionSyntax InvocationSyntax { get; }
        public SemanticModel Model { get; }
        public LogSafetyOptions Options { get; }
        public CancellationToken CancellationToken { get; }

        /// <summary>The words of the removed value's name, to recognize its label in the message text.</summary>
        public ImmutableArray<string> ValueWords { get; }
    }
}
