using System;
using System.IO;

namespace LogSafety.Cli.Analysis;

/// <summary>Progress on standard error: a redrawn bar on a terminal, a line every tenth of the way otherwise.</summary>
internal sealed class ConsoleProgress(TextWriter error, bool terminal, bool quiet) : IProgressReporter
{
    private int _lastTenth = -1;
    private bool _barShown;

    public void Status(string message)
    {
        if (quiet && !message.StartsWith("warning", StringComparison.Ordinal))
        {
            return;
        }

        EndBar();
        error.WriteLine(message);
    }

    public void DocumentAnalyzed(int done, int total)
    {
        if (quiet || total == 0)
        {
            return;
        }

        if (terminal)
        {
            const int width = 30;
            var filled = done * width / total;
            error.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {done}/{total} documents analyzed");
            _barShown = true;
            if (done == total)
            {
                EndBar();
            }

            return;
        }

        var tenth = done * 10 / total;
        if (tenth != _lastTenth)
        {
            _lastTenth = tenth;
            error.WriteLine($"{done}/{total} documents analyzed");
        }
    }

    private void EndBar()
    {
        if (_barShown)
        {
            error.WriteLine();
            _barShown = false;
        }
    }
}
