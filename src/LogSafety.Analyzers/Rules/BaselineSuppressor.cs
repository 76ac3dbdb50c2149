using System.Collections.Immutable;
using System.Linq;
using LogSafety.Analyzers.Baselines;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LogSafety.Analyzers.Rules;

/// <summary>
/// Suppresses LogSafety findings accepted in a logsafety.baseline.json that the project gives the compiler as an
/// AdditionalFiles item, with the fingerprints the <c>logsafety</c> tool writes: the build then fails only on new leaks,
/// and the IDE and the build's SARIF show accepted ones as suppressed, with the justification. A baseline that cannot be
/// read suppresses nothing (LS9001 says why).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BaselineSuppressor : DiagnosticSuppressor
{
    private static readonly ImmutableDictionary<string, SuppressionDescriptor> SuppressionByRule =
        Descriptors.BaselineSuppressions.ToImmutableDictionary(s => s.SuppressedDiagnosticId);

    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions => Descriptors.BaselineSuppressions;

    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        var cancellationToken = context.CancellationToken;
        var baselines = BaselineFiles.Read(context.Options.AdditionalFiles, cancellationToken)
            .Where(b => b.Result.Baseline is { Entries.Length: > 0 })
            .ToImmutableArray();
        if (baselines.IsEmpty)
        {
            return;
        }

        foreach (var diagnostic in context.ReportedDiagnostics)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!SuppressionByRule.TryGetValue(diagnostic.Id, out var suppression)
                || diagnostic.Location.SourceTree is not { } tree
                || !tree.GetRoot(cancellationToken).FullSpan.Contains(diagnostic.Location.SourceSpan))
            {
                continue;
            }

            foreach (var file in baselines)
            {
                var baseline = file.Result.Baseline!;
                var relativePath = BaselinePaths.Relative(file.Root, tree.FilePath);
                // Most findings have no entry for their rule in their file: no fingerprint is computed for them.
                if (baseline.MayContain(diagnostic.Id, relativePath)
                    && baseline.Contains(Fingerprint.Of(diagnostic.Id, relativePath, tree.GetRoot(cancellationToken), diagnostic.Location.SourceSpan)))
                {
                    context.ReportSuppression(Suppression.Create(suppression, diagnostic));
                    break;
                }
            }
        }
    }
}
