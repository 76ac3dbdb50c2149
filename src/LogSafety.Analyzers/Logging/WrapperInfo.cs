using System.Collections.Immutable;

namespace LogSafety.Analyzers.Logging;

/// <summary>A parameter of the application's own log method, and what the inner log call calls it.</summary>
internal sealed class LoggedParameter
{
    public LoggedParameter(int ordinal, string? label, bool destructure, bool isTemplate)
    {
        Ordinal = ordinal;
        Label = label;
        Destructure = destructure;
        IsTemplate = isTemplate;
    }

    /// <summary>The parameter is passed on as the inner call's message template: constant arguments are parsed at the call site.</summary>
    public bool IsTemplate { get; }

    public int Ordinal { get; }
    public string? Label { get; }
    public bool Destructure { get; }
}

/// <summary>Which parameters of a wrapper method reach a log call.</summary>
internal sealed class WrapperInfo
{
    public WrapperInfo(ImmutableArray<LoggedParameter> parameters) => Parameters = parameters;

    public ImmutableArray<LoggedParameter> Parameters { get; }

    public bool TryGet(int ordinal, out LoggedParameter parameter)
    {
        foreach (var candidate in Parameters)
        {
            if (candidate.Ordinal == ordinal)
            {
                parameter = candidate;
                return true;
            }
        }

        parameter = null!;
        return false;
    }
}
