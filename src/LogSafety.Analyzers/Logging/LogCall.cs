using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Logging;

/// <summary>Which family of logging API a call belongs to; it decides how holes pair with values.</summary>
internal enum LogApi
{
    MicrosoftExtensionsLogging,
    LoggerMessageDelegate,
    LoggerMessageMethod,
    Serilog,
    NLog,
    Log4Net,
    ConsoleOrTrace,
    Wrapper,
}

/// <summary>An argument whose value is written to the log, with what the API itself calls it.</summary>
internal readonly struct LoggedArgument
{
    public LoggedArgument(IOperation value, int templateIndex, string? label, bool destructure, IParameterSymbol? parameter)
    {
        Value = value;
        TemplateIndex = templateIndex;
        Label = label;
        Destructure = destructure;
        Parameter = parameter;
    }

    public IOperation Value { get; }

    /// <summary>Index among the values that fill template holes, or -1 when the value fills no hole.</summary>
    public int TemplateIndex { get; }

    /// <summary>The name the log gives the value regardless of holes (ForContext's property name, a wrapper's label).</summary>
    public string? Label { get; }

    public bool Destructure { get; }

    /// <summary>The parameter the value is passed to ([LoggerMessage] methods, wrappers).</summary>
    public IParameterSymbol? Parameter { get; }
}

/// <summary>
/// A recognized call that writes to a log: what it is, its template and the arguments it writes. Nearly always an
/// invocation; an assignment that stores a value for later events (<see cref="ContextProperties"/>) is one too.
/// </summary>
internal sealed class LogCall
{
    public LogCall(
        IOperation operation,
        LogApi api,
        string sinkName,
        IArgumentOperation? templateArgument,
        MessageTemplate? template,
        ImmutableArray<LoggedArgument> arguments)
    {
        Operation = operation;
        Api = api;
        SinkName = sinkName;
        TemplateArgument = templateArgument;
        Template = template;
        Arguments = arguments;
    }

    /// <summary>The invocation, or the assignment of a context property.</summary>
    public IOperation Operation { get; }

    /// <summary>The invocation; null for an assignment.</summary>
    public IInvocationOperation? Invocation => Operation as IInvocationOperation;
    public LogApi Api { get; }

    /// <summary>The name shown in messages: the log method, the wrapper, or the LoggerMessage delegate.</summary>
    public string SinkName { get; }

    /// <summary>The message template or format argument, when the API has one.</summary>
    public IArgumentOperation? TemplateArgument { get; }

    /// <summary>The parsed template when it is a constant (or, for LoggerMessage, the constant given at definition).</summary>
    public MessageTemplate? Template { get; }

    public ImmutableArray<LoggedArgument> Arguments { get; }
}
