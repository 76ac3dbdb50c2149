namespace LogSafety.Cli.Analysis;

/// <summary>Progress on standard error: a bar on a terminal, plain lines otherwise.</summary>
internal interface IProgressReporter
{
    void Status(string message);

    void DocumentAnalyzed(int done, int total);
}
