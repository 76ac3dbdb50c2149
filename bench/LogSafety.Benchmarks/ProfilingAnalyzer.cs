using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using System.Threading;
using LogSafety.Analyzers.Logging;
using LogSafety.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Benchmarks;

/// <summary>
/// An instrumented copy of LoggedSecretAnalyzer's invocation path: times compilation start, options lookup,
/// LogCallRecognizer.Recognize (split into calls that are and are not log calls), value collection and classification.
/// Reports nothing; used by --profile to see which step costs the time.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ProfilingAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new(
        "PROFILE01", "Profile", "Profile", "Performance", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    private long _start;
    private long _options;
    private long _recognizeHit;
    private long _recognizeMiss;
    private long _collect;
    private long _classify;
    private long _invocations;
    private long _logCalls;
    private long _values;
    private long _symbols;
    private long _report;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rule, LogSafety.Analyzers.Descriptors.Password, LogSafety.Analyzers.Descriptors.TokenOrSecret, LogSafety.Analyzers.Descriptors.SessionId);

    public void Reset()
    {
        _start = _options = _recognizeHit = _recognizeMiss = _collect = _classify = _invocations = _logCalls = _values = _symbols = _report = 0;
    }

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var t0 = Stopwatch.GetTimestamp();
            var state = LogSafetyCompilation.Create(start.Compilation, start.Options);
            Interlocked.Add(ref _start, Stopwatch.GetTimestamp() - t0);
            if (!state.CanLog)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeInvocation(c, state), OperationKind.Invocation);
            if (state.Symbols.MelLoggerMessageAttribute is { } attribute)
            {
                start.RegisterSymbolAction(c => AnalyzeMethod(c, attribute), SymbolKind.Method);
            }
        });
    }

    private void AnalyzeInvocation(OperationAnalysisContext context, LogSafetyCompilation state)
    {
        var invocation = (IInvocationOperation)context.Operation;
        Interlocked.Increment(ref _invocations);
        var t0 = Stopwatch.GetTimestamp();
        var options = state.OptionsFor(invocation.Syntax.SyntaxTree);
        var t1 = Stopwatch.GetTimestamp();
        Interlocked.Add(ref _options, t1 - t0);
        var call = state.Recognizer.Recognize(invocation, options, context.CancellationToken);
        var t2 = Stopwatch.GetTimestamp();
        if (call is null)
        {
            Interlocked.Add(ref _recognizeMiss, t2 - t1);
            return;
        }

        Interlocked.Add(ref _recognizeHit, t2 - t1);
        Interlocked.Increment(ref _logCalls);
        var values = LoggedValueCollector.Collect(call);
        var t3 = Stopwatch.GetTimestamp();
        Interlocked.Add(ref _collect, t3 - t2);
        Interlocked.Add(ref _values, values.Length);
        long reporting = 0;
        foreach (var value in values)
        {
            if (state.Secrets.Classify(value, options) is { } finding)
            {
                var r0 = Stopwatch.GetTimestamp();
                context.ReportDiagnostic(LoggedSecretAnalyzer.CreateDiagnostic(finding, call));
                reporting += Stopwatch.GetTimestamp() - r0;
            }
        }

        Interlocked.Add(ref _classify, Stopwatch.GetTimestamp() - t3 - reporting);
        Interlocked.Add(ref _report, reporting);
    }

    /// <summary>The cost of LoggedSecretAnalyzer's symbol action: looking for [LoggerMessage] on every method.</summary>
    private void AnalyzeMethod(SymbolAnalysisContext context, INamedTypeSymbol attribute)
    {
        var t0 = Stopwatch.GetTimestamp();
        foreach (var data in context.Symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
            {
                break;
            }
        }

        Interlocked.Add(ref _symbols, Stopwatch.GetTimestamp() - t0);
    }

    public string Report(int generatedLogCalls)
    {
        static string Ms(long ticks) => (ticks * 1000.0 / Stopwatch.Frequency).ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + " ms";
        var text = new StringBuilder();
        text.AppendLine($"  invocations seen {_invocations:N0}, recognized as log calls {_logCalls:N0} (generated {generatedLogCalls:N0}), values judged {_values:N0}");
        text.AppendLine($"  compilation start (symbols, recognizer, options)  {Ms(_start)}");
        text.AppendLine($"  options lookup per tree                           {Ms(_options)}");
        text.AppendLine($"  Recognize, not a log call                         {Ms(_recognizeMiss)}");
        text.AppendLine($"  Recognize, log call (incl. wrapper inference)     {Ms(_recognizeHit)}");
        text.AppendLine($"  LoggedValueCollector.Collect                      {Ms(_collect)}");
        text.AppendLine($"  SecretClassifier.Classify                         {Ms(_classify)}");
        text.AppendLine($"  creating and reporting diagnostics                {Ms(_report)}");
        text.Append($"  method symbol action ([LoggerMessage] lookup)     {Ms(_symbols)}");
        return text.ToString();
    }
}
