using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LogSafety.Benchmarks;

/// <summary>
/// The same references the tests compile against (tests/LogSafety.Analyzers.Tests/Verifiers/TestReferences.cs):
/// .NET 10 reference assemblies, the logging libraries, and the whole ASP.NET Core shared framework.
/// </summary>
internal static class BenchReferences
{
    public static ImmutableArray<MetadataReference> All { get; } = Build();

    private static ImmutableArray<MetadataReference> Build()
    {
        var framework = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>();
        var libraries = new[]
        {
            typeof(Microsoft.Extensions.Logging.ILogger).Assembly,
            typeof(Serilog.ILogger).Assembly,
            typeof(NLog.ILogger).Assembly,
            typeof(log4net.ILog).Assembly,
            typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly,
            typeof(Microsoft.AspNetCore.Mvc.ControllerBase).Assembly,
        };
        var libraryPaths = libraries.Select(a => a.Location).Where(File.Exists).Distinct().ToList();
        var aspNetDirectory = Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly.Location)!;
        var aspNetPaths = Directory.GetFiles(aspNetDirectory, "*.dll").Where(path => !libraryPaths.Contains(path));
        return framework
            .Concat(libraryPaths.Concat(aspNetPaths).Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)))
            .ToImmutableArray();
    }
}
