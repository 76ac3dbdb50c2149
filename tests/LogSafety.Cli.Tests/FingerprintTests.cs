using System.Threading.Tasks;
using Xunit;

namespace LogSafety.Cli.Tests;

public sealed class FingerprintTests
{
    private const string Service = """
        using Microsoft.Extensions.Logging;

        public sealed class SignIn(ILogger<SignIn> logger)
        {
            public void Attempt(string email, string password)
            {
                logger.LogInformation("Sign-in for {Email} with {Password}", email, password);
            }
        }
        """;

    [Fact]
    public async Task Fingerprint_InsertedLinesAndReformatting_Unchanged()
    {
        using var folder = new TempFolder();
        folder.Write("SignIn.cs", Service);
        var before = await Cli.ScanAsync(folder.Path);

        folder.Write("SignIn.cs", "// a header comment\n\n\n" + Service.Replace(
            "logger.LogInformation(\"Sign-in for {Email} with {Password}\", email, password);",
            "var unrelated = 1;\n        logger.LogInformation(\n            \"Sign-in for {Email} with {Password}\",   // reformatted\n            email,\n            password);"));
        var after = await Cli.ScanAsync(folder.Path);

        Assert.Single(before.Fingerprints);
        Assert.Equal(before.Fingerprints, after.Fingerprints);
    }

    [Fact]
    public async Task Fingerprint_EditedCall_Changes()
    {
        using var folder = new TempFolder();
        folder.Write("SignIn.cs", Service);
        var before = await Cli.ScanAsync(folder.Path);

        folder.Write("SignIn.cs", Service.Replace("Sign-in for", "Login for"));
        var after = await Cli.ScanAsync(folder.Path);

        Assert.Single(after.Fingerprints);
        Assert.NotEqual(before.Fingerprints, after.Fingerprints);
    }

    [Fact]
    public async Task Fingerprint_SameCallInAnotherFile_Differs()
    {
        using var folder = new TempFolder();
        folder.Write("A/SignIn.cs", Service);
        folder.Write("B/SignIn.cs", Service.Replace("class SignIn", "class SignIn2").Replace("ILogger<SignIn>", "ILogger<SignIn2>"));

        var run = await Cli.ScanAsync(folder.Path);

        Assert.Equal(2, run.Fingerprints.Length);
        Assert.NotEqual(run.Fingerprints[0], run.Fingerprints[1]);
    }

    [Fact]
    public void Fingerprint_IdenticalCalls_NumberedByOccurrence()
    {
        const string Source = """
            class C
            {
                void M(ILogger logger, string password)
                {
                    logger.LogInformation("x {P}", password);
                    logger.LogInformation("x {P}", password);
                    logger.LogInformation("x {P}",   password);
                }
            }
            """;
        var root = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(Source).GetRoot();
        var spans = System.Linq.Enumerable.ToList(System.Linq.Enumerable.Select(
            System.Linq.Enumerable.Where(root.DescendantNodes(), n => n.ToString() == "password" && n.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax),
            n => n.Span));

        var fingerprints = spans.ConvertAll(span => LogSafety.Analyzers.Baselines.Fingerprint.Of("LS0001", "SignIn.cs", root, span));

        Assert.Equal(3, spans.Count);
        Assert.Equal(3, new System.Collections.Generic.HashSet<string>(fingerprints).Count);
        Assert.Equal(fingerprints, spans.ConvertAll(span => LogSafety.Analyzers.Baselines.Fingerprint.Of("LS0001", "SignIn.cs", root, span)));
    }
}
