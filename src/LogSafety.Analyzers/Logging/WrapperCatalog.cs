using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using LogSafety.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Logging;

/// <summary>A parameter of the application's own log method, and what the inner log call calls it.</summary>
internal readonly struct LoggedParameter
{
    public LoggedParameter(int ordinal, string? label, bool destructure, bool isTemplate)
    {
        Ordinal = ordinal;
        Label = label;
        Destructure = destructure;
        IsTemplate = isTemplate;
    }

    /// <summary>The parameter is passed on as the inner call's message template: constant arguments are parsed at the call site.</summary>
    public bool IsTemplate { get; }

    public int Ordinal { get; }
    public string? Label { get; }
    public bool Destructure { get; }
}

/// <summary>Which parameters of a wrapper method reach a log call.</summary>
internal sealed class WrapperInfo
{
    public WrapperInfo(ImmutableArray<LoggedParameter> parameters) => Parameters = parameters;

    public ImmutableArray<LoggedParameter> Parameters { get; }

    public bool TryGet(int ordinal, out LoggedParameter parameter)
    {
        foreach (var candidate in Parameters)
        {
            if (candidate.Ordinal == ordinal)
            {
                parameter = candidate;
                return true;
            }
        }

        parameter = default;
        return false;
    }
}

/// <summary>
/// Infers the application's own log methods: a source method that passes one of its parameters on to a recognized
/// log call (directly or through another wrapper, at most <see cref="MaxDepth"/> deep) logs that parameter.
/// Each method is examined once per compilation; bodies over <see cref="MaxBodyLength"/> characters are skipped.
/// </summary>
internal sealed class WrapperCatalog
{
    public const int MaxDepth = 3;
    public const int MaxBodyLength = 8_000;

    private readonly Compilation _compilation;
    private readonly LogCallRecognizer _recognizer;
    private readonly ConcurrentDictionary<IMethodSymbol, WrapperInfo?> _cache = new(SymbolEqualityComparer.Default);

    public WrapperCatalog(Compilation compilation, LogCallRecognizer recognizer)
    {
        _compilation = compilation;
        _recognizer = recognizer;
    }

    public WrapperInfo? Get(IMethodSymbol method, LogSafetyOptions options, CancellationToken cancellationToken)
    {
        var original = method.OriginalDefinition;
        if (_cache.TryGetValue(original, out var cached))
        {
            return cached;
        }

        var stack = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        return Get(original, options, stack, 0, cancellationToken);
    }

    private WrapperInfo? Get(IMethodSymbol method, LogSafetyOptions options, HashSet<IMethodSymbol> stack, int depth, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(method, out var cached))
        {
            return cached;
        }

        if (depth > MaxDepth || !stack.Add(method))
        {
            // A cycle or too deep: not a wrapper on this path; not cached, so another path may still find it.
            return null;
        }

        try
        {
            var result = Compute(method, options, stack, depth, cancellationToken);
            return _cache.GetOrAdd(method, result);
        }
        finally
        {
            stack.Remove(method);
        }
    }

    private WrapperInfo? Compute(IMethodSymbol method, LogSafetyOptions options, HashSet<IMethodSymbol> stack, int depth, CancellationToken cancellationToken)
    {
        if (method.Parameters.IsEmpty || method.IsExtern || method.DeclaringSyntaxReferences.IsEmpty)
        {
            return null;
        }

        if (method.IsAbstract)
        {
            return FromImplementations(method, options, stack, depth, cancellationToken);
        }

        var implementation = method.PartialImplementationPart ?? method;
        foreach (var reference in implementation.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            SyntaxNode? body = syntax switch
            {
                MethodDeclarationSyntax declaration => (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody,
                LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody,
                _ => null,
            };
            if (body is null || body.Span.Length > MaxBodyLength || !ForwardsAParameter(body, method))
            {
                continue;
            }

            // Wrapper inference needs the callee's body bound; it is done once per method per compilation.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
            var model = _compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
            var operation = model.GetOperation(syntax, cancellationToken);
            if (operation is null)
            {
                continue;
            }

            var logged = new Dictionary<int, LoggedParameter>();
            foreach (var descendant in operation.Descendants())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (descendant is not IInvocationOperation invocation)
                {
                    continue;
                }

                var call = _recognizer.Recognize(invocation, options, cancellationToken, includeWrappers: false)
                    ?? RecognizeInnerWrapper(invocation, options, stack, depth, cancellationToken);
                if (call is null)
                {
                    continue;
                }

                foreach (var value in LoggedValueCollector.Collect(call))
                {
                    if (LoggedValueCollector.SkipConversions(value.Value) is IParameterReferenceOperation { Parameter: var parameter }
                        && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol?.OriginalDefinition, method)
                        && !logged.ContainsKey(parameter.Ordinal))
                    {
                        logged[parameter.Ordinal] = new LoggedParameter(parameter.Ordinal, value.Label, value.Destructure, value.Form == LoggedValueForm.Message);
                    }
                }
            }

            if (ToInfo(logged) is { } info)
            {
                return info;
            }
        }

        return null;
    }

    /// <summary>
    /// An interface or abstract method declared here (an app's IAppLogger&lt;T&gt;) logs what its implementations in this
    /// compilation log. Candidates come from the declaration table by name, without binding; at most a few are examined.
    /// </summary>
    private WrapperInfo? FromImplementations(IMethodSymbol method, LogSafetyOptions options, HashSet<IMethodSymbol> stack, int depth, CancellationToken cancellationToken)
    {
        const int MaxImplementations = 8;
        var containingType = method.ContainingType;
        if (containingType is null)
        {
            return null;
        }

        var logged = new Dictionary<int, LoggedParameter>();
        var examined = 0;
        foreach (var candidate in _compilation.GetSymbolsWithName(method.Name, SymbolFilter.Member, cancellationToken))
        {
            if (candidate is not IMethodSymbol implementation || implementation.IsAbstract || examined >= MaxImplementations)
            {
                continue;
            }

            var implemented = containingType.TypeKind == TypeKind.Interface
                ? Implements(implementation, method, containingType)
                : Overrides(implementation, method);
            if (!implemented)
            {
                continue;
            }

            examined++;
            if (Get(implementation.OriginalDefinition, options, stack, depth + 1, cancellationToken) is not { } info)
            {
                continue;
            }

            foreach (var parameter in info.Parameters)
            {
                if (!logged.ContainsKey(parameter.Ordinal))
                {
                    logged[parameter.Ordinal] = parameter;
                }
            }
        }

        return ToInfo(logged);
    }

    private static bool Implements(IMethodSymbol candidate, IMethodSymbol interfaceMethod, INamedTypeSymbol interfaceType)
    {
        var type = candidate.ContainingType;
        if (type is null)
        {
            return false;
        }

        // The implementing type sees the interface constructed over its own type arguments (IAppLogger<T> of LoggerAdapter<T>).
        foreach (var implemented in type.AllInterfaces)
        {
            if (!SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, interfaceType))
            {
                continue;
            }

            foreach (var member in implemented.GetMembers(interfaceMethod.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(member.OriginalDefinition, interfaceMethod)
                    && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member)?.OriginalDefinition, candidate.OriginalDefinition))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Overrides(IMethodSymbol candidate, IMethodSymbol method)
    {
        for (var overridden = candidate.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, method))
            {
                return true;
            }
        }

        return false;
    }

    private static WrapperInfo? ToInfo(Dictionary<int, LoggedParameter> logged)
    {
        if (logged.Count == 0)
        {
            return null;
        }

        var builder = ImmutableArray.CreateBuilder<LoggedParameter>(logged.Count);
        foreach (var pair in logged)
        {
            builder.Add(pair.Value);
        }

        return new WrapperInfo(builder.ToImmutable());
    }

    private LogCall? RecognizeInnerWrapper(IInvocationOperation invocation, LogSafetyOptions options, HashSet<IMethodSymbol> stack, int depth, CancellationToken cancellationToken)
    {
        var target = invocation.TargetMethod;
        if (target.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction) || target.Locations.IsEmpty || !target.Locations[0].IsInSource)
        {
            return null;
        }

        var inner = Get(target.OriginalDefinition, options, stack, depth + 1, cancellationToken);
        if (inner is null)
        {
            return null;
        }

        var values = ImmutableArray.CreateBuilder<LoggedArgument>();
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter && inner.TryGet(parameter.Ordinal, out var logged))
            {
                values.Add(new LoggedArgument(argument.Value, -1, logged.Label, logged.Destructure, parameter));
            }
        }

        return new LogCall(invocation, LogApi.Wrapper, target.Name, null, null, values.ToImmutable());
    }

    /// <summary>A syntax-only pre-check, before any binding: some parameter's name appears inside an argument list.</summary>
    private static bool ForwardsAParameter(SyntaxNode body, IMethodSymbol method)
    {
        foreach (var node in body.DescendantNodes())
        {
            if (node is not IdentifierNameSyntax id || !IsUsedAsValue(id) || !IsInsideArgumentList(id))
            {
                continue;
            }

            var text = id.Identifier.ValueText;
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Name == text)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Only a parameter used as a value can be a logged value: a receiver or member name (p.Name, x.p, p?.Name),
    /// an indexed or called parameter (p[0], p()) never is, so a method that only uses its parameters that way is not
    /// bound. This keeps most business methods out of wrapper inference; what is inferred does not change.
    /// </summary>
    private static bool IsUsedAsValue(IdentifierNameSyntax id) => id.Parent switch
    {
        MemberAccessExpressionSyntax or MemberBindingExpressionSyntax => false,
        ConditionalAccessExpressionSyntax conditional => conditional.Expression != id,
        ElementAccessExpressionSyntax element => element.Expression != id,
        InvocationExpressionSyntax invocation => invocation.Expression != id,
        _ => true,
    };

    private static bool IsInsideArgumentList(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case ArgumentListSyntax:
                    return true;
                case StatementSyntax:
                case MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

}
