using System;
using System.Collections.Generic;
using System.Linq;
using LogSafety.Analyzers.Logging;
using LogSafety.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LogSafety.CodeFixes.Removal;

/// <summary>Removes named holes from a template literal that is not beside its values ([LoggerMessage]'s Message).</summary>
internal sealed class TemplateLiteralEdit : ContainerEdit
{
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly LogSafetyOptions _options;

    public TemplateLiteralEdit(LiteralExpressionSyntax literal, LogSafetyOptions options)
        : base(literal) => _options = options;

    public void Add(string name) => _names.Add(name);

    public override void MergeFrom(ContainerEdit other) => _names.UnionWith(((TemplateLiteralEdit)other)._names);

    public override SyntaxNode Apply(SyntaxNode current)
    {
        if (current is not LiteralExpressionSyntax expression || !StringLiteralText.TryCreate(expression, out var literal))
        {
            return current;
        }

        var template = MessageTemplate.Parse(literal.Inner);
        var text = new HoleText(_options);
        var removed = new HashSet<int>();
        var position = 0;
        for (var i = 0; i < template.Holes.Length; i++)
        {
            var hole = template.Holes[i];
            text.AddText(literal.Inner.Substring(position, hole.Start - position), 0, literal.Spelling | TextSpelling.DoubledBraces);
            text.AddHole(i, literal.Inner.Substring(hole.Start, hole.Length), 0, Hints.Of(null, hole.Name));
            position = hole.Start + hole.Length;
            if (_names.Contains(hole.Name))
            {
                removed.Add(i);
            }
        }

        text.AddText(literal.Inner.Substring(position), 0, literal.Spelling | TextSpelling.DoubledBraces);
        if (removed.Count == 0)
        {
            return current;
        }

        text.RemoveHoles(removed);
        var inner = text.Write(atom => atom.Raw);
        if (!text.HasHoles() && !inner.Any(char.IsLetterOrDigit))
        {
            // Nothing but the secret was logged: the message names the event instead (the method's name).
            return EventText.Replacing(expression, EventText.For(Node));
        }

        return (SyntaxNode?)literal.With(inner) ?? current;
    }
}
