using System;
using System.IO;
using Spectre.Console;

namespace LogSafety.Cli.Analysis;

/// <summary>
/// Whether a writer is an interactive terminal that understands colours, as Spectre.Console detects it (redirection,
/// NO_COLOR, TERM=dumb, CI environments): colours and a redrawn bar only there, plain lines everywhere else.
/// </summary>
internal static class Terminal
{
    public static bool IsStandardError(TextWriter writer) =>
        ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected && Supports(Console.Error);

    public static bool IsStandardOutput(TextWriter writer) =>
        ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected && Supports(Console.Out);

    private static bool Supports(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        return console.Profile.Capabilities.Ansi && console.Profile.Capabilities.Interactive;
    }
}
