using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using LogSafety.Analyzers.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace LogSafety.Analyzers.Logging;

/// <summary>
/// An invocation a method passes one of its parameters to: the simple name it calls, and what syntax shows of the
/// receiver: none (or this, base), the simple name of its declared type, or nothing known.
/// </summary>
internal readonly struct Forward : System.IEquatable<Forward>
{
    public Forward(string name, bool isSelf, string? receiverType)
    {
        Name = name;
        IsSelf = isSelf;
        ReceiverType = receiverType;
    }

    public string Name { get; }

    /// <summary>A call without a receiver, or on this or base: a method of the enclosing types or their bases.</summary>
    public bool IsSelf { get; }

    /// <summary>
    /// The simple name of the receiver's declared type (List for a List&lt;string&gt; field); null when self, or when
    /// syntax does not show it (var, a member of another part or a base type, a type parameter, an expression), and
    /// then any method of the name may be called.
    /// </summary>
    public string? ReceiverType { get; }

    public bool Equals(Forward other) => Name == other.Name && IsSelf == other.IsSelf && ReceiverType == other.ReceiverType;

    public override bool Equals(object? obj) => obj is Forward other && Equals(other);

    public override int GetHashCode() => (((Name.GetHashCode() * 31) + (IsSelf ? 1 : 0)) * 31) + (ReceiverType?.GetHashCode() ?? 0);
}

/// <summary>One method or local function as syntax shows it: the invocations it passes its own parameters to.</summary>
internal sealed class MethodOutline
{
    public MethodOutline(bool hasBody, ImmutableArray<Forward> forwardsTo)
    {
        HasBody = hasBody;
        ForwardsTo = forwardsTo;
    }

    /// <summary>False for interface, abstract and partial-definition methods: they log what their implementations log.</summary>
    public bool HasBody { get; }

    /// <summary>The methods and delegates invoked with one of this method's parameters among their arguments, in name order.</summary>
    public ImmutableArray<Forward> ForwardsTo { get; }
}

/// <summary>
/// Wrapper inference read from syntax alone, one declaration at a time: the methods with short bodies that pass a
/// parameter on to some invocation, and the members that are log methods by declaration ([LoggerMessage],
/// [MessageTemplateFormatMethod] and LoggerMessage.Define fields). Nothing depends on the compilation, so outlines are
/// kept per declaration node: the IDE reuses unchanged trees, and their nodes, across the compilations that every
/// keystroke creates.
/// </summary>
internal static class MethodOutlines
{
    private static readonly ConditionalWeakTable<SyntaxNode, Box> Cache = new();

    /// <summary>
    /// The outline of a method or local function declaration, or null when it takes no parameter that can carry a
    /// secret, passes none on, or is too long to be a wrapper.
    /// </summary>
    public static MethodOutline? Of(SyntaxNode declaration) =>
        Cache.TryGetValue(declaration, out var box) ? box.Outline : Cache.GetValue(declaration, static d => new Box(Read(d))).Outline;

    private static MethodOutline? Read(SyntaxNode declaration) => declaration switch
    {
        MethodDeclarationSyntax method => Outline(method, method.ParameterList, (SyntaxNode?)method.Body ?? method.ExpressionBody),
        LocalFunctionStatementSyntax function => Outline(function, function.ParameterList, (SyntaxNode?)function.Body ?? function.ExpressionBody),
        _ => null,
    };

    /// <summary>A method declared as a log method: [LoggerMessage] or [MessageTemplateFormatMethod].</summary>
    public static bool IsDeclaredLogMethod(SyntaxNode declaration) =>
        declaration is MethodDeclarationSyntax method && HasLogAttribute(method.AttributeLists);

    /// <summary>A field or property whose value is a LoggerMessage.Define delegate: calling it logs.</summary>
    public static bool IsDeclaredLogDelegate(SyntaxNode declaration) => declaration switch
    {
        VariableDeclaratorSyntax variable => IsLoggerMessageDefinition(variable.Initializer?.Value),
        PropertyDeclarationSyntax property => IsLoggerMessageDefinition(property.Initializer?.Value ?? property.ExpressionBody?.Expression),
        _ => false,
    };

    private static MethodOutline? Outline(SyntaxNode declaration, ParameterListSyntax parameters, SyntaxNode? body)
    {
        if (parameters.Parameters.Count == 0)
        {
            return null;
        }

        if (body is null)
        {
            return new MethodOutline(hasBody: false, ImmutableArray<Forward>.Empty);
        }

        if (HasMoreStatementsThan(body, WrapperIndex.MaxStatements))
        {
            return null;
        }

        HashSet<Forward>? forwardsTo = null;
        // Local functions are outlined on their own: they are only called from the method around them.
        foreach (var node in body.DescendantNodes(static n => n is not LocalFunctionStatementSyntax))
        {
            if (node is IdentifierNameSyntax identifier && IsParameter(identifier, parameters) && IsUsedAsValue(identifier))
            {
                AddInvocations(identifier, declaration, parameters, body, ref forwardsTo);
            }
        }

        if (forwardsTo is null)
        {
            return null;
        }

        var forwards = ImmutableArray.CreateBuilder<Forward>(forwardsTo.Count);
        forwards.AddRange(forwardsTo);
        forwards.Sort(static (a, b) =>
        {
            var byName = string.CompareOrdinal(a.Name, b.Name);
            if (byName != 0)
            {
                return byName;
            }

            return a.IsSelf != b.IsSelf ? (a.IsSelf ? -1 : 1) : string.CompareOrdinal(a.ReceiverType, b.ReceiverType);
        });
        return new MethodOutline(hasBody: true, forwards.MoveToImmutable());
    }

    private sealed class Box
    {
        public Box(MethodOutline? outline) => Outline = outline;

        public MethodOutline? Outline { get; }
    }

    /// <summary>Counts statements, not expressions, and stops at the first one over the limit: cheap on any body.</summary>
    private static bool HasMoreStatementsThan(SyntaxNode body, int limit)
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
                        (forwards ??= new HashSet<Forward>()).Add(ReceiverTypes.Of(name, invocation, declaration, parameters, body));
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

        var receiver = invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Expression,
            MemberBindingExpressionSyntax => invocation.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>()?.Expression,
            _ => null,
        };
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
