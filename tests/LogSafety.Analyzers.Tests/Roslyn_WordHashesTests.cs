using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using LogSafety.Analyzers.Roslyn;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LogSafety.Analyzers.Tests;

/// <summary>
/// <see cref="WordHashes.Invoked"/> reads plain ASCII text from the characters that may follow an invoked name; it must
/// give exactly what the character-by-character scan gives, for which text it takes that path and for any span.
/// </summary>
public sealed class WordHashesTests
{
    [Theory]
    [InlineData("{ _logger.LogInformation(\"x {A}\", a); }", new[] { "LogInformation" })]
    [InlineData("=> Write <T> (value)", new[] { "Write" })]
    [InlineData("{ Log /* why */ (x); Log // end\n (y); }", new[] { "Log", "end" })]
    [InlineData("{ s_log.Invoke(logger, token, null); }", new[] { "Invoke", "s_log" })]
    [InlineData("{ if (ok) Fail(#if x\n); }", new[] { "if", "Fail" })]
    public void Invoked_HashesTheNamesBeforeAnArgumentList(string text, string[] names)
    {
        var words = WordHashes.Invoked(text, new TextSpan(0, text.Length), new List<int>());
        Assert.NotNull(words);
        Assert.Equal(WordHashes.Sorted(names), words);
        Assert.Equal(WordHashes.InvokedScanned(text, new TextSpan(0, text.Length), new List<int>()), words);
    }

    [Theory]
    [InlineData("{ (a).Invoke(x); }")]
    [InlineData("{ a!.Invoke(x); }")]
    [InlineData("{ L\\u006fg(x); }")]
    [InlineData("{ log.Debug(\"x\"); \U0001F600 }")]
    public void Invoked_GivesNoWords_WhereAnyNameMayBeInvoked(string text)
    {
        var words = WordHashes.Invoked(text, new TextSpan(0, text.Length), new List<int>());
        Assert.Equal(WordHashes.InvokedScanned(text, new TextSpan(0, text.Length), new List<int>()), words);
    }

    [Fact]
    public void Invoked_MatchesTheCharacterScan_OnRandomText()
    {
        // Fragments that exercise words, the characters after a name, Invoke receivers, escapes and non-ASCII letters
        // (a formatting character the compiler skips, a letter outside ASCII, a surrogate pair).
        string[] fragments =
        {
            "a", "Log", "_x1", "9", "Invoke", " ", "\t", "\n", "(", ")", "<", ">", "/", "#", ".", "?", "!", "\"", "\\", "\\u0041",
            "\\n", "é", "\u00AD", "\U0001F600", "x.Invoke", "x?.Invoke", "(a).Invoke", "/*c*/", "//c\n", "{", "}", ";", ",",
        };
        var random = new Random(20261201);
        var scratch = new List<int>();
        for (var round = 0; round < 20000; round++)
        {
            var builder = new StringBuilder();
            var count = random.Next(1, 24);
            for (var i = 0; i < count; i++)
            {
                builder.Append(fragments[random.Next(fragments.Length)]);
            }

            var text = builder.ToString();
            var start = random.Next(0, text.Length);
            var span = TextSpan.FromBounds(start, random.Next(start, text.Length + 1));
            Assert.Equal(WordHashes.InvokedScanned(text, span, new List<int>()), WordHashes.Invoked(text, span, scratch));
        }
    }

    [Fact]
    public void Invoked_MatchesTheCharacterScan_OnThisRepositorysSources()
    {
        var sources = Directory.EnumerateFiles(Conventions.Repository.PathOf("src"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(sources);
        var scratch = new List<int>();
        foreach (var path in sources)
        {
            var text = File.ReadAllText(path);
            for (var start = 0; start < text.Length; start += 997)
            {
                var span = TextSpan.FromBounds(start, Math.Min(text.Length, start + 1500));
                Assert.Equal(WordHashes.InvokedScanned(text, span, new List<int>()), WordHashes.Invoked(text, span, scratch));
            }
        }
    }
}
