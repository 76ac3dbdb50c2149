using LogSafety.Analyzers.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using LogSafety.Analyzers.Logging;

namespace LogSafety.Analyzers.Sensitivity;

/// <summary>
/// The types a secret can be written as: text, bytes, GUIDs and values whose type is unknown here (object, generics).
/// Numbers, booleans, enums, dates, durations and cancellation tokens never are; nor are other structured types,
/// which are judged whole by their members instead.
/// </summary>
internal static class SecretCarrierTypes
{
    public static bool CanCarrySecret(ITypeSymbol? type, LoggingSymbols symbols)
    {
        if (type is null || type.TypeKind == TypeKind.Error)
        {
            return false;
        }

        type = NullableTypes.Underlying(type);

        if (type.SpecialType is SpecialType.System_String or SpecialType.System_Object)
        {
            return true;
        }

        if (IsInert(type) || type.SpecialType is SpecialType.System_IntPtr or SpecialType.System_UIntPtr)
        {
            return false;
        }

        switch (type.TypeKind)
        {
            case TypeKind.Dynamic:
            case TypeKind.TypeParameter:
                return true;
            case TypeKind.Enum:
            case TypeKind.Delegate:
            case TypeKind.Pointer:
            case TypeKind.FunctionPointer:
                return false;
            case TypeKind.Array:
                return CanCarrySecret(((IArrayTypeSymbol)type).ElementType, symbols) || ((IArrayTypeSymbol)type).ElementType.SpecialType is SpecialType.System_Byte or SpecialType.System_Char;
        }

        if (SymbolEqualityComparer.Default.Equals(type, symbols.StringBuilder)
            || SymbolEqualityComparer.Default.Equals(type, symbols.StringValues)
            || SymbolEqualityComparer.Default.Equals(type, symbols.SecureString)
            || SymbolEqualityComparer.Default.Equals(type, symbols.Guid))
        {
            return true;
        }

        // json["password"], (string?)node["token"]: a node of a JSON document holds what its key names, and is written as
        // its text.
        if (SymbolEqualityComparer.Default.Equals(type, symbols.JsonElement)
            || ContentSymbols.IsOrDerives(type, symbols.JsonNode)
            || ContentSymbols.IsOrDerives(type, symbols.JToken))
        {
            return true;
        }

        if (type is INamedTypeSymbol { IsGenericType: true } generic)
        {
            var name = generic.Name;
            if ((name is "ReadOnlySpan" or "Span" or "ReadOnlyMemory" or "Memory") && generic.TypeArguments[0].SpecialType is SpecialType.System_Char or SpecialType.System_Byte)
            {
                return true;
            }

            // Lists of tokens or recovery codes: string collections carry what their elements carry.
            if (generic.TypeArguments.Length == 1 && generic.TypeArguments[0].SpecialType == SpecialType.System_String && IsEnumerable(generic))
            {
                return true;
            }

            if (name == "Task" || name == "ValueTask")
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// A value the code itself fixes, never a secret whatever its name: a constant, a literal, <c>nameof</c>,
    /// <c>default</c>, or a mask (<see cref="IsRepeatedCharacter"/>).
    /// </summary>
    public static bool IsFixedByTheCode(IOperation operation) =>
        operation.ConstantValue.HasValue
        || operation is INameOfOperation or ILiteralOperation or IDefaultValueOperation
        || IsRepeatedCharacter(operation);

    /// <summary>
    /// A mask: <c>new string('*', password.Length)</c>, one constant character repeated. Whatever it stands for, only the
    /// length gets through.
    /// </summary>
    public static bool IsRepeatedCharacter(IOperation operation) =>
        operation is IObjectCreationOperation { Type.SpecialType: SpecialType.System_String, Arguments.Length: 2 } creation
        && creation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_Char
        && creation.Arguments[0].Value.ConstantValue.HasValue
        && creation.Arguments[1].Value.Type?.SpecialType == SpecialType.System_Int32;

    /// <summary>
    /// Numbers, booleans, characters, enums, dates, durations and cancellation tokens: they hold no secret, expose no
    /// members and carry nothing through a local, so the commonest logged values skip every further check.
    /// </summary>
    public static bool IsInert(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        type = NullableTypes.Underlying(type);

        if (type.TypeKind == TypeKind.Enum)
        {
            return true;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_Char:
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Decimal:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_DateTime:
                return true;
        }

        return type.Name is "TimeSpan" or "DateTimeOffset" or "CancellationToken" or "DateOnly" or "TimeOnly"
            && type.ContainingNamespace?.ToDisplayString() is "System" or "System.Threading";
    }

    private static bool IsEnumerable(INamedTypeSymbol type)
    {
        if (type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
        {
            return true;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            if (@interface.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return true;
            }
        }

        return false;
    }
}
