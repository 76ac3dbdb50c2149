using System;
using LogSafety.Analyzers.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Configuration;

/// <summary>
/// Decides whether a piece of start-up code only runs in the development environment: inside <c>#if DEBUG</c>, under an
/// enclosing <c>if</c>, <c>?:</c> or <c>&amp;&amp;</c> on <c>IsDevelopment()</c> (or on the environment's name read from
/// configuration), or after an early return when it is not. A condition on a switch named for the logging itself
/// (<c>if (options.SensitiveDataLogging)</c>, <c>if (useHttpLogging)</c>) whose value is decided outside the code counts
/// too: the deployment turns it on, as it would by passing the value as an argument. Only the enclosing method (and its
/// lambdas) is looked at, never the whole program.
/// </summary>
internal sealed class DevelopmentGuard
{
    private const int MaxLocalDepth = 3;
    private const string Development = "Development";
    private readonly ConfigurationSymbols _symbols;
    private readonly DebugRegions _debugRegions = new();

    public DevelopmentGuard(ConfigurationSymbols symbols) => _symbols = symbols;

    public bool IsInDebugRegion(SyntaxNode node) => _debugRegions.Contains(node.SyntaxTree, node.SpanStart);

    public bool IsGuarded(IOperation operation)
    {
        if (IsInDebugRegion(operation.Syntax))
        {
            return true;
        }

        for (var child = operation; child.Parent is { } parent; child = parent)
        {
            if (OnlyRunsInDevelopment(parent, child))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="parent"/> runs <paramref name="child"/> only when the environment is Development.</summary>
    private bool OnlyRunsInDevelopment(IOperation parent, IOperation child) => parent switch
    {
        IConditionalOperation conditional =>
            (child == conditional.WhenTrue && ImpliesDevelopment(conditional.Condition, true, 0))
            || (child == conditional.WhenFalse && ImpliesDevelopment(conditional.Condition, false, 0)),
        IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both =>
            child == both.RightOperand && ImpliesDevelopment(both.LeftOperand, true, 0),
        IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } either =>
            child == either.RightOperand && ImpliesDevelopment(either.LeftOperand, false, 0),
        IBlockOperation block => FollowsEarlyExit(block, child),
        _ => false,
    };

    /// <summary>True when <paramref name="condition"/> having the value <paramref name="whenTrue"/> means the environment is Development.</summary>
    public bool ImpliesDevelopment(IOperation? condition, bool whenTrue, int depth)
    {
        switch (condition is null ? null : ImplicitSteps.Skip(condition))
        {
            case IInvocationOperation invocation:
                return whenTrue && IsDevelopmentCall(invocation);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return ImpliesDevelopment(not.Operand, !whenTrue, depth);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both:
                return whenTrue && (ImpliesDevelopment(both.LeftOperand, true, depth) || ImpliesDevelopment(both.RightOperand, true, depth));
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } either:
                return !whenTrue && (ImpliesDevelopment(either.LeftOperand, false, depth) || ImpliesDevelopment(either.RightOperand, false, depth));
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison
                when ComparesEnvironmentNameWithDevelopment(comparison):
                return whenTrue == (comparison.OperatorKind == BinaryOperatorKind.Equals);
            case ICoalesceOperation { WhenNull.ConstantValue: { HasValue: true, Value: false } } coalesce:
                // options?.SensitiveDataLogging ?? false, config["ENVIRONMENT"]?.Equals("Development") ?? false
                return whenTrue && ImpliesDevelopment(coalesce.Value, true, depth);
            case IConditionalAccessOperation conditionalAccess:
                return whenTrue && ImpliesDevelopment(conditionalAccess.WhenNotNull, true, depth);
            case ILocalReferenceOperation local when depth < MaxLocalDepth:
                var initializer = LocalInitializer.Of(local);
                return ImpliesDevelopment(initializer, whenTrue, depth + 1)
                    || (whenTrue && IsSwitchDecidedOutside(local.Local.Name, local.Type) && initializer is not null && !SwitchValue.IsTrue(initializer));
            case IParameterReferenceOperation parameter:
                return whenTrue && IsSwitchDecidedOutside(parameter.Parameter.Name, parameter.Type);
            case IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } member:
                return whenTrue && IsSwitchDecidedOutside(member.Member.Name, member.Type);
            default:
                return false;
        }
    }

    /// <summary>
    /// A flag whose value comes from outside the code that tests it (an argument, a field or property, configuration)
    /// and whose name says it is the development switch or a switch of the logging itself.
    /// </summary>
    private static bool IsSwitchDecidedOutside(string name, ITypeSymbol? type) => IsDevelopmentFlag(name, type) || IsLoggingSwitch(name, type);

    /// <summary>
    /// A flag named for turning on the logging (of sensitive data): "SensitiveDataLogging", "isSensitiveDataLoggingEnabled",
    /// "useHttpLogging", "logSql", "ShowPii". A flag named for anything else ("useSqlServer") is not a guard: it says
    /// nothing about whether the logging should be on.
    /// </summary>
    private static bool IsLoggingSwitch(string name, ITypeSymbol? type)
    {
        if (type?.SpecialType != SpecialType.System_Boolean)
        {
            return false;
        }

        foreach (var word in Sensitivity.NameWords.Split(name))
        {
            if (word is "logging" or "log" or "logs" or "sensitive" or "pii")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A flag decided outside the method whose name says it is the development switch ("isDevelopment", "_isDev",
    /// "IsDevelopmentEnvironment", "developmentMode"): a call guarded by it is as decided outside as one passed it.
    /// </summary>
    private static bool IsDevelopmentFlag(string name, ITypeSymbol? type)
    {
        if (type?.SpecialType != SpecialType.System_Boolean)
        {
            return false;
        }

        var words = Sensitivity.NameWords.Split(name);
        var start = words.Length > 1 && words[0] is "is" or "in" ? 1 : 0;
        if (start >= words.Length || words[start] is not ("development" or "dev"))
        {
            return false;
        }

        for (var i = start + 1; i < words.Length; i++)
        {
            if (words[i] is not ("environment" or "env" or "mode" or "build"))
            {
                return false;
            }
        }

        return true;
    }

    private bool IsDevelopmentCall(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
        if (_symbols.DevelopmentChecks.Contains(method.OriginalDefinition))
        {
            return true;
        }

        // environmentName.Equals("Development"), string.Equals(environmentName, "Development", comparison)
        if (method is { Name: "Equals", ContainingType.SpecialType: SpecialType.System_String })
        {
            return method.IsStatic
                ? invocation.Arguments.Length >= 2
                    && ((IsEnvironmentName(invocation.Arguments[0].Value) && IsDevelopmentName(invocation.Arguments[1].Value))
                        || (IsEnvironmentName(invocation.Arguments[1].Value) && IsDevelopmentName(invocation.Arguments[0].Value)))
                : invocation.Instance is { } instance && invocation.Arguments.Length >= 1
                    && IsEnvironmentName(instance) && IsDevelopmentName(invocation.Arguments[0].Value);
        }

        return _symbols.EnvironmentChecks.Contains(method.OriginalDefinition)
            && invocation.Arguments.Length == 2
            && IsDevelopmentName(invocation.Arguments[1].Value);
    }

    private bool ComparesEnvironmentNameWithDevelopment(IBinaryOperation comparison) =>
        (IsEnvironmentName(comparison.LeftOperand) && IsDevelopmentName(comparison.RightOperand))
        || (IsEnvironmentName(comparison.RightOperand) && IsDevelopmentName(comparison.LeftOperand));

    /// <summary>
    /// The host environment's name: <c>IHostEnvironment.EnvironmentName</c>, or the variable the host reads it from,
    /// through configuration (<c>configuration["ASPNETCORE_ENVIRONMENT"]</c>) or the process environment.
    /// </summary>
    private bool IsEnvironmentName(IOperation operation)
    {
        var unwrapped = ImplicitSteps.Skip(operation);
        if (unwrapped is IConditionalAccessInstanceOperation)
        {
            // config["ENVIRONMENT"]?.Equals(...): the receiver is the conditional access's operand.
            for (var parent = unwrapped.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IConditionalAccessOperation access)
                {
                    unwrapped = ImplicitSteps.Skip(access.Operation);
                    break;
                }
            }
        }

        switch (unwrapped)
        {
            case IPropertyReferenceOperation { Property.Name: "EnvironmentName", Instance: { Type: { } type } }:
                return Sensitivity.ContentSymbols.IsOrDerives(type, _symbols.HostEnvironment);
            case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance.Type: { } type } indexer:
                return IsEnvironmentVariableName(indexer.Arguments[0].Value) && Sensitivity.ContentSymbols.IsOrDerives(type, _symbols.Configuration);
            case IInvocationOperation { TargetMethod: { Name: "GetEnvironmentVariable", ContainingType: { Name: "Environment", ContainingNamespace.Name: "System" } }, Arguments.Length: >= 1 } read:
                return IsEnvironmentVariableName(read.Arguments[0].Value);
            default:
                return false;
        }
    }

    private static bool IsEnvironmentVariableName(IOperation key) =>
        key.ConstantValue is { HasValue: true, Value: string name }
        && (string.Equals(name, "ASPNETCORE_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "ENVIRONMENT", StringComparison.OrdinalIgnoreCase));

    private static bool IsDevelopmentName(IOperation operation) =>
        operation.ConstantValue is { HasValue: true, Value: string name } && string.Equals(name, Development, StringComparison.OrdinalIgnoreCase);

    /// <summary><c>if (!env.IsDevelopment()) return;</c> earlier in the same block.</summary>
    private bool FollowsEarlyExit(IBlockOperation block, IOperation statement)
    {
        foreach (var previous in block.Operations)
        {
            if (previous == statement)
            {
                return false;
            }

            if (previous is IConditionalOperation { WhenFalse: null } check
                && IsExit(check.WhenTrue)
                && ImpliesDevelopment(check.Condition, false, 0))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsExit(IOperation operation) => operation switch
    {
        IReturnOperation or IThrowOperation => true,
        IExpressionStatementOperation { Operation: IThrowOperation } => true,
        IBlockOperation { Operations.Length: 1 } block => IsExit(block.Operations[0]),
        _ => false,
    };

}
