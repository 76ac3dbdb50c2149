using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LogSafety.CodeFixes.Removal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LogSafety.CodeFixes;

/// <summary>
/// Fix All for <see cref="RemoveLoggedValueCodeFixProvider"/>: plans every removal in scope against the original
/// solution, merges removals that share a container (one call, one template, one anonymous object, one
/// [LoggerMessage] method) and rewrites each container once, so everything goes in a single pass.
/// </summary>
internal sealed class RemoveLoggedValueFixAllProvider : FixAllProvider
{
    public static RemoveLoggedValueFixAllProvider Instance { get; } = new();

    private RemoveLoggedValueFixAllProvider()
    {
    }

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
        new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        // dotnet format asks with the key of whatever action the first diagnostic it holds got, which is null when that
        // diagnostic is another rule's: the fixer has one action, so a null key means it as well.
        if (fixAllContext.CodeActionEquivalenceKey is { } key && key != RemoveLoggedValueCodeFixProvider.EquivalenceKey)
        {
            return Task.FromResult<CodeAction?>(null);
        }

        var title = fixAllContext.Scope switch
        {
            FixAllScope.Document => "Remove secrets from log calls in document",
            FixAllScope.Project => "Remove secrets from log calls in project",
            _ => "Remove secrets from log calls in solution",
        };
        return Task.FromResult<CodeAction?>(CodeAction.Create(title, cancellationToken => FixAllAsync(fixAllContext, cancellationToken), RemoveLoggedValueCodeFixProvider.EquivalenceKey));
    }

    private static async Task<Solution> FixAllAsync(FixAllContext context, CancellationToken cancellationToken)
    {
        var solution = context.Solution;
        var diagnostics = new List<(Document Document, Diagnostic Diagnostic)>();
        foreach (var project in ProjectsInScope(context))
        {
            var projectDiagnostics = context.Scope == FixAllScope.Document && context.Document is { } only
                ? await context.GetDocumentDiagnosticsAsync(only).ConfigureAwait(false)
                : await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
            foreach (var diagnostic in projectDiagnostics)
            {
                if (diagnostic.Location.SourceTree is { } tree && solution.GetDocument(tree) is { } document)
                {
                    diagnostics.Add((document, diagnostic));
                }
            }
        }

        var session = new RemovalSession(solution);
        var removals = new List<PlannedRemoval>();
        foreach (var (document, diagnostic) in diagnostics.OrderBy(d => d.Document.FilePath).ThenBy(d => d.Diagnostic.Location.SourceSpan.Start))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await RemovalPlanner.PlanAsync(session, document, diagnostic, cancellationToken).ConfigureAwait(false) is { } removal)
            {
                removals.Add(removal);
            }
        }

        return await session.ApplyAsync(removals, cancellationToken).ConfigureAwait(false);
    }

    private static IEnumerable<Project> ProjectsInScope(FixAllContext context) => context.Scope switch
    {
        FixAllScope.Solution => context.Solution.Projects,
        _ => new[] { context.Project },
    };
}
