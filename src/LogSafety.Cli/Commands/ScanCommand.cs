using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using LogSafety.Cli.Analysis;
using LogSafety.Cli.Baselines;
using LogSafety.Cli.Loading;
using LogSafety.Cli.Reports;
using Microsoft.CodeAnalysis;

namespace LogSafety.Cli.Commands;

/// <summary>`logsafety scan` and `logsafety baseline`: exit 0 clean, 1 findings at or above the fail level, 2 unusable input.</summary>
internal static class ScanCommand
{
    public static async Task<int> ScanAsync(ScanOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        try
        {
            var baseline = options.Baseline is null ? null : BaselineFile.Read(options.Baseline);
            CheckOutputFolder(options.Output);
            var clock = Stopwatch.StartNew();
            var progress = new ConsoleProgress(stderr, terminal: Terminal.IsStandardError(stderr), options.Quiet);
            var result = await Scanner.ScanAsync(options, options.Baseline, progress, clock, cancellationToken).ConfigureAwait(false);
            if (baseline is not null)
            {
                Scanner.ApplyBaseline(result, baseline);
            }

            progress.Status($"Scanned in {clock.Elapsed.TotalSeconds:0.0}s");
            var context = new ReportContext(result, LogSafetyRules.Descriptors(LogSafetyRules.CreateAnalyzers()), ToolVersion);
            var color = options.Output is null && options.Format == "text" && Terminal.IsStandardOutput(stdout);
            var report = new StringWriter { NewLine = "\n" };
            switch (options.Format)
            {
                case "json":
                    JsonReport.Write(report, context);
                    break;
                case "sarif":
                    SarifReport.Write(report, context);
                    break;
                default:
                    TextReport.Write(report, context, color);
                    break;
            }

            Emit(report.ToString(), options.Output, stdout);
            if (options.Timing)
            {
                WriteTiming(stderr, result, context);
            }

            var failLevel = options.FailLevel;
            return failLevel is { } level && result.Findings.Any(f => f.Severity >= level) ? 1 : 0;
        }
        catch (UsageException e)
        {
            stderr.WriteLine("logsafety: error: " + e.Message);
            return 2;
        }
    }

    public static async Task<int> BaselineAsync(ScanOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        try
        {
            CheckOutputFolder(options.Output);
            var clock = Stopwatch.StartNew();
            var progress = new ConsoleProgress(stderr, terminal: Terminal.IsStandardError(stderr), options.Quiet);
            var result = await Scanner.ScanAsync(options, options.Output, progress, clock, cancellationToken).ConfigureAwait(false);
            Emit(BaselineFile.Write(result.Findings), options.Output, stdout);
            stderr.WriteLine($"Baseline of {result.Findings.Count} finding(s) written to {options.Output}. Scan with: logsafety scan --baseline {options.Output}");
            foreach (var note in result.Notes)
            {
                stderr.WriteLine("note: " + note);
            }

            return 0;
        }
        catch (UsageException e)
        {
            stderr.WriteLine("logsafety: error: " + e.Message);
            return 2;
        }
    }

    public static string ToolVersion { get; } =
        typeof(ScanCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private static void CheckOutputFolder(string? output)
    {
        if (output is null)
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(output));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new UsageException($"{output}: the folder {folder} does not exist");
        }
    }

    /// <summary>A report file appears whole or not at all: written beside its destination, then moved into place.</summary>
    private static void Emit(string text, string? output, TextWriter stdout)
    {
        if (output is null)
        {
            stdout.Write(text);
            stdout.Flush();
            return;
        }

        var full = Path.GetFullPath(output);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllText(temporary, text, new System.Text.UTF8Encoding(false));
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new UsageException($"{output}: cannot be written: {e.Message}");
        }
    }

    private static void WriteTiming(TextWriter stderr, ScanResult result, ReportContext context)
    {
        stderr.WriteLine("Analyzer time (summed over threads):");
        var analyzers = LogSafetyRules.CreateAnalyzers().ToDictionary(a => a.GetType().Name, a => a.SupportedDiagnostics.Select(d => d.Id).Distinct().Order());
        foreach (var (name, time) in result.AnalyzerTimes.OrderByDescending(t => t.Value))
        {
            var rules = analyzers.TryGetValue(name, out var ids) ? string.Join(",", ids) : "";
            stderr.WriteLine($"  {time.TotalMilliseconds,9:0} ms  {name} ({rules})");
        }
    }
}
