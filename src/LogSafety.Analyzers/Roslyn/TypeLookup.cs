using Microsoft.CodeAnalysis;

namespace LogSafety.Analyzers.Roslyn;

/// <summary>
/// Finds a type by its metadata name through the compilation's merged namespaces. <see cref="Compilation.GetTypeByMetadataName"/>
/// asks every referenced assembly for every name (300 of them in a web project) to rule out duplicates, which made
/// resolving LogSafety's hundred well-known types cost more than Microsoft's whole logging analyzer. A namespace that no
/// assembly declares (Serilog in a project without it) answers at once here; a name found more than once is left to the
/// compiler's own rules.
/// </summary>
internal static class TypeLookup
{
    public static INamedTypeSymbol? Find(Compilation compilation, string metadataName)
    {
        INamespaceOrTypeSymbol container = compilation.GlobalNamespace;
        var start = 0;
        var lastDot = metadataName.LastIndexOf('.');
        while (start < lastDot)
        {
            var dot = metadataName.IndexOf('.', start);
            if (Single(container.GetMembers(metadataName.Substring(start, dot - start))) is not INamespaceSymbol next)
            {
                return null;
            }

            container = next;
            start = dot + 1;
        }

        INamedTypeSymbol? found = null;
        foreach (var part in metadataName.Substring(start).Split('+'))
        {
            var arity = 0;
            var name = part;
            var tick = part.IndexOf('`');
            if (tick >= 0 && int.TryParse(part.Substring(tick + 1), out arity))
            {
                name = part.Substring(0, tick);
            }

            INamedTypeSymbol? match = null;
            var matches = 0;
            foreach (var type in container.GetTypeMembers(name, arity))
            {
                match = type;
                matches++;
            }

            if (matches > 1)
            {
                // The same name in two assemblies: let the compiler pick, as it would for the application's code.
                return compilation.GetTypeByMetadataName(metadataName);
            }

            if (match is null)
            {
                return null;
            }

            found = match;
            container = match;
        }

        return found;
    }

    private static INamespaceOrTypeSymbol? Single(System.Collections.Immutable.ImmutableArray<ISymbol> members)
    {
        foreach (var member in members)
        {
            if (member is INamespaceSymbol ns)
            {
                return ns;
            }
        }

        return null;
    }
}
