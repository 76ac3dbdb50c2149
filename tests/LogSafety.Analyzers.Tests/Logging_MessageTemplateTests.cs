using System.Linq;
using LogSafety.Analyzers.Logging;
using Xunit;

namespace LogSafety.Analyzers.Tests;

public sealed class MessageTemplateTests
{
    [Fact]
    public void Parse_NamedHoles_WithDestructureAndFormat()
    {
        var template = MessageTemplate.Parse("Login {Email} {@Request} {$Raw} {Elapsed:0.00} {{escaped}} {Count,5}");
        Assert.Equal(new[] { "Email", "Request", "Raw", "Elapsed", "Count" }, template.Holes.Select(h => h.Name));
        Assert.True(template.Holes[1].Destructure);
        Assert.True(template.Holes[2].Stringify);
        Assert.False(template.IsPositional);
        Assert.Equal("{Email}", template.Text.Substring(template.Holes[0].Start, template.Holes[0].Length));
    }

    [Fact]
    public void HoleFor_PositionalTemplate_PairsByNumber()
    {
        var template = MessageTemplate.Parse("{1} logged in as {0}");
        Assert.True(template.IsPositional);
        Assert.Equal("0", template.HoleFor(0)!.Value.Name);
        Assert.Equal("1", template.HoleFor(1)!.Value.Name);
        Assert.Null(template.HoleFor(2));
    }

    [Fact]
    public void HoleFor_NamedTemplate_PairsByOrder()
    {
        var template = MessageTemplate.Parse("{B} then {A}");
        Assert.Equal("B", template.HoleFor(0)!.Value.Name);
        Assert.Equal("A", template.HoleFor(1)!.Value.Name);
        Assert.Null(template.HoleFor(-1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("}")]
    [InlineData("{ }")]
    [InlineData("{{{")]
    [InlineData("abc {unclosed")]
    public void Parse_MalformedText_DoesNotThrow(string text) => MessageTemplate.Parse(text);
}
