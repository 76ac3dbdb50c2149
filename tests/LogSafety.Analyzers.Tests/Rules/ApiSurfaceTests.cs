using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using LogSafety.Analyzers.Rules;
using LogSafety.Analyzers.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace LogSafety.Analyzers.Tests.Rules;

/// <summary>
/// Every public logging method of the supported libraries, at the versions the tests reference, read from their
/// metadata: for each method that takes text (a string, an object, a generic value or a list of them), one call is
/// generated that passes a secret-named value (<c>apiKey0</c>, <c>apiKey1</c>...) in every value position, a constant
/// template with one hole per value, the exception as <c>ex</c>, constants for property names and defaults for
/// everything else. The call must report one LS0002 per value position, and nothing where a method cannot take a value
/// (a constant message alone). A library update that adds an overload fails here until the overload is understood.
/// All calls of a library go into one compilation.
/// </summary>
public sealed class ApiSurfaceTests
{
    /// <summary>Methods that take text but write no value of the caller's to a log, each with the reason.</summary>
    private static readonly Dictionary<string, string> LeftOut = new()
    {
        // NLog
        ["NLog.ISuppress.Swallow"] = "runs a delegate and logs its exception; the fallback value is returned, not logged",
        ["NLog.ISuppress.SwallowAsync"] = "as Swallow",
        ["NLog.Logger.Swallow"] = "as ISuppress.Swallow",
        ["NLog.Logger.SwallowAsync"] = "as ISuppress.Swallow",
        ["NLog.LogEventInfo.SetCallerInfo"] = "call-site information (class, member, file, line), not a message",
        ["NLog.LogEventBuilder.Callsite"] = "call-site information, not a message",
        ["NLog.ScopeContext.TryGetProperty"] = "reads a scope property; writes nothing",
        ["NLog.MappedDiagnosticsContext.Get"] = "reads a context item; writes nothing",
        ["NLog.MappedDiagnosticsContext.GetObject"] = "as Get",
        ["NLog.MappedDiagnosticsContext.Contains"] = "as Get",
        ["NLog.MappedDiagnosticsContext.Remove"] = "removes a context item; writes nothing",
        ["NLog.MappedDiagnosticsLogicalContext.Get"] = "as MappedDiagnosticsContext.Get",
        ["NLog.MappedDiagnosticsLogicalContext.GetObject"] = "as MappedDiagnosticsContext.Get",
        ["NLog.MappedDiagnosticsLogicalContext.Contains"] = "as MappedDiagnosticsContext.Get",
        ["NLog.MappedDiagnosticsLogicalContext.Remove"] = "as MappedDiagnosticsContext.Remove",

        // log4net
        ["log4net.Util.LogLog.OnLogReceived"] = "raises LogLog's LogReceived event for its listeners (LogLog.Debug/Warn/Error call it); not a log method",

        // Serilog
        ["Serilog.ILogger.BindMessageTemplate"] = "binds a template to values for the caller (out parameters); logs nothing",
        ["Serilog.ILogger.BindProperty"] = "binds a property for the caller (out parameter); logs nothing",
        ["Serilog.Log.BindMessageTemplate"] = "as ILogger.BindMessageTemplate",
        ["Serilog.Log.BindProperty"] = "as ILogger.BindProperty",
        ["Serilog.Core.Logger.BindMessageTemplate"] = "as ILogger.BindMessageTemplate",
        ["Serilog.Core.Logger.BindProperty"] = "as ILogger.BindProperty",

        // Debug and Trace
        // Debug.WriteIf/WriteLineIf(bool, ref WriteIfInterpolatedStringHandler[, category]) take an interpolated string
        // through a ref struct; the generator cannot pass one, so ConsoleAndTraceTests covers them with $"..." calls.
        ["System.Diagnostics.Debug.WriteIf(bool, ref System.Diagnostics.Debug.WriteIfInterpolatedStringHandler, string?)"] =
            "interpolated string handler: covered by ConsoleAndTraceTests",
        ["System.Diagnostics.Debug.WriteLineIf(bool, ref System.Diagnostics.Debug.WriteIfInterpolatedStringHandler, string?)"] =
            "interpolated string handler: covered by ConsoleAndTraceTests",
    };

    // LogEventInfo's constructors and property setters (Message, Parameters) are object creations and assignments,
    // not invocations; the event reaches the log through Logger.Log(LogEventInfo), whose argument is not text. They are
    // outside this test (constructors and accessors are not ordinary methods) and outside the analyzer for now; its
    // Properties["name"] = value is analyzed (DiagnosticContextsTests), as is log4net's ThreadContext.Properties.
    // LoggerMessage.Define* take a format but return a delegate; its invocations are covered by the LoggerMessage tests.

    // NLog's GlobalDiagnosticsContext and log4net's GlobalContext are left out on purpose: they hold settings that
    // targets and appenders read as configuration (DiagnosticContextsTests has the negatives).
    [Fact]
    public Task NLog_EveryPublicLoggingMethod_ReportsEachValuePosition() => VerifySurfaceAsync(
        "NLog.ILogger", "NLog.ILoggerBase", "NLog.ISuppress", "NLog.Logger", "NLog.ILoggerExtensions", "NLog.LogEventInfo", "NLog.LogEventBuilder", "NLog.ScopeContext",
        "NLog.MappedDiagnosticsContext", "NLog.MappedDiagnosticsLogicalContext",
        "NLog.NestedDiagnosticsContext", "NLog.NestedDiagnosticsLogicalContext", "NLog.Common.InternalLogger");

    [Fact]
    public Task Serilog_EveryPublicLoggingMethod_ReportsEachValuePosition() => VerifySurfaceAsync(
        "Serilog.ILogger", "Serilog.Core.Logger", "Serilog.Log", "Serilog.Context.LogContext", "Serilog.LoggerExtensions");

    [Fact]
    public Task MicrosoftExtensionsLogging_EveryPublicLoggingMethod_ReportsEachValuePosition() => VerifySurfaceAsync(
        "Microsoft.Extensions.Logging.LoggerExtensions", "Microsoft.Extensions.Logging.ILogger");

    [Fact]
    public Task Log4Net_EveryPublicLoggingMethod_ReportsEachValuePosition() => VerifySurfaceAsync(
        "log4net.ILog", "log4net.Core.ILogger", "log4net.MDC", "log4net.NDC", "log4net.Util.ThreadContextStack", "log4net.Util.LogicalThreadContextStack",
        "log4net.Util.LogExtensions", "log4net.Util.LogLog");

    [Fact]
    public Task ConsoleAndTrace_EveryPublicWriteMethod_ReportsEachValuePosition() => VerifySurfaceAsync(
        "System.Console", "System.Diagnostics.Debug", "System.Diagnostics.Trace", "System.Diagnostics.TraceSource", "System.IO.TextWriter");

    private static async Task VerifySurfaceAsync(params string[] typeNames)
    {
        var metadata = AnalyzerHost.Compile("class Empty { }");
        var stringType = metadata.GetSpecialType(SpecialType.System_String);
        var calls = new List<ApiSurfaceCalls.GeneratedCall>();
        var leftOutSeen = new HashSet<string>();
        foreach (var typeName in typeNames)
        {
            var type = metadata.GetTypeByMetadataName(typeName);
            Assert.True(type is not null, $"{typeName} is not referenced by the tests");
            foreach (var method in type!.GetMembers().OfType<IMethodSymbol>().Where(ApiSurfaceCalls.IsPublicMethodTakingText).OrderBy(m => m.ToDisplayString(), StringComparer.Ordinal))
            {
                if (LeftOut.ContainsKey(method.ToDisplayString()) || LeftOut.ContainsKey(typeName + "." + method.Name))
                {
                    leftOutSeen.Add(LeftOut.ContainsKey(method.ToDisplayString()) ? method.ToDisplayString() : typeName + "." + method.Name);
                    continue;
                }

                calls.Add(ApiSurfaceCalls.Generate(method, calls.Count, stringType));
            }
        }

        // The list stays honest: an entry whose method a library update removed fails here.
        var stale = LeftOut.Keys.Where(key => typeNames.Any(t => key.StartsWith(t + ".", StringComparison.Ordinal)) && !leftOutSeen.Contains(key)).ToList();
        Assert.True(stale.Count == 0, "left-out methods that no longer exist: " + string.Join(", ", stale));

        // Overloads kept for binary compatibility behind [OverloadResolutionPriority(-1)] (NLog's fixed-type ones) are
        // what C# 12 compilers (the .NET 8 SDK) still bind to; C# 13 never picks them while another overload applies.
        var problems = new List<string>();
        problems.AddRange(await VerifyCallsAsync(calls.Where(c => !HasLowPriority(c.Method)).ToList(), LanguageVersion.Latest));
        problems.AddRange(await VerifyCallsAsync(calls.Where(c => HasLowPriority(c.Method)).ToList(), LanguageVersion.CSharp12));
        Assert.True(problems.Count == 0, $"{problems.Count} of {calls.Count} methods:\n" + string.Join("\n", problems));
    }

    private static bool HasLowPriority(IMethodSymbol method) =>
        method.GetAttributes().Any(a => a.AttributeClass?.Name == "OverloadResolutionPriorityAttribute" && a.ConstructorArguments.FirstOrDefault().Value is int priority && priority < 0);

    private static async Task<List<string>> VerifyCallsAsync(List<ApiSurfaceCalls.GeneratedCall> calls, LanguageVersion languageVersion)
    {
        var problems = new List<string>();
        if (calls.Count == 0)
        {
            return problems;
        }

        var source = new StringBuilder();
        source.AppendLine("#nullable disable");
        source.AppendLine("#pragma warning disable CS0618, CS0612, CS0672, CS8321");
        source.AppendLine("static class Surface");
        source.AppendLine("{");
        foreach (var call in calls)
        {
            source.AppendLine(call.Source);
        }

        source.AppendLine("}");
        var tree = CSharpSyntaxTree.ParseText(source.ToString(), AnalyzerHost.ParseOptions.WithLanguageVersion(languageVersion), path: "/src/Surface.cs");
        var compilation = CSharpCompilation.Create("Surface", new[] { tree }, Verifiers.TestReferences.All, AnalyzerHost.CompilationOptions);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "generated calls do not compile:\n" + string.Join("\n", errors.Take(30).Select(e => e + " | " + LineOf(e))));

        var model = compilation.GetSemanticModel(tree);
        var methodsByName = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().ToDictionary(m => m.Identifier.Text);
        foreach (var call in calls)
        {
            var invocation = methodsByName[call.Name].DescendantNodes().OfType<InvocationExpressionSyntax>().First();
            var bound = (model.GetOperation(invocation) as IInvocationOperation)?.TargetMethod;
            if (!SymbolEqualityComparer.Default.Equals(bound?.OriginalDefinition, call.Method.OriginalDefinition))
            {
                problems.Add($"{call.Method.ToDisplayString()}: the generated call binds to {bound?.ToDisplayString() ?? "nothing"} in C# {languageVersion}");
            }
        }

        var result = await AnalyzerHost.AnalyzeAsync(compilation, analyzers: ImmutableArray.Create<DiagnosticAnalyzer>(new LoggedSecretAnalyzer()));
        Assert.Empty(result.Exceptions);
        var found = result.Diagnostics
            .GroupBy(d => d.Location.SourceTree!.GetRoot().FindNode(d.Location.SourceSpan).FirstAncestorOrSelf<MethodDeclarationSyntax>()!.Identifier.Text)
            .ToDictionary(g => g.Key, g => g.ToList());
        foreach (var call in calls)
        {
            var diagnostics = found.TryGetValue(call.Name, out var list) ? list : new List<Diagnostic>();
            var reported = diagnostics.Count(d => d.Id == "LS0002");
            var others = diagnostics.Where(d => d.Id != "LS0002").Select(d => d.Id).ToList();
            if (reported != call.ExpectedValues || others.Count > 0)
            {
                problems.Add($"{call.Method.ToDisplayString()}: expected {call.ExpectedValues} LS0002, got {reported}"
                    + (others.Count > 0 ? " and " + string.Join(",", others) : string.Empty) + $"   [{call.Invocation}]");
            }
        }

        return problems;
    }

    private static string LineOf(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree?.GetText().Lines[diagnostic.Location.GetLineSpan().StartLinePosition.Line].ToString().Trim() ?? string.Empty;
}
