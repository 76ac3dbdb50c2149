using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace LogSafety.Cli.Tests;

public sealed class BaselineTests
{
    private const string Service = """
        using Microsoft.Extensions.Logging;

        public sealed class Tokens(ILogger<Tokens> logger)
        {
            public void Issue(string userId, string accessToken)
            {
                logger.LogInformation("Issued {AccessToken} to {UserId}", accessToken, userId);
                logger.LogInformation("Issued {AccessToken} to {UserId}", accessToken, userId);
            }
        }
        """;

    [Fact]
    public async Task Baseline_RoundTripWithInsertedLines_ReportsOnlyTheNewLeak()
    {
        using var folder = new TempFolder();
        folder.Write("Tokens.cs", Service);
        var baselinePath = Path.Combine(folder.Path, "logsafety.baseline.json");
        var written = await Cli.BaselineAsync(folder.Path, baselinePath);
        Assert.Equal(0, written.ExitCode);

        Assert.Equal(0, (await Cli.ScanAsync(folder.Path, baseline: baselinePath)).ExitCode);

        folder.Write("Tokens.cs", "\n\n// moved down\n" + Service.Replace(
            "    public void Issue(",
            "    public void Refresh(string refreshToken) => logger.LogDebug(\"Refreshed {RefreshToken}\", refreshToken);\n\n    public void Issue("));
        var run = await Cli.ScanAsync(folder.Path, baseline: baselinePath);

        Assert.Equal(1, run.ExitCode);
        var finding = Assert.Single(run.Json.GetProperty("findings").EnumerateArray());
        Assert.Equal("LS0002", finding.GetProperty("ruleId").GetString());
        Assert.Contains("refreshToken", finding.GetProperty("message").GetString());
        Assert.Equal(2, run.Json.GetProperty("summary").GetProperty("baselined").GetInt32());
    }

    [Fact]
    public async Task Baseline_ThirdIdenticalCall_IsNew()
    {
        using var folder = new TempFolder();
        folder.Write("Tokens.cs", Service);
        var baselinePath = Path.Combine(folder.Path, "logsafety.baseline.json");
        await Cli.BaselineAsync(folder.Path, baselinePath);

        var line = "        logger.LogInformation(\"Issued {AccessToken} to {UserId}\", accessToken, userId);\n";
        folder.Write("Tokens.cs", Service.Insert(Service.IndexOf(line, System.StringComparison.Ordinal), line));
        var run = await Cli.ScanAsync(folder.Path, baseline: baselinePath);

        Assert.Single(run.Fingerprints);
    }

    [Theory]
    [InlineData("{ \"version\": 1,\n  \"findings\": [\n    { \"fingerprint\": \"abc\", \"ruleId\": \"LS0001\" }\n  ]\n}", 3, "fingerprint")]
    [InlineData("{ \"version\": 1,\n  \"findings\": [\n    { \"fingerprint\": \"0123456789abcdef0123456789abcdef\", \"ruleId\": \"LS0001\" },\n  ]\n}", 4, "not valid JSON")]
    [InlineData("{\n  \"version\": 7,\n  \"findings\": []\n}", 2, "'version' must be 1")]
    [InlineData("{\n  \"version\": 1\n}", 3, "no 'findings' array")]
    [InlineData("[]", 1, "expected a JSON object")]
    [InlineData("{ \"version\": 1,\n  \"findings\": [\n    { \"fingerprint\": \"0123456789abcdef0123456789abcdef\" }\n  ]\n}", 3, "ruleId")]
    public async Task Baseline_Malformed_RejectedWithLineAndReason(string text, int line, string reason)
    {
        using var folder = new TempFolder();
        folder.Write("Tokens.cs", Service);
        var baselinePath = folder.Write("bad.baseline.json", text);
        var report = Path.Combine(folder.Path, "report.json");

        var run = await Cli.ScanAsync(folder.Path, output: report, baseline: baselinePath);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"bad.baseline.json({line}): malformed baseline", run.Stderr);
        Assert.Contains(reason, run.Stderr);
        Assert.False(File.Exists(report));
    }
}
