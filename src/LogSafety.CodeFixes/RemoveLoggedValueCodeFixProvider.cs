using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using LogSafety.Analyzers;
using LogSafety.CodeFixes.Removal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LogSafety.CodeFixes;

/// <summary>
/// "Remove 'password' from the log call" for LS0001–LS0005: takes the value out with its placeholder (renumbering
/// positional ones), interpolation hole, concatenation operand, anonymous member, dictionary or tuple entry, explicit
/// array element, property call, [LoggerMessage] parameter or LoggerMessage.Define type argument, keeping the template
/// in step with the arguments. A message that was only the secret becomes the event the call site implies.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveLoggedValueCodeFixProvider)), Shared]
public sealed class RemoveLoggedValueCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = "LogSafety.RemoveLoggedValue";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        RuleIds.Password, RuleIds.TokenOrSecret, RuleIds.SessionId, RuleIds.RawRequestBody, RuleIds.CredentialHeaderOrCookie,
        RuleIds.ConnectionStringOrUrl);

    /// <summary>
    /// Not the batch fixer: two removals in one call edit the same template and argument list, and a [LoggerMessage]
    /// parameter edits other documents, so Fix All gathers every removal per container and rewrites each once.
    /// </summary>
    public override FixAllProvider GetFixAllProvider() => RemoveLoggedValueFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var session = new RemovalSession(context.Document.Project.Solution);
        foreach (var diagnostic in context.Diagnostics)
        {
            var removal = await RemovalPlanner.PlanAsync(session, context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
            if (removal is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    Title(removal.ValueText),
                    cancellationToken => session.ApplyAsync(new[] { removal }, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    internal static string Title(string value) => $"Remove '{value}' from the log call";
}
