using System;
using System.Threading;
using LogSafety.Analyzers.Logging;
using LogSafety.Analyzers.Options;
using LogSafety.Analyzers.Sensitivity;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LogSafety.Analyzers.Rules;

/// <summary>Everything resolved once per compilation: symbols, the log-call recognizer, classifiers and parsed options per tree.</summary>
internal sealed class LogSafetyCompilation
{
    private readonly TreeOptions _options;
    private readonly Lazy<LoggedValueSensitivity> _sensitivity;

    private LogSafetyCompilation(Compilation compilation, AnalyzerOptions analyzerOptions)
    {
        _options = new TreeOptions(analyzerOptions.AnalyzerConfigOptionsProvider);
        Symbols = LoggingSymbols.Create(compilation);
        GlobalOptions = LogSafetyOptions.Parse(analyzerOptions.AnalyzerConfigOptionsProvider.GlobalOptions);
        LogCalls = new LogCalls(compilation, Symbols, _options);
        MayWriteASecret = WritesAFinding;

        // The judges resolve many more types, and most invocations are no log call: the threads that only recognize
        // calls need not wait while the first log call builds them.
        _sensitivity = new Lazy<LoggedValueSensitivity>(
            () =>
            {
                var sessions = new SessionEvidence(compilation, Symbols);
                var flow = new LocalFlow();
                var secrets = new SecretClassifier(Symbols, sessions, new HashedCallers(compilation), flow);
                var content = new LoggedValueJudge(compilation, Symbols, secrets, sessions, flow, OptionsFor);
                return new LoggedValueSensitivity(Symbols, secrets, content, new CompositeSecrets(compilation, content.Flow));
            },
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public LoggingSymbols Symbols { get; }
    /// <summary>Whether an invocation is a log call: a library API or one of the application's own wrappers.</summary>
    public LogCalls LogCalls { get; }
    public LogSafetyOptions GlobalOptions { get; }

    /// <summary>
    /// The single entry point that judges a logged value (names, then LS0004–LS0006 content: attributes, types, local
    /// flow); the analyzer only reports what it returns. Built on the first log call.
    /// </summary>
    public LoggedValueSensitivity Sensitivity => _sensitivity.Value;

    /// <summary>
    /// False when nothing here can write a log: no logging library is referenced and console/trace sinks are turned off.
    /// Wrappers need a logging API underneath, so they do not change the answer.
    /// </summary>
    public bool CanLog => Symbols.HasLoggingLibrary || GlobalOptions.ConsoleAndTraceSinks || GlobalOptions.HasExtraLogMethods;

    /// <summary>Whether the options alone say that something can log (console and trace sinks, configured log methods): no symbol is needed.</summary>
    public static bool CanLogWhateverTheReferences(AnalyzerOptions options)
    {
        var global = LogSafetyOptions.Parse(options.AnalyzerConfigOptionsProvider.GlobalOptions);
        return global.ConsoleAndTraceSinks || global.HasExtraLogMethods;
    }

    /// <summary>Whether any value a call writes is a finding (see <see cref="LogCalls.Recognize"/>): one delegate per compilation.</summary>
    public Func<LogCall, LogSafetyOptions, bool> MayWriteASecret { get; }

    private bool WritesAFinding(LogCall call, LogSafetyOptions options)
    {
        foreach (var value in LoggedValueCollector.Collect(call))
        {
            if (Sensitivity.Judge(call, value, options) is not null)
            {
                return true;
            }
        }

        return false;
    }

    public static LogSafetyCompilation Create(Compilation compilation, AnalyzerOptions options) => new(compilation, options);

    /// <summary>The options of one file; asked for every invocation.</summary>
    public LogSafetyOptions OptionsFor(SyntaxTree tree) => _options.For(tree);
}
