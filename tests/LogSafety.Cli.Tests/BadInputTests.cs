using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace LogSafety.Cli.Tests;

public sealed class BadInputTests
{
    private const string Leak = """
        using Microsoft.Extensions.Logging;

        public static class Leak
        {
            public static void Log(ILogger logger, string password) => logger.LogWarning("Password {Password}", password);
        }
        """;

    [Fact]
    public async Task Scan_NonexistentPath_ExitsTwoNamingItAndWritesNoFile()
    {
        using var folder = new TempFolder();
        var missing = Path.Combine(folder.Path, "no-such-repo");
        var report = Path.Combine(folder.Path, "report.sarif");

        var run = await Cli.ScanAsync(missing, format: "sarif", output: report);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no-such-repo: no such file or folder", run.Stderr);
        Assert.False(File.Exists(report));
    }

    [Fact]
    public async Task Scan_BinaryAndNonUtf8Files_SkippedWithWarningAndCounted()
    {
        using var folder = new TempFolder();
        folder.Write("Leak.cs", Leak);
        File.WriteAllBytes(Path.Combine(folder.Path, "Blob.cs"), [0x4D, 0x5A, 0x00, 0x01, 0x02]);
        File.WriteAllBytes(Path.Combine(folder.Path, "Latin1.cs"), [0x2F, 0x2F, 0x20, 0xE9, 0x74, 0xE9, 0x0A]);

        var run = await Cli.ScanAsync(folder.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("warning: skipped Blob.cs: binary content", run.Stderr);
        Assert.Contains("warning: skipped Latin1.cs: not UTF-8", run.Stderr);
        Assert.Equal(2, run.Json.GetProperty("summary").GetProperty("filesSkipped").GetInt32());
        Assert.Single(run.Fingerprints);
    }

    [Fact]
    public async Task Scan_ExcludeGlob_LeavesTheFolderOut()
    {
        using var folder = new TempFolder();
        folder.Write("src/Leak.cs", Leak);
        folder.Write("tests/Legacy/Leak.cs", Leak.Replace("class Leak", "class LegacyLeak"));

        var run = await Cli.ScanAsync(folder.Path, excludes: "tests/**");

        Assert.Equal("src/Leak.cs", Assert.Single(run.Json.GetProperty("findings").EnumerateArray()).GetProperty("path").GetString());
    }

    [Fact]
    public async Task Scan_NoFinding_ExitsZero()
    {
        using var folder = new TempFolder();
        folder.Write("Fine.cs", Leak.Replace("{Password}\", password", "{Length}\", password.Length"));

        var run = await Cli.ScanAsync(folder.Path, format: "text");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("0 finding(s)", run.Stdout);
    }

    [Fact]
    public async Task Scan_EditorConfigSeverityNone_SilencesTheRule()
    {
        using var folder = new TempFolder();
        folder.Write("Leak.cs", Leak);
        folder.Write(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.LS0001.severity = none\n");

        var run = await Cli.ScanAsync(folder.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Fingerprints);
    }
}
