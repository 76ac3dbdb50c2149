using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LogSafety.Analyzers.Tests.Robustness;

/// <summary>
/// What is read from one file's syntax is kept per syntax tree, so that the compilation the IDE makes on each keystroke
/// reads only the edited file again. The edited file's part must still count: after each edit the findings are those
/// of the same files parsed anew.
/// </summary>
public sealed class EditedCompilationTests
{
    private const string Log = """
        using System;
        using Microsoft.Extensions.Logging;

        public record WebSession(string Id, Guid UserId);

        public class Api
        {
            public void Handle(ILogger logger, Sessions sessions, Guid user)
            {
                var session = sessions.Open(user);
                logger.LogInformation("Opened {Session}", session.Id);
            }
        }
        """;

    private const string GuidSessions = """
        using System;

        public class Sessions
        {
            public WebSession Open(Guid user) => new WebSession(Guid.NewGuid().ToString("N"), user);
        }
        """;

    private const string RandomSessions = """
        using System;
        using System.Security.Cryptography;

        public class Sessions
        {
            public WebSession Open(Guid user)
            {
                var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
                return new WebSession(id, user);
            }
        }
        """;

    /// <summary>A session whose ID is made from a cryptographic random source in another file (LS0003's evidence).</summary>
    [Fact]
    public Task SessionMadeFromCryptoRandom_InTheEditedFile_CountsAfterEachEdit() =>
        FindingsFollowEditsAsync(Log, GuidSessions, RandomSessions, "LS0003");

    private const string Store = """
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;

        public class GrantStore
        {
            private readonly ILogger _logger = null!;

            public virtual Task FindAsync(string deviceCode)
            {
                _logger.LogDebug("{DeviceCode} not found", deviceCode);
                return Task.CompletedTask;
            }
        }
        """;

    private const string HashingCaller = """
        using System;
        using System.Security.Cryptography;
        using System.Text;

        public static class Hashing
        {
            public static string Sha256(this string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
        }

        public class Endpoint
        {
            public void Poll(GrantStore store, string deviceCode) => store.FindAsync(deviceCode.Sha256());
        }
        """;

    /// <summary>A parameter whose every caller passes a hash holds the hash: a caller that stops hashing counts at once.</summary>
    [Fact]
    public Task CallerThatStopsHashing_InTheEditedFile_CountsAfterEachEdit() =>
        FindingsFollowEditsAsync(Store, HashingCaller, HashingCaller.Replace("store.FindAsync(deviceCode.Sha256())", "store.FindAsync(deviceCode)", StringComparison.Ordinal), "LS0002");

    /// <summary>
    /// Analyzes <paramref name="fixedFile"/> with <paramref name="quiet"/> (no finding), edits the second file to
    /// <paramref name="leaking"/> (a <paramref name="rule"/> finding, the same as the files parsed anew give), and back.
    /// </summary>
    private static async Task FindingsFollowEditsAsync(string fixedFile, string quiet, string leaking, string rule)
    {
        Compilation compilation = AnalyzerHost.Compile(fixedFile, quiet);
        Assert.Empty(await AnalyzerHost.LogSafetyFindingsAsync(compilation));

        compilation = Edit(compilation, 1, leaking);
        var findings = await AnalyzerHost.LogSafetyFindingsAsync(compilation);
        Assert.Contains(findings, f => f.StartsWith(rule, StringComparison.Ordinal));
        Assert.Equal(await AnalyzerHost.LogSafetyFindingsAsync(AnalyzerHost.Compile(fixedFile, leaking)), findings);

        compilation = Edit(compilation, 1, quiet);
        Assert.Empty(await AnalyzerHost.LogSafetyFindingsAsync(compilation));
    }

    private static Compilation Edit(Compilation compilation, int file, string text)
    {
        var tree = compilation.SyntaxTrees.ElementAt(file);
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text)));
    }
}
