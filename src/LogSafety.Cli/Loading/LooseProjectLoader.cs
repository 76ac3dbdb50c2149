using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using LogSafety.Cli.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace LogSafety.Cli.Loading;

/// <summary>
/// Loose mode: every .cs file under a folder in one compilation, against the .NET and ASP.NET Core reference
/// assemblies and the logging libraries LogSafety knows. Other dependencies stay unresolved, and the result says so.
/// </summary>
internal static class LooseProjectLoader
{
    // The implicit usings of a web project (Microsoft.NET.Sdk.Web), which most services are.
    private static readonly string[] WebImplicitUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Net.Http.Json",
        "System.Threading", "System.Threading.Tasks", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration",
        "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    public static Project Load(AdhocWorkspace workspace, string root, PathFilter filter, ScanResult result, IProgressReporter progress)
    {
        var files = Directory.EnumerateFiles(root, "*.cs", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Select(path => (Path: path, Relative: ProjectScanner.RelativePath(root, path)))
            .Where(f => !filter.IsExcluded(f.Relative))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToList();
        progress.Status($"Loose mode: {files.Count} .cs files under {root}");

        var projectId = ProjectId.CreateNewId();
        var documents = new List<DocumentInfo>();
        foreach (var (path, relative) in files)
        {
            var text = SourceFileReader.TryRead(path, out var skipReason);
            if (text is null)
            {
                result.FilesSkipped++;
                result.Notes.Add($"skipped {relative}: {skipReason}");
                progress.Status($"warning: skipped {relative}: {skipReason}");
                continue;
            }

            documents.Add(DocumentInfo.Create(DocumentId.CreateNewId(projectId), Path.GetFileName(path),
                loader: TextLoader.From(TextAndVersion.Create(text, VersionStamp.Default, path)), filePath: path));
        }

        var usings = string.Join("\n", WebImplicitUsings.Select(u => $"global using global::{u};")) + "\n";
        var usingsPath = Path.Combine(root, "obj", "LogSafety.ImplicitUsings.g.cs");
        documents.Add(DocumentInfo.Create(DocumentId.CreateNewId(projectId), Path.GetFileName(usingsPath),
            loader: TextLoader.From(TextAndVersion.Create(SourceText.From(usings), VersionStamp.Default, usingsPath)), filePath: usingsPath));

        var editorConfigs = EditorConfigFiles(root, filter)
            .Select(path => DocumentInfo.Create(DocumentId.CreateNewId(projectId), ".editorconfig",
                loader: new FileTextLoader(path, defaultEncoding: null), filePath: path))
            .ToList();
        if (editorConfigs.Count > 0)
        {
            progress.Status($"Applying {editorConfigs.Count} .editorconfig file(s)");
        }

        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview,
            preprocessorSymbols: ["TRACE", "RELEASE", "NET", "NETCOREAPP", "NET10_0", "NET10_0_OR_GREATER", "NET9_0_OR_GREATER", "NET8_0_OR_GREATER", "NET6_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER"]);
        var compilationOptions = new CSharpCompilationOptions(OutputKind.ConsoleApplication,
            nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true, concurrentBuild: true);
        var project = ProjectInfo.Create(projectId, VersionStamp.Default, Path.GetFileName(Path.TrimEndingDirectorySeparator(root)) is { Length: > 0 } name ? name : "loose",
                "LooseSources", LanguageNames.CSharp, filePath: Path.Combine(root, "loose.csproj"),
                compilationOptions: compilationOptions, parseOptions: parseOptions,
                documents: documents, metadataReferences: References())
            .WithAnalyzerConfigDocuments(editorConfigs);
        var solution = workspace.CurrentSolution.AddProject(project);
        if (!workspace.TryApplyChanges(solution))
        {
            throw new InvalidOperationException("could not create the loose project");
        }

        return workspace.CurrentSolution.GetProject(projectId)!;
    }

    /// <summary>The type names the loose compilation could not resolve: said aloud, since their values are judged by name only.</summary>
    public static void NoteUnresolvedTypes(Compilation compilation, ScanResult result)
    {
        var missing = compilation.GetDeclarationDiagnostics()
            .Where(d => d.Id is "CS0246" or "CS0234")
            .Select(d => d.Location.SourceTree?.GetText().ToString(d.Location.SourceSpan))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
        result.Notes.Add("Loose mode: compiled against .NET 10, ASP.NET Core and the logging libraries LogSafety knows "
            + "(Microsoft.Extensions.Logging, Serilog, NLog, log4net, EF Core, IdentityModel); types from other dependencies are unresolved"
            + (missing.Count == 0 ? "." : $": {missing.Count} unresolved in declarations, e.g. {string.Join(", ", missing.Take(8))}. Values of those types are judged by their names only."));
    }

    private static IEnumerable<MetadataReference> References()
    {
        var references = new List<MetadataReference>(Basic.Reference.Assemblies.Net100.References.All);
        var names = new HashSet<string>(references.OfType<PortableExecutableReference>()
            .Select(r => Path.GetFileNameWithoutExtension(r.FilePath ?? r.Display ?? "")), StringComparer.OrdinalIgnoreCase);
        var aspNetCore = AspNetCoreSharedFramework();
        if (aspNetCore is not null)
        {
            foreach (var dll in Directory.EnumerateFiles(aspNetCore, "*.dll").Where(dll => names.Add(Path.GetFileNameWithoutExtension(dll))))
            {
                references.Add(MetadataReference.CreateFromFile(dll));
            }
        }

        // The logging libraries the tool ships with (Microsoft.Extensions.Logging only when ASP.NET Core is not installed).
        Type[] shipped =
        [
            typeof(Microsoft.Extensions.Logging.ILogger), typeof(Serilog.Log), typeof(NLog.LogManager), typeof(log4net.LogManager),
            typeof(Microsoft.EntityFrameworkCore.DbContext), typeof(Microsoft.IdentityModel.Logging.IdentityModelEventSource),
            typeof(Microsoft.IdentityModel.Abstractions.IIdentityLogger),
        ];
        foreach (var type in shipped)
        {
            var location = type.Assembly.Location;
            if (location.Length > 0 && names.Add(Path.GetFileNameWithoutExtension(location)))
            {
                references.Add(MetadataReference.CreateFromFile(location));
            }
        }

        return references;
    }

    private static string? AspNetCoreSharedFramework()
    {
        // .../shared/Microsoft.NETCore.App/10.0.x/ -> .../shared/Microsoft.AspNetCore.App/<newest 10.0.x>/
        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        var shared = Path.GetDirectoryName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(runtime)));
        var aspNetCore = shared is null ? null : Path.Combine(shared, "Microsoft.AspNetCore.App");
        if (aspNetCore is null || !Directory.Exists(aspNetCore))
        {
            return null;
        }

        var major = Environment.Version.Major + ".";
        return Directory.EnumerateDirectories(aspNetCore)
            .Where(d => Path.GetFileName(d).StartsWith(major, StringComparison.Ordinal))
            .OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0))
            .FirstOrDefault();
    }

    /// <summary>.editorconfig files under the root and above it, up to the first one that says root = true.</summary>
    private static IEnumerable<string> EditorConfigFiles(string root, PathFilter filter)
    {
        var below = Directory.EnumerateFiles(root, ".editorconfig", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 })
            .Where(path => !filter.IsExcluded(ProjectScanner.RelativePath(root, path)));
        var above = new List<string>();
        var rootConfig = Path.Combine(root, ".editorconfig");
        var isRoot = File.Exists(rootConfig) && IsRootConfig(rootConfig);
        for (var dir = Directory.GetParent(root); dir is not null && !isRoot; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".editorconfig");
            if (File.Exists(candidate))
            {
                above.Add(candidate);
                isRoot = IsRootConfig(candidate);
            }
        }

        return below.Concat(above);
    }

    private static bool IsRootConfig(string path)
    {
        try
        {
            return File.ReadLines(path).Any(line => line.Replace(" ", "").Equals("root=true", StringComparison.OrdinalIgnoreCase));
        }
        catch (IOException)
        {
            return false;
        }
    }
}
