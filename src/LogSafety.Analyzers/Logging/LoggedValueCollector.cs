using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Logging;

/// <summary>
/// Lists every value a log call writes, each with the name the log gives it: template values (named by their hole),
/// interpolation holes, concatenation operands, string.Format arguments, anonymous-object members, dictionary,
/// key-value and tuple entries (named by their key), array elements. Bounded in depth and count.
/// </summary>
internal static class LoggedValueCollector
{
    private const int MaxDepth = 6;
    private const int MaxValues = 512;

    public static ImmutableArray<LoggedValue> Collect(LogCall call)
    {
        var values = ImmutableArray.CreateBuilder<LoggedValue>();
        if (call.TemplateArgument is { } templateArgument && !templateArgument.Value.ConstantValue.HasValue)
        {
            Expand(templateArgument.Value, label: null, LoggedValueForm.Message, -1, destructure: false, stringified: true, depth: 0, values);
        }

        foreach (var argument in call.Arguments)
        {
            var hole = call.Template?.HoleFor(argument.TemplateIndex);
            var label = hole?.IsPositional == false ? hole.Value.Name : argument.Label;
            var destructure = argument.Destructure || hole?.Destructure == true;
            var stringified = hole?.Stringify == true || call.Api is LogApi.ConsoleOrTrace or LogApi.Log4Net;
            Expand(argument.Value, label, LoggedValueForm.Argument, argument.TemplateIndex, destructure, stringified, depth: 0, values);
        }

        return values.ToImmutable();
    }

    private static void Expand(
        IOperation operation,
        string? label,
        LoggedValueForm form,
        int templateIndex,
        bool destructure,
        bool stringified,
        int depth,
        ImmutableArray<LoggedValue>.Builder values)
    {
        if (values.Count >= MaxValues)
        {
            return;
        }

        operation = SkipConversions(operation);
        if (depth < MaxDepth)
        {
            switch (operation)
            {
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (HoleOf(part) is { } hole)
                        {
                            Expand(hole, null, LoggedValueForm.InterpolationHole, -1, false, true, depth + 1, values);
                        }
                    }

                    return;

                // $"..." given to an interpolated string handler (Debug.Assert, Debug.WriteIf): the same holes.
                case IInterpolatedStringHandlerCreationOperation handler:
                    Expand(handler.Content, label, form, templateIndex, destructure, stringified, depth + 1, values);
                    return;

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                    Expand(binary.LeftOperand, null, LoggedValueForm.ConcatenationOperand, -1, false, true, depth + 1, values);
                    Expand(binary.RightOperand, null, LoggedValueForm.ConcatenationOperand, -1, false, true, depth + 1, values);
                    return;

                case IInvocationOperation invocation when IsStringBuilding(invocation.TargetMethod):
                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Value.ConstantValue.HasValue || argument.Parameter?.Type.SpecialType == SpecialType.System_String && argument.Parameter.Name == "format")
                        {
                            if (!argument.Value.ConstantValue.HasValue)
                            {
                                Expand(argument.Value, null, LoggedValueForm.FormatArgument, -1, false, true, depth + 1, values);
                            }

                            continue;
                        }

                        ExpandArrayOrValue(argument, LoggedValueForm.FormatArgument, depth, values);
                    }

                    return;

                // JsonSerializer.Serialize(new { email, password }): the members are written, each under its name.
                case IInvocationOperation serialize when IsSerialization(serialize.TargetMethod)
                    && serialize.Arguments.Length > 0
                    && SkipConversions(serialize.Arguments[0].Value) is IAnonymousObjectCreationOperation or IObjectCreationOperation { Initializer: not null }:
                    Expand(serialize.Arguments[0].Value, null, LoggedValueForm.Argument, -1, destructure: true, stringified: true, depth + 1, values);
                    return;

                case IAnonymousObjectCreationOperation anonymous:
                    foreach (var initializer in anonymous.Initializers)
                    {
                        if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                        {
                            Expand(assignment.Value, property.Property.Name, LoggedValueForm.AnonymousMember, -1, destructure, stringified, depth + 1, values);
                        }
                    }

                    return;

                case IObjectCreationOperation creation when TryExpandKeyedCreation(creation, destructure, stringified, depth, values):
                    return;

                case ITupleOperation tuple:
                    ExpandTuple(tuple, destructure, stringified, depth, values);
                    return;

                case IArrayCreationOperation { Initializer: { } arrayInitializer }:
                    foreach (var element in arrayInitializer.ElementValues)
                    {
                        Expand(element, label, LoggedValueForm.CollectionElement, -1, destructure, stringified, depth + 1, values);
                    }

                    return;

                case IConditionalOperation conditional when conditional.WhenFalse is not null:
                    Expand(conditional.WhenTrue, label, form, templateIndex, destructure, stringified, depth + 1, values);
                    Expand(conditional.WhenFalse, label, form, templateIndex, destructure, stringified, depth + 1, values);
                    return;

                case ICoalesceOperation coalesce:
                    Expand(coalesce.Value, label, form, templateIndex, destructure, stringified, depth + 1, values);
                    Expand(coalesce.WhenNull, label, form, templateIndex, destructure, stringified, depth + 1, values);
                    return;

                // var scope = new Dictionary<string, object> { ["UserId"] = id }; scope["Token"] = token;
                // logger.BeginScope(scope): the entries the method put in the local before the call are written too.
                case ILocalReferenceOperation local when IsKeyedCollection(local.Local.Type):
                    var entries = ImmutableArray.CreateBuilder<LoggedValue>();
                    ExpandLocalEntries(local, destructure, stringified, depth, entries);
                    foreach (var entry in entries)
                    {
                        if (values.Count < MaxValues)
                        {
                            values.Add(entry.HeldBy(local, form));
                        }
                    }

                    break;
            }
        }

        values.Add(new LoggedValue(operation, label, form, templateIndex, destructure, stringified));
    }

    /// <summary>The expression of an interpolation hole, written directly or lowered to a handler's AppendFormatted call.</summary>
    private static IOperation? HoleOf(IInterpolatedStringContentOperation part) => part switch
    {
        IInterpolationOperation interpolation => interpolation.Expression,
        IInterpolatedStringAppendOperation { Kind: OperationKind.InterpolatedStringAppendFormatted, AppendCall: IInvocationOperation { Arguments.Length: > 0 } call } =>
            call.Arguments[0].Value,
        _ => null,
    };

    private static void ExpandArrayOrValue(IArgumentOperation argument, LoggedValueForm form, int depth, ImmutableArray<LoggedValue>.Builder values)
    {
        // string.Format's params object[] and, on .NET 9+, params ReadOnlySpan<object?>.
        var elements = ArgumentElements.Of(argument);
        if (!elements.IsDefault)
        {
            foreach (var element in elements)
            {
                Expand(element, null, form, -1, false, true, depth + 1, values);
            }

            return;
        }

        Expand(argument.Value, null, form, -1, false, true, depth + 1, values);
    }

    /// <summary>KeyValuePair("key", value), dictionaries and lists of pairs with initializers: the key names the value.</summary>
    private static bool TryExpandKeyedCreation(IObjectCreationOperation creation, bool destructure, bool stringified, int depth, ImmutableArray<LoggedValue>.Builder values)
    {
        if (creation.Type is INamedTypeSymbol { Name: "KeyValuePair", Arity: 2 } && creation.Arguments.Length == 2)
        {
            ExpandEntry(creation.Arguments[0].Value, creation.Arguments[1].Value, destructure, stringified, depth, values);
            return true;
        }

        if (creation.Initializer is not { } initializer || initializer.Initializers.IsEmpty)
        {
            return false;
        }

        var any = false;
        foreach (var element in initializer.Initializers)
        {
            switch (element)
            {
                // ["password"] = value
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } assignment:
                    ExpandEntry(indexer.Arguments[0].Value, assignment.Value, destructure, stringified, depth, values);
                    any = true;
                    break;

                // { "password", value } and Add(new KeyValuePair(...))
                case IInvocationOperation { TargetMethod.Name: "Add" } add when add.Arguments.Length == 2:
                    ExpandEntry(add.Arguments[0].Value, add.Arguments[1].Value, destructure, stringified, depth, values);
                    any = true;
                    break;

                case IInvocationOperation { TargetMethod.Name: "Add" } add when add.Arguments.Length == 1:
                    Expand(add.Arguments[0].Value, null, LoggedValueForm.CollectionElement, -1, destructure, stringified, depth + 1, values);
                    any = true;
                    break;
            }
        }

        return any;
    }

    /// <summary>
    /// The entries put in a local dictionary (or list of pairs) by the statements before the log call, in its block and
    /// the blocks around it and in the branches of an if among them: its initializer, <c>local["key"] = value</c> and
    /// <c>local.Add("key", value)</c>. Bounded by
    /// <see cref="MaxStatementsBefore"/>; nothing outside the method is read.
    /// </summary>
    private static void ExpandLocalEntries(ILocalReferenceOperation reference, bool destructure, bool stringified, int depth, ImmutableArray<LoggedValue>.Builder values)
    {
        var examined = 0;
        for (IOperation? statement = reference; statement?.Parent is not null; statement = statement.Parent)
        {
            if (statement.Parent is not IBlockOperation block)
            {
                continue;
            }

            foreach (var before in block.Operations)
            {
                if (before == statement || ++examined > MaxStatementsBefore)
                {
                    break;
                }

                // if (request.Content != null) scope.Add("RequestBody", ...): the branches of an if before the call too.
                if (before is IConditionalOperation { Type: null } branching)
                {
                    foreach (var branch in new[] { branching.WhenTrue, branching.WhenFalse })
                    {
                        foreach (var inner in branch is IBlockOperation nested ? nested.Operations : branch is null ? ImmutableArray<IOperation>.Empty : ImmutableArray.Create(branch))
                        {
                            if (++examined <= MaxStatementsBefore)
                            {
                                ExpandEntriesIn(inner, reference.Local, destructure, stringified, depth, values);
                            }
                        }
                    }

                    continue;
                }

                ExpandEntriesIn(before, reference.Local, destructure, stringified, depth, values);
            }
        }
    }

    private const int MaxStatementsBefore = 64;

    private static void ExpandEntriesIn(IOperation statement, ILocalSymbol local, bool destructure, bool stringified, int depth, ImmutableArray<LoggedValue>.Builder values)
    {
        switch (statement)
        {
            case IVariableDeclarationGroupOperation group:
                foreach (var declaration in group.Declarations)
                {
                    foreach (var declarator in declaration.Declarators)
                    {
                        var initializer = declarator.Initializer ?? declaration.Initializer;
                        if (SymbolEqualityComparer.Default.Equals(declarator.Symbol, local) && initializer is not null
                            && SkipConversions(initializer.Value) is IObjectCreationOperation creation)
                        {
                            TryExpandKeyedCreation(creation, destructure, stringified, depth, values);
                        }
                    }
                }

                break;

            // local["key"] = value
            case IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer } assignment }
                when IsLocal(indexer.Instance, local):
                ExpandEntry(indexer.Arguments[0].Value, assignment.Value, destructure, stringified, depth, values);
                break;

            // local.Add("key", value), local.TryAdd("key", value), also as an extension method
            case IExpressionStatementOperation { Operation: IInvocationOperation { TargetMethod.Name: "Add" or "TryAdd" } add }:
                var first = add.TargetMethod.IsExtensionMethod ? 1 : 0;
                if (add.Arguments.Length == first + 2 && IsLocal(first == 1 ? SkipConversions(add.Arguments[0].Value) : add.Instance, local))
                {
                    ExpandEntry(add.Arguments[first].Value, add.Arguments[first + 1].Value, destructure, stringified, depth, values);
                }

                break;
        }
    }

    /// <summary>An entry of a dictionary or pair list: its constant key, if any, names the value.</summary>
    private static void ExpandEntry(IOperation key, IOperation value, bool destructure, bool stringified, int depth, ImmutableArray<LoggedValue>.Builder values) =>
        Expand(value, key.ConstantValue is { HasValue: true, Value: string name } ? name : null, LoggedValueForm.DictionaryEntry, -1, destructure, stringified, depth + 1, values);

    private static bool IsLocal(IOperation? operation, ILocalSymbol local) =>
        operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);

    /// <summary>A dictionary or list of pairs keyed by string: what a scope or a destructured value writes entry by entry.</summary>
    private static bool IsKeyedCollection(ITypeSymbol type)
    {
        if (type.SpecialType != SpecialType.None || type.TypeKind is not (TypeKind.Class or TypeKind.Interface))
        {
            return false;
        }

        foreach (var candidate in type.TypeKind == TypeKind.Interface ? type.AllInterfaces.Add((INamedTypeSymbol)type) : type.AllInterfaces)
        {
            if (candidate is { Name: "IEnumerable", Arity: 1 } enumerable
                && enumerable.TypeArguments[0] is INamedTypeSymbol { Name: "KeyValuePair", Arity: 2 } pair
                && pair.TypeArguments[0].SpecialType == SpecialType.System_String)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>("password", value) is a keyed entry; (Password: value) is named by its element; (email, password) by each value.</summary>
    private static void ExpandTuple(ITupleOperation tuple, bool destructure, bool stringified, int depth, ImmutableArray<LoggedValue>.Builder values)
    {
        var elements = tuple.Elements;
        if (elements.Length == 2 && elements[0].ConstantValue is { HasValue: true, Value: string key })
        {
            Expand(elements[1], key, LoggedValueForm.TupleElement, -1, destructure, stringified, depth + 1, values);
            return;
        }

        var fields = (tuple.Type as INamedTypeSymbol)?.TupleElements ?? default;
        for (var i = 0; i < elements.Length; i++)
        {
            string? name = null;
            if (!fields.IsDefault && i < fields.Length && fields[i].IsExplicitlyNamedTupleElement)
            {
                name = fields[i].Name;
            }

            Expand(elements[i], name, LoggedValueForm.TupleElement, -1, destructure, stringified, depth + 1, values);
        }
    }

    private static bool IsSerialization(IMethodSymbol method) =>
        method.Name is "Serialize" or "SerializeObject" or "SerializeToUtf8Bytes"
        && method.ContainingType is { Name: "JsonSerializer" or "JsonConvert" } type
        && type.ContainingNamespace?.ToDisplayString() is "System.Text.Json" or "Newtonsoft.Json";

    private static bool IsStringBuilding(IMethodSymbol method) =>
        method.ContainingType?.SpecialType == SpecialType.System_String && method.Name is "Format" or "Concat" or "Join";

    internal static IOperation SkipConversions(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                default:
                    return operation;
            }
        }
    }
}
