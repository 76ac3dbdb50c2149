using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using LogSafety.Cli.Commands;
using Xunit;

namespace LogSafety.Cli.Tests;

public sealed class FixTests
{
    private const string Leak = """
        using Microsoft.Extensions.Logging;

        public static class SignIn
        {
            public static void Attempt(ILogger logger, string email, string password)
            {
                logger.LogInformation("Sign-in for {Email} with {Password}", email, password);
            }
        }
        """;

    [Fact]
    public async Task Fix_DryRun_PrintsTheDiffAndWritesNothing()
    {
        using var folder = new TempFolder();
        var file = folder.Write("SignIn.cs", Leak);

        var (code, stdout, _) = await RunAsync(folder.Path, dryRun: true);

        Assert.Equal(0, code);
        Assert.Contains("-        logger.LogInformation(\"Sign-in for {Email} with {Password}\", email, password);", stdout);
        Assert.Contains("+        logger.LogInformation(\"Sign-in for {Email}\", email);", stdout);
        Assert.Contains("compiles with no new error", stdout);
        Assert.Equal(Leak, File.ReadAllText(file));
    }

    [Fact]
    public async Task Fix_WritesTheFileAndTheScanIsClean()
    {
        using var folder = new TempFolder();
        var file = folder.Write("SignIn.cs", Leak);

        var (code, _, _) = await RunAsync(folder.Path, dryRun: false);

        Assert.Equal(0, code);
        Assert.Contains("logger.LogInformation(\"Sign-in for {Email}\", email);", File.ReadAllText(file));
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
        Assert.Equal(0, (await Cli.ScanAsync(folder.Path)).ExitCode);
    }

    [Fact]
    public async Task Fix_FirstFindingWithoutAFix_TheOthersAreStillFixed()
    {
        using var folder = new TempFolder();
        // Two LS0006 findings: the first (the raw JSON passed to a JsonElement parameter) has no fix, the second has one.
        folder.Write("Tokens.cs", """
            using System;
            using Microsoft.Extensions.Logging;

            public class TokenResponse
            {
                public string Raw { get; set; } = "";
                public System.Text.Json.JsonElement Json { get; set; }
                public string AccessToken { get; set; } = "";
            }

            public static class Tokens
            {
                static void Dump(System.Text.Json.JsonElement json) => Console.WriteLine(json);

                public static void Received(ILogger logger, TokenResponse response)
                {
                    Dump(response.Json);
                    logger.LogInformation("Token response {Raw} at {Time}", response.Raw, DateTime.UtcNow);
                }
            }
            """);

        var (code, stdout, _) = await RunAsync(folder.Path, dryRun: true);

        Assert.Equal(0, code);
        Assert.Contains("+        logger.LogInformation(\"Token response at {Time}\", DateTime.UtcNow);", stdout);
        Assert.Contains("Would fix 1 of 2 finding(s)", stdout);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string path, bool dryRun)
    {
        var options = new ScanOptions(path, Loose: true, NoRestore: true, [], "text", null, null, null, Timing: false, Quiet: true);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await FixCommand.RunAsync(options, new HashSet<string>(), dryRun, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
