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
    public async Task SessionMadeFromCryptoRandom_InTheEditedFile_CountsAfterEachEdit()
    {
        Compilation compilation = AnalyzerHost.Compile(Log, GuidSessions);
        Assert.Empty(await FindingsAsync(compilation));

        compilation = Edit(compilation, 1, RandomSessions);
        var findings = await FindingsAsync(compilation);
        Assert.Contains(findings, f => f.StartsWith("LS0003", StringComparison.Ordinal));
        Assert.Equal(await FindingsAsync(AnalyzerHost.Compile(Log, RandomSessions)), findings);

        compilation = Edit(compilation, 1, GuidSessions);
        Assert.Empty(await FindingsAsync(compilation));
    }

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
    public async Task CallerThatStopsHashing_InTheEditedFile_CountsAfterEachEdit()
    {
        Compilation compilation = AnalyzerHost.Compile(Store, HashingCaller);
        Assert.Empty(await FindingsAsync(compilation));

        var plain = HashingCaller.Replace("store.FindAsync(deviceCode.Sha256())", "store.FindAsync(deviceCode)", StringComparison.Ordinal);
        compilation = Edit(compilation, 1, plain);
        var findings = await FindingsAsync(compilation);
        Assert.Contains(findings, f => f.StartsWith("LS0002", StringComparison.Ordinal));
        Assert.Equal(await FindingsAsync(AnalyzerHost.Compile(Store, plain)), findings);

        compilation = Edit(compilation, 1, HashingCaller);
        Assert.Empty(await FindingsAsync(compilation));
    }

    private static Compilation Edit(Compilation compilation, int file, string text)
    {
        var tree = compilation.SyntaxTrees.ElementAt(file);
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text)));
    }

    private static async Task<string[]> FindingsAsync(Compilation compilation)
    {
        var result = await AnalyzerHost.AnalyzeAsync(compilation);
        Assert.Empty(result.Exceptions);
        return result.Diagnostics.Where(d => d.Id.StartsWith("LS", StringComparison.Ordinal))
            .Select(AnalyzerHost.Describe).OrderBy(d => d, StringComparer.Ordinal).ToArray();
    }
}
