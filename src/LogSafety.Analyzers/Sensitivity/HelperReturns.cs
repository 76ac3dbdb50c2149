using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using LogSafety.Analyzers.Logging;
using LogSafety.Analyzers.Options;
using LogSafety.Analyzers.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Sensitivity;

/// <summary>
/// What a small helper of the application returns, when that is request data (LS0004, LS0005): request-logging
/// middleware reads the body in a method of its own (<c>var body = await ReadBodyAsync(context.Request)</c>) and logs
/// what it returns. One level deep: what the helper returns is judged by the request-data rules and the helper's own
/// local flow, never by following the helpers it calls in turn, so the answer is a function of the method alone. Only
/// methods whose text mentions the request's body, headers, form or cookies are bound, once per compilation.
/// </summary>
internal sealed class HelperReturns
{
    /// <summary>A helper that reads a body is a few statements; longer methods are not looked into.</summary>
    private const int MaxStatements = 16;

    /// <summary>
    /// Words a method that reads request data has to contain as whole identifiers (<c>responseBody</c> or <c>string.Format</c>
    /// is none of them): the members and calls the request-data rules recognize.
    /// </summary>
    private static readonly List<string> RequestWords = new()
    {
        "Body", "BodyReader", "Headers", "Authorization", "Cookies", "Cookie", "Form", "ReadFormAsync",
        "ReadAsStringAsync", "ReadAsByteArrayAsync", "DefaultRequestHeaders",
    };

    private readonly Compilation _compilation;
    private readonly Func<SyntaxTree, LogSafetyOptions> _optionsFor;
    private readonly Func<IOperation, LogSafetyOptions, SensitiveMark> _judgeReturned;
    private readonly ConcurrentDictionary<IMethodSymbol, Lazy<object?>> _byMethod = new(SymbolEqualityComparer.Default);

    /// <param name="judgeReturned">Judges one returned value with the options of the helper's file; it must not ask this class again.</param>
    public HelperReturns(Compilation compilation, Func<SyntaxTree, LogSafetyOptions> optionsFor, Func<IOperation, LogSafetyOptions, SensitiveMark> judgeReturned)
    {
        _compilation = compilation;
        _optionsFor = optionsFor;
        _judgeReturned = judgeReturned;
    }

    /// <summary>
    /// The mark of what <paramref name="invocation"/>'s target returns, judged with the options of the file that declares
    /// it; default when it is no source helper or returns nothing of the kind.
    /// </summary>
    public SensitiveMark Of(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod.OriginalDefinition;
        if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction)
            || method.ReturnsVoid
            || method.Locations.IsEmpty
            || !method.Locations[0].IsInSource)
        {
            return default;
        }

        // Boxed: a Lazy over a struct is one more instantiation for the JIT to compile (see ReferenceCache).
        var lazy = _byMethod.TryGetValue(method, out var known)
            ? known
            : _byMethod.GetOrAdd(method, m => new Lazy<object?>(() => Compute(m), System.Threading.LazyThreadSafetyMode.ExecutionAndPublication));
        return lazy.Value is SensitiveMark mark ? mark : default;
    }

    private object? Compute(IMethodSymbol method)
    {
        var implementation = method.PartialImplementationPart ?? method;
        if (implementation.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var declaration = implementation.DeclaringSyntaxReferences[0].GetSyntax();
        SyntaxNode? body = declaration switch
        {
            MethodDeclarationSyntax m => (SyntaxNode?)m.Body ?? m.ExpressionBody,
            LocalFunctionStatementSyntax f => (SyntaxNode?)f.Body ?? f.ExpressionBody,
            _ => null,
        };
        if (body is null || !MentionsRequestData(body) || TreeOutline.HasMoreStatementsThan(body, MaxStatements))
        {
            return null;
        }

#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
        // Only small methods whose text mentions request data, called where a value is logged, get here.
        var model = _compilation.GetSemanticModel(declaration.SyntaxTree);
#pragma warning restore RS1030
        if (model.GetOperation(declaration) is not { } root)
        {
            return null;
        }

        var options = _optionsFor(declaration.SyntaxTree);
        foreach (var returned in ReturnedValues(root))
        {
            var mark = _judgeReturned(returned, options);
            if (mark.IsSensitive && mark.Kind is SecretKind.RequestBody or SecretKind.CredentialHeader)
            {
                return new SensitiveMark(mark.Kind, $"is returned by '{method.Name}', whose result {mark.Reason}");
            }
        }

        return null;
    }

    /// <summary>The values a body returns, in source order; not those of the lambdas and local functions inside it.</summary>
    internal static IEnumerable<IOperation> ReturnedValues(IOperation root)
    {
        var stack = new Stack<IOperation>();
        stack.Push(root);
        var found = new List<IOperation>();
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current is IReturnOperation { Kind: OperationKind.Return, ReturnedValue: { } value })
            {
                found.Add(value);
                continue;
            }

            foreach (var child in current.ChildOperations)
            {
                if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                {
                    stack.Push(child);
                }
            }
        }

        found.Sort((a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
        return found;
    }

    /// <summary>Null from the scan (text it cannot follow, such as a Unicode escape) counts as a mention.</summary>
    private static bool MentionsRequestData(SyntaxNode body) => WordHashes.Mentions(body.ToString(), RequestWords) is not { Count: 0 };
}
