using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LogSafety.CodeFixes.Removal;

/// <summary>
/// Keeps the event in a log call whose message is the secret, or whose message has nothing left once the secrets
/// went: the message argument becomes the <see cref="EventText"/> literal. Runs after the other edits of the call.
/// </summary>
internal sealed class MessageEdit : ContainerEdit
{
    private readonly int _argumentIndex;
    private readonly string? _eventText;
    private bool _replaceAlways;

    /// <param name="replaceAlways">The message is the secret itself; else it is replaced only when it ends up empty.</param>
    public MessageEdit(InvocationExpressionSyntax invocation, int argumentIndex, bool replaceAlways)
        : base(invocation)
    {
        _argumentIndex = argumentIndex;
        _replaceAlways = replaceAlways;
        _eventText = EventText.For(invocation);
    }

    public override int Order => 1;

    public override void MergeFrom(ContainerEdit other) => _replaceAlways |= ((MessageEdit)other)._replaceAlways;

    public override SyntaxNode Apply(SyntaxNode current)
    {
        if (current is not InvocationExpressionSyntax invocation || _argumentIndex >= invocation.ArgumentList.Arguments.Count)
        {
            return current;
        }

        var argument = invocation.ArgumentList.Arguments[_argumentIndex];
        if (!_replaceAlways && !EventText.IsEmpty(argument.Expression))
        {
            return current;
        }

        return invocation.ReplaceNode(argument, argument.WithExpression(EventText.Replacing(argument.Expression, _eventText)));
    }
}
