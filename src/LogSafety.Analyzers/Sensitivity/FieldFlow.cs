using LogSafety.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LogSafety.Analyzers.Sensitivity;

/// <summary>
/// An object kept in a field of the logging type, whose members were set from a secret elsewhere in that type
/// ("_envelope.Value = accessToken" in one method, "{@Envelope}", _envelope in another). Only the type's own
/// declarations are read, by syntax, once per field; the secret is recognized by the name of what is assigned.
/// </summary>
internal sealed class FieldFlow
{
    private static readonly System.Func<ISymbol, LogSafetyOptions, FieldSecret?> ComputeOnce = Compute;

    private readonly Roslyn.ScopedReferenceCache<LogSafetyOptions, ISymbol, FieldSecret?> _cache = new(SymbolEqualityComparer.Default);

    public FieldSecret? Find(ISymbol field, LogSafetyOptions options) => _cache.GetOrAdd(field, options, ComputeOnce);

    private static FieldSecret? Compute(ISymbol field, LogSafetyOptions options)
    {
        if (field.ContainingType is not { } owner || SensitiveMembers.TypeOf(field) is not INamedTypeSymbol fieldType)
        {
            return null;
        }

        foreach (var reference in owner.DeclaringSyntaxReferences)
        {
            foreach (var node in reference.GetSyntax().DescendantNodes())
            {
                if (node is not AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment)
                {
                    continue;
                }

                // _envelope.Value = accessToken;
                if (assignment.Left is MemberAccessExpressionSyntax { Expression: var receiver, Name: var member } && IsField(receiver, field.Name)
                    && Secret(member.Identifier.ValueText, assignment.Right, fieldType, options) is { } set)
                {
                    return set;
                }

                // _envelope = new Envelope { Value = accessToken };
                if (IsField(assignment.Left, field.Name) && assignment.Right is BaseObjectCreationExpressionSyntax { Initializer: { } initializer })
                {
                    foreach (var expression in initializer.Expressions)
                    {
                        if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax initialized } memberAssignment
                            && Secret(initialized.Identifier.ValueText, memberAssignment.Right, fieldType, options) is { } created)
                        {
                            return created;
                        }
                    }
                }
            }
        }

        return null;
    }

    private static bool IsField(ExpressionSyntax expression, string name) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var member } => member.Identifier.ValueText == name,
        _ => false,
    };

    /// <summary>The member, when it is a public property of the field's type and what is assigned is named like a secret.</summary>
    private static FieldSecret? Secret(string memberName, ExpressionSyntax assigned, INamedTypeSymbol fieldType, LogSafetyOptions options)
    {
        var sourceName = assigned switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            _ => null,
        };
        if (sourceName is null)
        {
            return null;
        }

        var verdict = NameClassifier.Classify(sourceName, options);
        if (verdict.Kind is not (SecretKind.Password or SecretKind.TokenOrSecret))
        {
            return null;
        }

        for (var current = fieldType; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(memberName))
            {
                if (member is IPropertySymbol { DeclaredAccessibility: Accessibility.Public, IsStatic: false })
                {
                    var line = assigned.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    return new FieldSecret(fieldType.Name + "." + memberName, $"{assigned} (line {line})");
                }
            }
        }

        return null;
    }
}

/// <summary>A member of an object in a field that was set from a secret: its path and where it was set.</summary>
internal sealed class FieldSecret
{
    public FieldSecret(string path, string source)
    {
        Path = path;
        Source = source;
    }

    public string Path { get; }

    public string Source { get; }
}
