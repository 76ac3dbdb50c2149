using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LogSafety.Analyzers.Baselines;

/// <summary>A logsafety.baseline.json handed to the compiler, its root (the folder it lives in) and what reading it gave.</summary>
internal sealed class BaselineFile(AdditionalText file, SourceText text, BaselineParseResult result)
{
    public AdditionalText File { get; } = file;

    public SourceText Text { get; } = text;

    public BaselineParseResult Result { get; } = result;

    /// <summary>Fingerprint paths are relative to the baseline's own folder, as the tool writes them.</summary>
    public string Root { get; } = BaselinePaths.FolderOf(file.Path);
}

/// <summary>
/// The baselines among a compilation's AdditionalFiles, read only through <see cref="AdditionalText.GetText"/>. Each text
/// is parsed once: the result is kept beside the immutable <see cref="SourceText"/>, so a build (suppressor and LS9001)
/// and an IDE (asked again on every edit of a source file) parse an unchanged baseline once.
/// </summary>
internal static class BaselineFiles
{
    private static readonly ConditionalWeakTable<SourceText, BaselineParseResult> Parsed = new();

    public static ImmutableArray<BaselineFile> Read(ImmutableArray<AdditionalText> additionalFiles, CancellationToken cancellationToken)
    {
        var found = ImmutableArray<BaselineFile>.Empty;
        foreach (var file in additionalFiles)
        {
            if (!Baseline.IsBaselineFile(file.Path))
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (file.GetText(cancellationToken) is not { } text)
            {
                found = found.Add(new BaselineFile(file, SourceText.From(""), BaselineParseResult.Rejected(1, "the file cannot be read")));
                continue;
            }

            found = found.Add(new BaselineFile(file, text, Parsed.GetValue(text, t => BaselineParser.Parse(t.ToString()))));
        }

        return found;
    }
}
