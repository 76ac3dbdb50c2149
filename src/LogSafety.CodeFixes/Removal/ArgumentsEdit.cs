using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using LogSafety.Analyzers.Logging;
using LogSafety.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LogSafety.CodeFixes.Removal;

/// <summary>The constant template of a call and how the call treats it once no values are left.</summary>
internal sealed class CallTemplate
{
    public CallTemplate(int argumentIndex, MessageTemplate template, bool positional, bool unescapeWhenNoValues, bool collapseWhenNoValues)
    {
        ArgumentIndex = argumentIndex;
        Template = template;
        Positional = positional;
        UnescapeWhenNoValues = unescapeWhenNoValues;
        CollapseWhenNoValues = collapseWhenNoValues;
    }

    public int ArgumentIndex { get; }
    public MessageTemplate Template { get; }

    /// <summary>Holes pair with values by number ("{0}"), else by order.</summary>
    public bool Positional { get; }

    /// <summary>Without values the call writes the text as is (Console, Trace, NLog): "{{" must become "{".</summary>
    public bool UnescapeWhenNoValues { get; }

    /// <summary>string.Format("text") without values is just "text".</summary>
    public bool CollapseWhenNoValues { get; }
}

/// <summary>Removes arguments of one invocation, and the holes they fill in its constant template (renumbering positional holes).</summary>
internal sealed class ArgumentsEdit : ContainerEdit
{
    private static readonly Regex PositionalHole = new(@"^(\{\s*[@$]?\s*)(\d+)", RegexOptions.CultureInvariant);

    private readonly CallTemplate? _template;
    private readonly LogSafetyOptions _options;
    private readonly int _argumentCount;
    private readonly HashSet<int> _arguments = new();
    private readonly HashSet<int> _templateIndices = new();
    private readonly Dictionary<int, ISet<string>> _hints = new();

    public ArgumentsEdit(InvocationExpressionSyntax invocation, CallTemplate? template, LogSafetyOptions options)
        : base(invocation)
    {
        _template = template;
        _options = options;
        _argumentCount = invocation.ArgumentList.Arguments.Count;
    }

    /// <param name="valueWords">Words of the value's name; text made of them next to its hole is its label.</param>
    public void Add(int argumentIndex, int templateIndex, IEnumerable<string>? valueWords = null)
    {
        _arguments.Add(argumentIndex);
        if (templateIndex >= 0)
        {
            _templateIndices.Add(templateIndex);
            _hints[templateIndex] = Hints.Of(valueWords);
        }
    }

    /// <summary>Removes only the hole of a value that is not an argument of its own (an element of an explicit array).</summary>
    public void AddHole(int templateIndex, IEnumerable<string>? valueWords)
    {
        _templateIndices.Add(templateIndex);
        _hints[templateIndex] = Hints.Of(valueWords);
    }

    public override void MergeFrom(ContainerEdit other)
    {
        var edit = (ArgumentsEdit)other;
        _arguments.UnionWith(edit._arguments);
        _templateIndices.UnionWith(edit._templateIndices);
        foreach (var pair in edit._hints)
        {
            _hints[pair.Key] = pair.Value;
        }
    }

    public override SyntaxNode Apply(SyntaxNode current)
    {
        if (current is not InvocationExpressionSyntax invocation || invocation.ArgumentList.Arguments.Count != _argumentCount)
        {
            return current;
        }

        var arguments = invocation.ArgumentList.Arguments;
        var valuesLeft = _template is not null && Enumerable.Range(_template.ArgumentIndex + 1, _argumentCount - _template.ArgumentIndex - 1).Any(i => !_arguments.Contains(i));
        if (_template is not null && _templateIndices.Count > 0)
        {
            // Arguments never go without their holes: if the template cannot be rewritten, nothing changes.
            if (!StringLiteralText.TryCreate(arguments[_template.ArgumentIndex].Expression, out var literal)
                || RewriteTemplate(literal, valuesLeft) is not { } inner
                || literal.With(inner) is not { } newLiteral)
            {
                return current;
            }

            if (!valuesLeft && _template.CollapseWhenNoValues && _template.ArgumentIndex == 0 && _arguments.Count == _argumentCount - 1 && !HasDoubledBraces(inner))
            {
                return newLiteral.WithTriviaFrom(invocation);
            }

            var templateArgument = arguments[_template.ArgumentIndex];
            arguments = arguments.Replace(templateArgument, templateArgument.WithExpression(newLiteral));
        }

        return invocation.WithArgumentList(invocation.ArgumentList.WithArguments(SeparatedListRemoval.Remove(arguments, _arguments)));
    }

    private string? RewriteTemplate(StringLiteralText literal, bool valuesLeft)
    {
        var template = _template!;
        var raw = MessageTemplate.Parse(literal.Inner);
        if (raw.Holes.Length != template.Template.Holes.Length)
        {
            return null;
        }

        var text = new HoleText(_options);
        var position = 0;
        for (var i = 0; i < raw.Holes.Length; i++)
        {
            var hole = raw.Holes[i];
            text.AddText(literal.Inner.Substring(position, hole.Start - position), 0, literal.Spelling | TextSpelling.DoubledBraces);
            var index = template.Positional ? hole.Position : i;
            _hints.TryGetValue(index, out var valueHints);
            text.AddHole(i, literal.Inner.Substring(hole.Start, hole.Length), 0, Hints.Of(valueHints, hole.Name));
            position = hole.Start + hole.Length;
        }

        text.AddText(literal.Inner.Substring(position), 0, literal.Spelling | TextSpelling.DoubledBraces);

        var removed = new HashSet<int>();
        for (var i = 0; i < raw.Holes.Length; i++)
        {
            var index = template.Positional ? raw.Holes[i].Position : i;
            if (_templateIndices.Contains(index))
            {
                removed.Add(i);
            }
        }

        text.RemoveHoles(removed);
        var inner = text.Write(atom => template.Positional ? Renumber(atom.Raw, raw.Holes[atom.Hole].Position) : atom.Raw);
        if (!valuesLeft && template.UnescapeWhenNoValues && !text.HasHoles())
        {
            inner = inner.Replace("{{", "{").Replace("}}", "}");
        }

        return inner;
    }

    private string Renumber(string hole, int position)
    {
        var shift = _templateIndices.Count(removed => removed < position);
        return shift == 0 ? hole : PositionalHole.Replace(hole, m => m.Groups[1].Value + (position - shift).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static bool HasDoubledBraces(string text) => text.Contains("{{") || text.Contains("}}");
}
