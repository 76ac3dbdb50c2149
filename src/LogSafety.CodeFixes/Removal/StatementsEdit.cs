using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace LogSafety.CodeFixes.Removal;

/// <summary>
/// Removes statements that only push a secret into the log context (LogContext.PushProperty(...);, using var _ = ...),
/// and unwraps using (LogContext.PushProperty(...)) { body } into its body.
/// </summary>
internal sealed class StatementsEdit : ContainerEdit
{
    private readonly Dictionary<int, bool> _statements = new();

    public StatementsEdit(BlockSyntax block)
        : base(block)
    {
    }

    /// <param name="unwrap">True for a using statement whose body stays; false to remove the statement.</param>
    public void Add(int statement, bool unwrap) => _statements[statement] = unwrap;

    public override void MergeFrom(ContainerEdit other)
    {
        foreach (var pair in ((StatementsEdit)other)._statements)
        {
            _statements[pair.Key] = pair.Value;
        }
    }

    public override SyntaxNode Apply(SyntaxNode current)
    {
        if (current is not BlockSyntax block)
        {
            return current;
        }

        var statements = new List<StatementSyntax>();
        for (var i = 0; i < block.Statements.Count; i++)
        {
            var statement = block.Statements[i];
            if (!_statements.TryGetValue(i, out var unwrap))
            {
                statements.Add(statement);
                continue;
            }

            if (!unwrap || statement is not UsingStatementSyntax @using)
            {
                continue;
            }

            if (@using.Statement is BlockSyntax body)
            {
                foreach (var inner in body.Statements)
                {
                    statements.Add(inner.WithAdditionalAnnotations(Formatter.Annotation));
                }
            }
            else
            {
                statements.Add(@using.Statement.WithLeadingTrivia(@using.GetLeadingTrivia()).WithAdditionalAnnotations(Formatter.Annotation));
            }
        }

        return block.WithStatements(SyntaxFactory.List(statements));
    }
}
