using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using LogSafety.Analyzers.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace LogSafety.Analyzers.Logging;

/// <summary>
/// An invocation a method passes one of its parameters to: the simple name it calls and, when syntax shows it, the
/// simple name of the receiver's declared type (a parameter, local, field or property of a written type, or a type
/// named for a static call).
/// </summary>
internal sealed class Forward : System.IEquatable<Forward>
{
    public Forward(string name, string? receiverType, bool receiverGuessed = false)
    {
        Name = name;
        ReceiverType = receiverType;
        ReceiverGuessed = receiverGuessed;
    }

    public string Name { get; }

    /// <summary>
    /// The enclosing type for a call without a receiver or on this or base; null when any method of that name may be
    /// called: a receiver whose type syntax does not show (var, a member of another part or a base type, a type
    /// parameter, an expression).
    /// </summary>
    public string? ReceiverType { get; }

    /// <summary>
    /// The receiver is a name written like a type that nothing in the method or its type declares: a type when the
    /// application declares one of that name, else possibly an inherited member, and then any method may be called.
    /// </summary>
    public bool ReceiverGuessed { get; }

    public bool Equals(Forward? other) => other is not null && Name == other.Name && ReceiverType == other.ReceiverType && ReceiverGuessed == other.ReceiverGuessed;

    public override bool Equals(object? obj) => obj is Forward other && Equals(other);

    public override int GetHashCode() => (((Name.GetHashCode() * 31) + (ReceiverType?.GetHashCode() ?? 0)) * 2) + (ReceiverGuessed ? 1 : 0);
}

/// <summary>
/// One method or local function as syntax shows it: the invocations it passes its own parameters to. What the body
/// passes on is read on first use (<see cref="ForwardsTo"/>): most methods never need it, because the names their
/// text may invoke (<see cref="Words"/>) include no log method and no candidate.
/// </summary>
internal sealed class MethodOutline
{
    private readonly SyntaxNode? _declaration;
    private readonly ParameterListSyntax? _parameters;
    private readonly SyntaxNode? _body;
    private Reading? _reading;
    private int _localFunctions;

    /// <summary>A method without a body (interface, abstract, partial definition): it passes nothing on itself.</summary>
    public MethodOutline(SyntaxTree tree, TextSpan span, string name, string? containingType, bool isExtension)
    {
        Tree = tree;
        Span = span;
        Name = name;
        ContainingType = containingType;
        IsExtension = isExtension;
        _reading = Reading.Nothing;
    }

    /// <summary>A method with a body, read when first asked.</summary>
    public MethodOutline(SyntaxNode declaration, string name, string? containingType, bool isExtension, ParameterListSyntax parameters, SyntaxNode body, int[]? words)
    {
        Tree = declaration.SyntaxTree;
        Span = declaration.Span;
        Name = name;
        ContainingType = containingType;
        IsExtension = isExtension;
        HasBody = true;
        Words = words;
        _declaration = declaration;
        _parameters = parameters;
        _body = body;
    }

    public SyntaxTree Tree { get; }

    /// <summary>The span of the declaration node: with <see cref="Tree"/>, its identity across threads.</summary>
    public TextSpan Span { get; }

    public string Name { get; }

    /// <summary>The simple name of the type that declares the method; null for a local function.</summary>
    public string? ContainingType { get; }

    /// <summary>An extension method is called on receivers of any type.</summary>
    public bool IsExtension { get; }

    /// <summary>False for interface, abstract and partial-definition methods: they log what their implementations log.</summary>
    public bool HasBody { get; }

    /// <summary>The hashed names the body's text may invoke (<see cref="WordHashes"/>): every name it invokes is among them. Null: any name may be.</summary>
    public int[]? Words { get; }

    /// <summary>
    /// The methods and delegates invoked with one of this method's parameters among their arguments, by name; empty
    /// when the body has more than <see cref="WrapperIndex.MaxStatements"/> statements.
    /// </summary>
    public ImmutableArray<Forward> ForwardsTo => Read().ForwardsTo;

    /// <summary>
    /// The body declares local functions, which the outline does not read: what it calls there is not in
    /// <see cref="ForwardsTo"/>. Looked for on first use: only candidates are asked.
    /// </summary>
    public bool HasLocalFunctions
    {
        get
        {
            if (_body is null)
            {
                return false;
            }

            var known = Volatile.Read(ref _localFunctions);
            if (known == 0)
            {
                known = TreeOutline.DeclaresLocalFunction(_body) ? 2 : 1;
                Volatile.Write(ref _localFunctions, known);
            }

            return known == 2;
        }
    }

    /// <summary>Whether the body may invoke one of <paramref name="names"/> (sorted hashes): only then can it pass a parameter to one.</summary>
    public bool MayCall(int[] names) => WordHashes.ContainsAny(Words, names);

    /// <summary>Reads the body once; threads that race read the same syntax and keep the first result.</summary>
    internal Reading Read()
    {
        if (Volatile.Read(ref _reading) is { } known)
        {
            return known;
        }

        var reading = new Reading(TreeOutline.ReadBody(_declaration!, _parameters!, _body!));
        return Interlocked.CompareExchange(ref _reading, reading, null) ?? reading;
    }

    internal sealed class Reading
    {
        public static readonly Reading Nothing = new(ImmutableArray<Forward>.Empty);

        public Reading(ImmutableArray<Forward> forwardsTo) => ForwardsTo = forwardsTo;

        public ImmutableArray<Forward> ForwardsTo { get; }
    }
}

/// <summary>
/// What one syntax tree holds for wrapper inference, read from syntax alone: the methods with short bodies that pass a
/// parameter on to some invocation, and the names that are log methods by declaration ([LoggerMessage], [MessageTemplateFormatMethod]
/// and LoggerMessage.Define fields). It does not depend on the compilation, so it is kept per tree: the IDE reuses
/// unchanged trees across the compilations that every keystroke creates, and their outlines with them.
/// </summary>
internal sealed class TreeOutline
{
    private static readonly ConditionalWeakTable<SyntaxTree, TreeOutline> Cache = new();

    private TreeOutline(ImmutableArray<MethodOutline> methods, ImmutableArray<string> declaredLogNames, ImmutableArray<TypeOutline> types)
    {
        Methods = methods;
        DeclaredLogNames = declaredLogNames;
        Types = types;
    }

    public ImmutableArray<MethodOutline> Methods { get; }

    /// <summary>Every type declared in the tree, with the simple names of its base types and interfaces.</summary>
    public ImmutableArray<TypeOutline> Types { get; }

    public ImmutableArray<string> DeclaredLogNames { get; }

    public static TreeOutline Of(SyntaxTree tree, System.Threading.CancellationToken cancellationToken) =>
        Cache.TryGetValue(tree, out var outline) ? outline : Cache.GetValue(tree, t => Read(t, cancellationToken));

    /// <summary>The outline of one local function, or null when it passes no parameter on or is too long to be a wrapper.</summary>
    public static MethodOutline? LocalFunction(LocalFunctionStatementSyntax function)
    {
        var body = (SyntaxNode?)function.Body ?? function.ExpressionBody;
        if (body is null || !Reader.HasCarryingParameter(function.ParameterList))
        {
            return null;
        }

        var outline = new MethodOutline(function, function.Identifier.ValueText, containingType: null, isExtension: false, function.ParameterList, body, words: null);
        return outline.ForwardsTo.IsEmpty ? null : outline;
    }

    /// <summary>What a method body passes its parameters on to; nothing when it is too long to be a wrapper.</summary>
    internal static ImmutableArray<Forward> ReadBody(SyntaxNode declaration, ParameterListSyntax parameters, SyntaxNode body) =>
        Reader.ReadBody(declaration, parameters, body);

    /// <summary>Whether a body has more statements than <paramref name="limit"/>; stops counting at the first one over.</summary>
    internal static bool HasMoreStatementsThan(SyntaxNode body, int limit) => Reader.HasMoreStatementsThan(body, limit);

    internal static bool DeclaresLocalFunction(SyntaxNode body)
    {
        foreach (var node in body.DescendantNodes(static n => n is not LocalFunctionStatementSyntax))
        {
            if (node is LocalFunctionStatementSyntax)
            {
                return true;
            }
        }

        return false;
    }

    private static TreeOutline Read(SyntaxTree tree, System.Threading.CancellationToken cancellationToken)
    {
        var reader = new Reader(tree.GetText(cancellationToken).ToString());
        reader.VisitMembers(tree.GetRoot(cancellationToken));
        return new TreeOutline(reader.Methods.ToImmutable(), reader.LogNames.ToImmutable(), reader.Types.ToImmutable());
    }

    private sealed class Reader
    {
        /// <summary>The library log method names that make a method a candidate (see <see cref="WrapperIndex"/>), hashed.</summary>
        private static readonly int[] SeedWords = WordHashes.Sorted(WrapperIndex.SeedNames);

        private readonly string _text;
        private readonly List<int> _scratch = new();

        public Reader(string text) => _text = text;

        public ImmutableArray<MethodOutline>.Builder Methods { get; } = ImmutableArray.CreateBuilder<MethodOutline>();
        public ImmutableArray<string>.Builder LogNames { get; } = ImmutableArray.CreateBuilder<string>();
        public ImmutableArray<TypeOutline>.Builder Types { get; } = ImmutableArray.CreateBuilder<TypeOutline>();

        /// <summary>Namespaces and types only; bodies are read by <see cref="AddMethod"/>.</summary>
        public void VisitMembers(SyntaxNode container)
        {
            foreach (var child in container.ChildNodes())
            {
                switch (child)
                {
                    case BaseNamespaceDeclarationSyntax:
                        VisitMembers(child);
                        break;
                    case TypeDeclarationSyntax type:
                        Types.Add(TypeOutline.Of(type));
                        VisitMembers(child);
                        break;
                    case MethodDeclarationSyntax method:
                        if (HasLogAttribute(method.AttributeLists))
                        {
                            LogNames.Add(method.Identifier.ValueText);
                        }

                        AddMethod(method, method.Identifier.ValueText, method.ParameterList, (SyntaxNode?)method.Body ?? method.ExpressionBody);
                        break;
                    case BaseFieldDeclarationSyntax field:
                        foreach (var variable in field.Declaration.Variables)
                        {
                            if (IsLoggerMessageDefinition(variable.Initializer?.Value))
                            {
                                LogNames.Add(variable.Identifier.ValueText);
                            }
                        }

                        break;
                    case PropertyDeclarationSyntax property:
                        if (IsLoggerMessageDefinition(property.Initializer?.Value ?? property.ExpressionBody?.Expression))
                        {
                            LogNames.Add(property.Identifier.ValueText);
                        }

                        break;
                }
            }
        }

        /// <summary>
        /// Records a method that may pass a parameter on. Its body is read here only when its words include a library
        /// log method name (this tree's share of the work every thread may do); otherwise when the candidates ask.
        /// </summary>
        private void AddMethod(SyntaxNode declaration, string name, ParameterListSyntax parameters, SyntaxNode? body)
        {
            if (!HasCarryingParameter(parameters))
            {
                return;
            }

            var containingType = (declaration.Parent as TypeDeclarationSyntax)?.Identifier.ValueText;
            var isExtension = parameters.Parameters[0].Modifiers.Any(Microsoft.CodeAnalysis.CSharp.SyntaxKind.ThisKeyword);
            if (body is null)
            {
                Methods.Add(new MethodOutline(declaration.SyntaxTree, declaration.Span, name, containingType, isExtension));
                return;
            }

            if (body is BlockSyntax block && block.Statements.Count > WrapperIndex.MaxStatements)
            {
                return;
            }

            var outline = new MethodOutline(declaration, name, containingType, isExtension, parameters, body, WordHashes.Invoked(_text, body.Span, _scratch));
            if (outline.MayCall(SeedWords))
            {
                outline.Read();
            }

            Methods.Add(outline);
        }

        /// <summary>
        /// The invocations the body passes a parameter to. Only the places where the text names a parameter are looked
        /// at (found by their position), so the rest of the body's syntax is never built; text the character scan
        /// cannot follow (see <see cref="WordHashes"/>) is read node by node instead.
        /// </summary>
        public static ImmutableArray<Forward> ReadBody(SyntaxNode declaration, ParameterListSyntax parameters, SyntaxNode body)
        {
            if (HasMoreStatementsThan(body, WrapperIndex.MaxStatements))
            {
                return ImmutableArray<Forward>.Empty;
            }

            HashSet<Forward>? forwardsTo = null;
            var text = body.SyntaxTree.GetText().ToString(body.Span);
            var mentions = WordHashes.Mentions(text, CarryingParameterNames(parameters));
            if (mentions is null)
            {
                // Local functions are outlined on demand (LocalFunction): they are only called from the method around them.
                foreach (var node in body.DescendantNodes(static n => n is not LocalFunctionStatementSyntax))
                {
                    if (node is IdentifierNameSyntax identifier)
                    {
                        AddMention(identifier, declaration, parameters, body, ref forwardsTo);
                    }
                }
            }
            else
            {
                foreach (var offset in mentions)
                {
                    if (body.FindToken(body.SpanStart + offset).Parent is IdentifierNameSyntax identifier && !InLocalFunction(identifier, body))
                    {
                        AddMention(identifier, declaration, parameters, body, ref forwardsTo);
                    }
                }
            }

            if (forwardsTo is null)
            {
                return ImmutableArray<Forward>.Empty;
            }

            var forwards = ImmutableArray.CreateBuilder<Forward>(forwardsTo.Count);
            forwards.AddRange(forwardsTo);
            forwards.Sort(static (a, b) =>
            {
                var byName = string.CompareOrdinal(a.Name, b.Name);
                var byType = byName != 0 ? byName : string.CompareOrdinal(a.ReceiverType, b.ReceiverType);
                return byType != 0 ? byType : a.ReceiverGuessed.CompareTo(b.ReceiverGuessed);
            });
            return forwards.MoveToImmutable();
        }

        private static void AddMention(IdentifierNameSyntax identifier, SyntaxNode declaration, ParameterListSyntax parameters, SyntaxNode body, ref HashSet<Forward>? forwardsTo)
        {
            if (!IsParameter(identifier, parameters) || !IsUsedAsValue(identifier))
            {
                return;
            }

            if (identifier.Parent is CommonForEachStatementSyntax loop && loop.Expression == identifier)
            {
                AddLoopInvocations(loop, declaration, parameters, body, ref forwardsTo);
            }
            else
            {
                AddInvocations(identifier, declaration, parameters, body, ref forwardsTo);
            }
        }

        private static bool InLocalFunction(SyntaxNode node, SyntaxNode body)
        {
            for (var current = node.Parent; current is not null && current != body; current = current.Parent)
            {
                if (current is LocalFunctionStatementSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        private static List<string> CarryingParameterNames(ParameterListSyntax parameters)
        {
            var names = new List<string>(parameters.Parameters.Count);
            foreach (var parameter in parameters.Parameters)
            {
                if (!IsInertKeywordType(parameter.Type))
                {
                    names.Add(parameter.Identifier.ValueText);
                }
            }

            return names;
        }

        /// <summary>Counts statements, not expressions, and stops at the first one over the limit: cheap on any body.</summary>
        public static bool HasMoreStatementsThan(SyntaxNode body, int limit)
        {
            if (body is BlockSyntax block && block.Statements.Count > limit)
            {
                return true;
            }

            var count = 0;
            foreach (var node in body.DescendantNodes(static n => n is not ExpressionSyntax))
            {
                if (node is StatementSyntax and not BlockSyntax && ++count > limit)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether some parameter can carry a secret: a method taking only numbers, flags and characters passes none on.</summary>
        public static bool HasCarryingParameter(ParameterListSyntax parameters)
        {
            foreach (var parameter in parameters.Parameters)
            {
                if (!IsInertKeywordType(parameter.Type))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A parameter that can carry a secret: numbers, booleans and characters never do, so they are not followed.</summary>
        private static bool IsParameter(IdentifierNameSyntax identifier, ParameterListSyntax parameters)
        {
            var text = identifier.Identifier.ValueText;
            foreach (var parameter in parameters.Parameters)
            {
                if (parameter.Identifier.ValueText == text)
                {
                    return !IsInertKeywordType(parameter.Type);
                }
            }

            return false;
        }

        private static bool IsInertKeywordType(TypeSyntax? type) =>
            (type is NullableTypeSyntax nullable ? nullable.ElementType : type) is PredefinedTypeSyntax predefined
            && !predefined.Keyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.StringKeyword)
            && !predefined.Keyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.ObjectKeyword);

        /// <summary>
        /// foreach (var (name, value) in fields) log(name, value): the items of a parameter, or their members, are passed
        /// on as the parameter itself is.
        /// </summary>
        private static void AddLoopInvocations(CommonForEachStatementSyntax loop, SyntaxNode declaration, ParameterListSyntax parameters, SyntaxNode body, ref HashSet<Forward>? forwards)
        {
            var variables = new HashSet<string>(System.StringComparer.Ordinal);
            switch (loop)
            {
                case ForEachStatementSyntax single:
                    variables.Add(single.Identifier.ValueText);
                    break;
                case ForEachVariableStatementSyntax deconstructed:
                    foreach (var designation in deconstructed.Variable.DescendantNodes())
                    {
                        if (designation is SingleVariableDesignationSyntax variable)
                        {
                            variables.Add(variable.Identifier.ValueText);
                        }
                    }

                    break;
            }

            foreach (var node in loop.Statement.DescendantNodesAndSelf(static n => n is not LocalFunctionStatementSyntax))
            {
                if (node is not IdentifierNameSyntax identifier || !variables.Contains(identifier.Identifier.ValueText))
                {
                    continue;
                }

                // An item's members are the item's data (field.Value); a call on it (field.ToString()) is not followed.
                SyntaxNode used = identifier;
                while (used.Parent is MemberAccessExpressionSyntax access && access.Expression == used && access.Parent is not InvocationExpressionSyntax)
                {
                    used = access;
                }

                if (used == identifier && !IsUsedAsValue(identifier))
                {
                    continue;
                }

                AddInvocations(used, declaration, parameters, body, ref forwards);
            }
        }

        /// <summary>Every invocation whose argument list holds the identifier, up to its statement.</summary>
        private static void AddInvocations(SyntaxNode node, SyntaxNode declaration, ParameterListSyntax parameters, SyntaxNode body, ref HashSet<Forward>? forwards)
        {
            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation }:
                        if (InvokedName(invocation.Expression) is { } name && !IsLogNameOnAnotherReceiver(name, invocation))
                        {
                            var receiverType = ReceiverTypes.Of(invocation, declaration, parameters, body, out var guessed);
                            (forwards ??= new HashSet<Forward>()).Add(new Forward(name, receiverType, guessed));
                        }

                        break;
                    case StatementSyntax:
                    case MemberDeclarationSyntax:
                        return;
                }
            }
        }

        /// <summary>
        /// Names like Write, Error, Info or Log are also what serializers, validators and builders call their methods
        /// (writer.Write(value), errors.Error(field)). Called on a receiver, such a name counts as a log method only
        /// when the receiver reads like a logger (_logger, Log, Logs.Payments, Console, Debug, Trace); distinctive names
        /// (LogInformation, BeginScope, ForContext, ErrorFormat, TraceEvent) and calls without a receiver always count.
        /// </summary>
        private static bool IsLogNameOnAnotherReceiver(string name, InvocationExpressionSyntax invocation)
        {
            if (!LogCallRecognizer.IsLogMethodName(name) || IsDistinctiveLogName(name))
            {
                return false;
            }

            var receiver = SyntaxNames.Receiver(invocation);
            if (receiver is null)
            {
                return false;
            }

            foreach (var token in receiver.DescendantTokens())
            {
                if (token.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken)
                    && (token.ValueText.IndexOf("log", System.StringComparison.OrdinalIgnoreCase) >= 0
                        || token.ValueText is "Console" or "Debug" or "Trace" or "Out" or "Error"))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsDistinctiveLogName(string name) =>
            (name.Length > 3 && name.StartsWith("Log", System.StringComparison.Ordinal) && char.IsUpper(name[3]))
            || (name.Length > 5 && name.StartsWith("Trace", System.StringComparison.Ordinal))
            || name.EndsWith("Format", System.StringComparison.Ordinal)
            || name.StartsWith("Conditional", System.StringComparison.Ordinal)
            || name.StartsWith("Push", System.StringComparison.Ordinal)
            || name is "BeginScope" or "ForContext";

        /// <summary>The called name; a delegate's Invoke is named after the delegate (s_logLogin.Invoke(...) calls s_logLogin).</summary>
        private static string? InvokedName(ExpressionSyntax expression) =>
            expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Invoke", Expression: var receiver }
                ? InvokedName(receiver)
                : SyntaxNames.Called(expression);

        private static bool HasLogAttribute(SyntaxList<AttributeListSyntax> lists)
        {
            foreach (var list in lists)
            {
                foreach (var attribute in list.Attributes)
                {
                    var name = SyntaxNames.Rightmost(attribute.Name);
                    if (name is "LoggerMessage" or "LoggerMessageAttribute" or "MessageTemplateFormatMethod" or "MessageTemplateFormatMethodAttribute")
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>LoggerMessage.Define(...) or LoggerMessage.DefineScope(...), possibly generic: its delegate logs.</summary>
        private static bool IsLoggerMessageDefinition(ExpressionSyntax? initializer) =>
            initializer is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
            && access.Name.Identifier.ValueText is "Define" or "DefineScope"
            && access.Expression is IdentifierNameSyntax { Identifier.ValueText: "LoggerMessage" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "LoggerMessage" };
    }

    /// <summary>
    /// Only a parameter used as a value can be a logged value: a receiver or member name (p.Name, x.p, p?.Name), an
    /// indexed or called parameter (p[0], p()) never is, so a method that only uses its parameters that way is no wrapper.
    /// </summary>
    internal static bool IsUsedAsValue(IdentifierNameSyntax id) => id.Parent switch
    {
        MemberAccessExpressionSyntax or MemberBindingExpressionSyntax => false,
        ConditionalAccessExpressionSyntax conditional => conditional.Expression != id,
        ElementAccessExpressionSyntax element => element.Expression != id,
        InvocationExpressionSyntax invocation => invocation.Expression != id,
        _ => true,
    };
}
