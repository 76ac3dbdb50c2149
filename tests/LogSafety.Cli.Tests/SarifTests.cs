using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace LogSafety.Cli.Tests;

public sealed class SarifTests
{
    [Fact]
    public async Task Sarif_HasRuleMetadataAndFingerprints()
    {
        using var folder = new TempFolder();
        folder.Write("Api/Keys.cs", """
            using Microsoft.Extensions.Logging;

            public static class Keys
            {
                public static void Log(ILogger logger, string apiKey) => logger.LogInformation("Key {ApiKey}", apiKey);
            }
            """);
        var report = Path.Combine(folder.Path, "out", "report.sarif");
        Directory.CreateDirectory(Path.GetDirectoryName(report)!);

        var run = await Cli.ScanAsync(folder.Path, format: "sarif", output: report);

        Assert.Equal(1, run.ExitCode);
        var sarif = JsonDocument.Parse(File.ReadAllText(report)).RootElement;
        Assert.Equal("2.1.0", sarif.GetProperty("version").GetString());
        var sarifRun = sarif.GetProperty("runs")[0];
        var rule = sarifRun.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "LS0002");
        Assert.EndsWith("docs/rules/LS0002.md", rule.GetProperty("helpUri").GetString());
        var properties = rule.GetProperty("properties");
        Assert.Equal(["security", "CWE-532"], properties.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.True(double.Parse(properties.GetProperty("security-severity").GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= 7.0);
        var result = Assert.Single(sarifRun.GetProperty("results").EnumerateArray());
        Assert.Equal("Api/Keys.cs", result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Matches("^[0-9a-f]{32}$", result.GetProperty("partialFingerprints").GetProperty("logSafety/v1").GetString());
    }
}
