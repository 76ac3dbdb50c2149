using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LogSafety.Cli.Commands;
using Microsoft.CodeAnalysis;

namespace LogSafety.Cli.Tests;

/// <summary>Runs the tool's commands in process, as `logsafety scan --loose` would, and captures what they print.</summary>
internal static class Cli
{
    public sealed record Run(int ExitCode, string Stdout, string Stderr)
    {
        public JsonElement Json => JsonDocument.Parse(Stdout).RootElement;

        public string[] Fingerprints => Json.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("fingerprint").GetString()!).ToArray();
    }

    public static async Task<Run> ScanAsync(string path, string format = "json", string? output = null, string? baseline = null, params string[] excludes)
    {
        var options = new ScanOptions(path, Loose: true, NoRestore: true, excludes, format, output, DiagnosticSeverity.Warning, baseline, Timing: false, Quiet: false);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await ScanCommand.ScanAsync(options, stdout, stderr, CancellationToken.None);
        return new Run(code, stdout.ToString(), stderr.ToString());
    }

    public static async Task<Run> BaselineAsync(string path, string output)
    {
        var options = new ScanOptions(path, Loose: true, NoRestore: true, [], "baseline", output, null, null, Timing: false, Quiet: true);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await ScanCommand.BaselineAsync(options, stdout, stderr, CancellationToken.None);
        return new Run(code, stdout.ToString(), stderr.ToString());
    }
}
