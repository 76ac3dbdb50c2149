using Microsoft.CodeAnalysis;
using Xunit;

namespace LogSafety.Analyzers.Tests;

public sealed class Logging_ArgumentElementsTests
{
    /// <summary>
    /// The analyzer compiles against Roslyn 4.8, which has no names for these kinds, and spells them as numbers
    /// (Logging/ArgumentElements.cs); the host's Roslyn must agree.
    /// </summary>
    [Fact]
    public void CollectionExpressionAndSpreadKinds_MatchTheValuesTheAnalyzerUses()
    {
        Assert.Equal(0x7f, (int)OperationKind.CollectionExpression);
        Assert.Equal(0x80, (int)OperationKind.Spread);
    }
}
