using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LogSafety.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LogSafety.Cli.Tests;

/// <summary>
/// The shared-code guarantee: a baseline written by `logsafety baseline` is read by the build's BaselineSuppressor and
/// accepts exactly the same findings, because both compute fingerprints with LogSafety.Analyzers.Baselines.
/// </summary>
public sealed class BaselineSuppressorAgreementTests
{
    private const string Tokens = """
        using Microsoft.Extensions.Logging;

        public sealed class Tokens(ILogger<Tokens> logger)
        {
            public void Issue(string userId, string accessToken, string password)
            {
                logger.LogInformation("Issued {AccessToken} to {UserId}", accessToken, userId);
                logger.LogInformation("Issued {AccessToken} to {UserId}", accessToken, userId);
                logger.LogWarning("Bad {Password}", password);
            }
        }
        """;

    [Fact]
    public async Task ToolBaseline_InTheBuild_SuppressesEveryFindingTheToolAccepted()
    {
        using var folder = new TempFolder();
        folder.Write("src/Tokens.cs", Tokens);
        var baselinePath = Path.Combine(folder.Path, "logsafety.baseline.json");
        Assert.Equal(0, (await Cli.BaselineAsync(folder.Path, baselinePath)).ExitCode);

        var diagnostics = await BuildAsync(folder, baselinePath);

        Assert.Equal(3, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.True(d.IsSuppressed, $"{d} is not suppressed by the tool's baseline"));
    }

    [Fact]
    public async Task ToolBaseline_InTheBuild_NewAndEditedCallsStayReported()
    {
        using var folder = new TempFolder();
        folder.Write("src/Tokens.cs", Tokens);
        var baselinePath = Path.Combine(folder.Path, "logsafety.baseline.json");
        await Cli.BaselineAsync(folder.Path, baselinePath);
        folder.Write("src/Tokens.cs", "// moved\n\n" + Tokens
            .Replace("\"Bad {Password}\"", "\"Wrong {Password}\"")
            .Replace("    public void Issue(", "    public void Refresh(string refreshToken) => logger.LogDebug(\"Refreshed {RefreshToken}\", refreshToken);\n\n    public void Issue("));

        var diagnostics = await BuildAsync(folder, baselinePath);
        var scan = await Cli.ScanAsync(folder.Path, baseline: baselinePath);

        var reported = diagnostics.Where(d => !d.IsSuppressed).Select(d => d.Id + ":" + (d.Location.GetLineSpan().StartLinePosition.Line + 1)).Order().ToArray();
        var scanned = scan.Json.GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("ruleId").GetString() + ":" + f.GetProperty("line").GetInt32()).Order().ToArray();
        Assert.Equal(2, reported.Length);
        Assert.Equal(scanned, reported);
    }

    /// <summary>Compiles the folder's sources as the compiler would for a project with the baseline as an AdditionalFiles item.</summary>
    private static async Task<ImmutableArray<Diagnostic>> BuildAsync(TempFolder folder, string baselinePath)
    {
        var trees = Directory.GetFiles(folder.Path, "*.cs", SearchOption.AllDirectories)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), new CSharpParseOptions(LanguageVersion.Latest), path));
        var references = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location));
        var compilation = CSharpCompilation.Create("Consumer", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var options = new AnalyzerOptions([new FileText(baselinePath)]);
        var withAnalyzers = compilation.WithAnalyzers(
            [new LoggedSecretAnalyzer(), new BaselineSuppressor(), new BaselineFileAnalyzer()],
            new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.DoesNotContain(diagnostics, d => d.Id is "AD0001" or "LS9001");
        return diagnostics.Where(d => d.Id.StartsWith("LS", System.StringComparison.Ordinal)).ToImmutableArray();
    }

    private sealed class FileText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
    }
}
