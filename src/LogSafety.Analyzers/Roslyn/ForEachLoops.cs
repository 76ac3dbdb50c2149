using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Roslyn;

/// <summary>What a foreach loop declares, read from its operation.</summary>
internal static class ForEachLoops
{
    /// <summary>Whether <paramref name="local"/> is one of the loop's iteration variables (deconstructed parts included).</summary>
    public static bool Declares(IForEachLoopOperation loop, ILocalSymbol local)
    {
        foreach (var declared in loop.Locals)
        {
            if (SymbolEqualityComparer.Default.Equals(declared, local))
            {
                return true;
            }
        }

        return false;
    }
}
