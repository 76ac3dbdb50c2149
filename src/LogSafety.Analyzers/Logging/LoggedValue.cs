using Microsoft.CodeAnalysis;

namespace LogSafety.Analyzers.Logging;

/// <summary>How a value sits in a log call; the fixer removes it accordingly.</summary>
internal enum LoggedValueForm
{
    /// <summary>An argument of the log call (template value, ForContext value, wrapper argument).</summary>
    Argument,

    /// <summary>The message argument itself, when it is not a constant template.</summary>
    Message,
    InterpolationHole,
    ConcatenationOperand,
    FormatArgument,
    AnonymousMember,
    DictionaryEntry,
    TupleElement,
    CollectionElement,
}

/// <summary>One value a log call writes, judged on its own.</summary>
internal readonly struct LoggedValue
{
    public LoggedValue(
        IOperation value, string? label, LoggedValueForm form, int templateIndex, bool destructure, bool stringified, IOperation? holder = null,
        LoggedValueForm holderForm = LoggedValueForm.Argument)
    {
        Holder = holder;
        HolderForm = holderForm;
        Value = value;
        Label = label;
        Form = form;
        TemplateIndex = templateIndex;
        Destructure = destructure;
        Stringified = stringified;
    }

    public IOperation Value { get; }

    /// <summary>The name the log gives it: template hole, anonymous member, dictionary key or property name.</summary>
    public string? Label { get; }

    public LoggedValueForm Form { get; }

    /// <summary>For top-level template values, the index of the value among the template's arguments, else -1.</summary>
    public int TemplateIndex { get; }

    /// <summary>Logged with '@' or destructureObjects: every public member is written.</summary>
    public bool Destructure { get; }

    /// <summary>Converted to text by the log call or by string building (ToString() is written).</summary>
    public bool Stringified { get; }

    public SyntaxNode Syntax => Value.Syntax;

    /// <summary>
    /// The local the call logs when the value is one of the entries put in it before the call (<c>BeginScope(scope)</c>
    /// after <c>scope["Token"] = token</c>): the finding is reported there, in the call, and names the entry.
    /// </summary>
    public IOperation? Holder { get; }

    /// <summary>How <see cref="Holder"/> sits in the call, for a fix that takes the local out of it.</summary>
    public LoggedValueForm HolderForm { get; }

    public LoggedValue HeldBy(IOperation holder, LoggedValueForm holderForm) => new(Value, Label, Form, TemplateIndex, Destructure, Stringified, holder, holderForm);
}
