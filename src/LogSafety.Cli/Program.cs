using System;
using System.CommandLine;
using System.Linq;
using System.Threading.Tasks;
using LogSafety.Cli.Commands;
using Microsoft.CodeAnalysis;

namespace LogSafety.Cli;

/// <summary>logsafety: LogSafety's analyzers on any C# repository, without adding the package.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var root = BuildCommandLine();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine("logsafety: error: " + error.Message);
            }

            Console.Error.WriteLine("Run 'logsafety --help' for usage.");
            return 2;
        }

        return await parse.InvokeAsync().ConfigureAwait(false);
    }

    public static RootCommand BuildCommandLine()
    {
        var path = new Argument<string>("PATH")
        {
            Description = "A .sln, .slnx or .csproj, or a folder holding one (project mode), or a folder of .cs files (loose mode)",
            DefaultValueFactory = _ => ".",
        };
        var loose = new Option<bool>("--loose") { Description = "Compile every .cs file under the folder together, without MSBuild" };
        var noRestore = new Option<bool>("--no-restore") { Description = "Do not run 'dotnet restore' before loading projects" };
        var exclude = new Option<string[]>("--exclude")
        {
            Description = "Glob of files or folders to leave out (repeatable), e.g. 'tests/**' or '*.Designer.cs'",
            AllowMultipleArgumentsPerToken = false,
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress on standard error" };
        var format = new Option<string>("--format", "-f") { Description = "Report format", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to FILE (whole, or not at all) instead of standard output" };
        var failLevel = new Option<string>("--fail-level") { Description = "Exit with 1 when a finding at or above this severity remains", DefaultValueFactory = _ => "warning" };
        failLevel.AcceptOnlyFromAmong("error", "warning", "info", "never");
        var baseline = new Option<string?>("--baseline") { Description = "Report only findings not in this baseline file (see 'logsafety baseline')" };
        var timing = new Option<bool>("--timing") { Description = "Print the time spent in each analyzer, with its rules, on standard error" };

        var scan = new Command("scan", "Report what the code writes to logs that it should not") { path, loose, noRestore, exclude, format, output, failLevel, baseline, timing, quiet };
        scan.SetAction((result, cancellationToken) => ScanCommand.ScanAsync(
            new ScanOptions(result.GetValue(path)!, result.GetValue(loose), result.GetValue(noRestore), result.GetValue(exclude) ?? [],
                result.GetValue(format)!, result.GetValue(output), ParseFailLevel(result.GetValue(failLevel)!), result.GetValue(baseline),
                result.GetValue(timing), result.GetValue(quiet)),
            Console.Out, Console.Error, cancellationToken));

        var baselineOutput = new Option<string>("--output", "-o") { Description = "The baseline file to write, e.g. logsafety.baseline.json", Required = true };
        var baselineCommand = new Command("baseline", "Accept today's findings: write their fingerprints, for 'scan --baseline'") { path, loose, noRestore, exclude, baselineOutput, quiet };
        baselineCommand.SetAction((result, cancellationToken) => ScanCommand.BaselineAsync(
            new ScanOptions(result.GetValue(path)!, result.GetValue(loose), result.GetValue(noRestore), result.GetValue(exclude) ?? [],
                "baseline", result.GetValue(baselineOutput), null, null, false, result.GetValue(quiet)),
            Console.Out, Console.Error, cancellationToken));

        var rules = new Option<string?>("--rules") { Description = "Only these rules, comma-separated, e.g. LS0001,LS0002 (default: every rule with a fix)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the diff instead of writing the files" };
        var fix = new Command("fix", "Apply LogSafety's own fixes (Fix All) and write the files, if the result compiles") { path, loose, noRestore, exclude, rules, dryRun, quiet };
        fix.SetAction((result, cancellationToken) => FixCommand.RunAsync(
            new ScanOptions(result.GetValue(path)!, result.GetValue(loose), result.GetValue(noRestore), result.GetValue(exclude) ?? [],
                "text", null, null, null, false, result.GetValue(quiet)),
            (result.GetValue(rules) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase),
            result.GetValue(dryRun), Console.Out, Console.Error, cancellationToken));

        return new RootCommand("logsafety: find secrets written to logs in any C# repository, with the LogSafety analyzers") { scan, baselineCommand, fix };
    }

    private static DiagnosticSeverity? ParseFailLevel(string level) => level switch
    {
        "error" => DiagnosticSeverity.Error,
        "info" => DiagnosticSeverity.Info,
        "never" => null,
        _ => DiagnosticSeverity.Warning,
    };
}
