using System;
using System.Collections.Immutable;
using LogSafety.Analyzers.Logging;
using LogSafety.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Sensitivity;

/// <summary>A finding beyond names, with what the projection fix needs.</summary>
internal readonly struct ContentFinding
{
    public ContentFinding(SecretFinding finding, ImmutableArray<string> safeMembers)
    {
        Finding = finding;
        SafeMembers = safeMembers;
    }

    public SecretFinding Finding { get; }

    /// <summary>For LS0006 values that can be replaced by an anonymous projection: the members to keep; else empty.</summary>
    public ImmutableArray<string> SafeMembers { get; }
}

/// <summary>
/// Judges a logged value after its names said nothing: attributes and types of what it reads, request bodies,
/// headers and cookies (LS0004/LS0005), secrets that reach it through locals (with where they came from), and
/// objects logged whole that expose sensitive members (LS0006). One verdict per value, the most specific first.
/// </summary>
internal sealed class LoggedValueJudge
{
    private readonly SecretClassifier _secrets;
    private readonly HelperReturns _helpers;

    public LoggedValueJudge(Compilation compilation, LoggingSymbols logging, SecretClassifier secrets, SessionEvidence sessions, LocalFlow flow, Func<SyntaxTree, LogSafetyOptions> optionsFor)
    {
        _secrets = secrets;
        _helpers = new HelperReturns(compilation, optionsFor, JudgeReturned);
        Symbols = ContentSymbols.Create(compilation);
        Members = new SensitiveMembers(Symbols, logging, sessions);
        Requests = new RequestDataClassifier(Symbols);
        Objects = new ObjectExposureClassifier(Members);
        Flow = flow;
        Fields = new FieldFlow();
    }

    public ContentSymbols Symbols { get; }
    public SensitiveMembers Members { get; }
    public RequestDataClassifier Requests { get; }
    public ObjectExposureClassifier Objects { get; }
    public LocalFlow Flow { get; }
    public FieldFlow Fields { get; }

    /// <summary>A value that reads a member or parameter marked safe (logsafety.safe_attributes) is never reported.</summary>
    public bool IsMarkedSafe(LoggedValue value, LogSafetyOptions options)
    {
        if (options.SafeAttributes.IsEmpty)
        {
            return false;
        }

        return ReferencedSymbol(LoggedValueCollector.SkipConversions(value.Value)) is { } symbol && SensitiveMembers.IsMarkedSafe(symbol, options);
    }

    public ContentFinding? Classify(LoggedValue value, LogCall call, LogSafetyOptions options)
    {
        var operation = LoggedValueCollector.SkipConversions(value.Value);
        if (SecretCarrierTypes.IsFixedByTheCode(operation) || SecretCarrierTypes.IsInert(operation.Type))
        {
            return null;
        }

        // JsonSerializer.Serialize(request): the serialized argument is what is exposed.
        if (operation is IInvocationOperation invocation && Objects.SerializedArgument(invocation, out var serialization) is { } serialized)
        {
            var target = LoggedValueCollector.SkipConversions(serialized.Value);
            var targetValue = new LoggedValue(target, value.Label, value.Form, value.TemplateIndex, value.Destructure, value.Stringified);
            var request = Requests.Classify(target, serialization, Flow, options);
            if (request.IsSensitive)
            {
                return Plain(request.Kind, request.Reason, targetValue);
            }

            if (ObjectFinding(targetValue, serialized.Value, serialization, options, SerializationAcceptsProjection(invocation)) is { } serializedObject)
            {
                return serializedObject;
            }
        }

        var exposure = ExposureOf(value, call);
        var loggedAsBareSid = SecretClassifier.IsLoggedAsBareSid(value.Label, options);
        if (Flow.Trace(operation, part => Leaf(part, exposure, options, loggedAsBareSid)) is { } origin)
        {
            if (!origin.ThroughLocal || origin.Mark.Kind == SecretKind.ObjectWithSecrets)
            {
                return Plain(origin.Mark.Kind, origin.Mark.Reason, value);
            }

            return FlowFinding(origin, value);
        }

        return ObjectFinding(value, value.Value, exposure, options, projectable: true);
    }

    /// <summary>
    /// A header or cookie read in the logged expression itself is LS0005 even when its name would also make it a
    /// token or session ID: 'Request.Headers["X-Api-Key"]' is a credential header, and the advice is the header's.
    /// </summary>
    public ContentFinding? CredentialHeaderFirst(LoggedValue value, LogCall call, LogSafetyOptions options)
    {
        if (!Requests.IsActive)
        {
            return null;
        }

        var exposure = ExposureOf(value, call);
        IOperation? operation = LoggedValueCollector.SkipConversions(value.Value);
        for (var step = 0; step < 8 && operation is not null; step++)
        {
            var mark = Requests.Classify(operation, exposure, Flow, options);
            if (mark.IsSensitive)
            {
                return mark.Kind == SecretKind.CredentialHeader ? Plain(mark.Kind, mark.Reason, value) : null;
            }

            operation = StringFlow.Inner(operation);
        }

        return null;
    }

    /// <summary>
    /// For a local already flagged by its name: what flowed into it, when that says something else. A local called
    /// 'credential' that holds 'options.Password' is a password, not a generic credential.
    /// </summary>
    public ContentFinding? MoreSpecificThanName(LoggedValue value, SecretKind byName, LogSafetyOptions options)
    {
        if (LoggedValueCollector.SkipConversions(value.Value) is not ILocalReferenceOperation local)
        {
            return null;
        }

        if (Flow.Trace(local, part => part == local ? default : Leaf(part, ExposureKind.Text, options, loggedAsBareSid: false), lookPastOwnName: true) is { ThroughLocal: true } origin
            && origin.Mark.Kind != byName
            && origin.Mark.Kind is SecretKind.Password or SecretKind.TokenOrSecret or SecretKind.SessionId)
        {
            return FlowFinding(origin, value);
        }

        return null;
    }

    /// <summary>What a helper returns, through its own locals, judged by the request-data rules alone (no helper of its own is followed).</summary>
    private SensitiveMark JudgeReturned(IOperation returned, LogSafetyOptions options) =>
        Flow.Trace(LoggedValueCollector.SkipConversions(returned), part => Requests.Classify(part, ExposureKind.Text, Flow, options)) is { } origin
            ? origin.Mark
            : default;

    /// <summary>One step of a value or of what flowed into it, judged without the logged value's own label.</summary>
    private SensitiveMark Leaf(IOperation operation, ExposureKind exposure, LogSafetyOptions options, bool loggedAsBareSid)
    {
        var symbol = ReferencedSymbol(operation);
        if (symbol is not null && SensitiveMembers.IsMarkedSafe(symbol, options))
        {
            return default;
        }

        var byName = _secrets.Classify(new LoggedValue(operation, null, LoggedValueForm.Argument, -1, false, true), options, loggedAsBareSid);
        if (byName is { } named)
        {
            return new SensitiveMark(named.Kind, named.Reason);
        }

        if (symbol is not null && SecretCarrierTypes.CanCarrySecret(operation.Type, Members.LoggingSymbols))
        {
            var byAttribute = Members.ByAttribute(symbol, options);
            if (byAttribute.IsSensitive)
            {
                return byAttribute;
            }
        }

        // Marshal.PtrToStringUni(Marshal.SecureStringToGlobalAllocUnicode(secure)): the plain text of a SecureString.
        if (operation is IInvocationOperation { TargetMethod: { Name: var name } method } secureRead
            && name.StartsWith("SecureStringTo", System.StringComparison.Ordinal)
            && ContentSymbols.Is(method.ContainingType, Symbols.Marshal))
        {
            _ = secureRead;
            return new SensitiveMark(SecretKind.Password, "is the plain text of a SecureString");
        }

        var request = Requests.Classify(operation, exposure, Flow, options);
        if (request.IsSensitive)
        {
            return request;
        }

        // var body = await ReadBodyAsync(context.Request): the request data a small helper of the application returns,
        // unless the helper is a sanitizer (configured, or named Redact/Mask...): what it returns is what it is for.
        if (operation is IInvocationOperation helperCall && Requests.IsActive && !SecretClassifier.IsSanitized(helperCall, options))
        {
            var returned = _helpers.Of(helperCall);
            if (returned.IsSensitive)
            {
                return returned;
            }
        }

        // var json = JsonSerializer.Serialize(request); ... log(json)
        if (operation is IInvocationOperation call && Objects.SerializedArgument(call, out var serialization) is { } serialized
            && LoggedValueCollector.SkipConversions(serialized.Value) is var target
            && Objects.Find(target.Type, serialization, options) is { } exposed)
        {
            return new SensitiveMark(SecretKind.ObjectWithSecrets, PathOf(target, exposed));
        }

        // tokenResponse.Json, tokenResponse.Raw: the text an object was read from holds every secret its properties hold.
        if (RawFormOwner(operation) is { } owner && Objects.Find(owner.Type, ExposureKind.Destructure, options) is { } held)
        {
            return new SensitiveMark(SecretKind.ObjectWithSecrets, PathOf(owner, held));
        }

        return default;
    }

    /// <summary>
    /// The object whose raw text a member reference reads: a member named Raw, Json, RawJson, RawData, RawText,
    /// RawBody, RawContent or RawResponse, of type string, byte[] or a JSON document, read on an instance.
    /// </summary>
    private static IOperation? RawFormOwner(IOperation operation)
    {
        var (member, type, instance) = operation switch
        {
            IPropertyReferenceOperation { Arguments.IsEmpty: true } property => ((ISymbol)property.Property, property.Type, property.Instance),
            IFieldReferenceOperation field => (field.Field, field.Type, field.Instance),
            _ => (null, null, null),
        };
        if (member is null || instance?.Type is null || !IsRawFormName(member.Name) || !IsRawText(type))
        {
            return null;
        }

        return LoggedValueCollector.SkipConversions(instance);
    }

    private static bool IsRawFormName(string name) =>
        name.Equals("Raw", System.StringComparison.OrdinalIgnoreCase)
        || name.Equals("Json", System.StringComparison.OrdinalIgnoreCase)
        || (name.StartsWith("Raw", System.StringComparison.Ordinal)
            && name.Substring(3) is "Json" or "Data" or "Text" or "Body" or "Content" or "Response");

    private static bool IsRawText(ITypeSymbol? type) => type switch
    {
        { SpecialType: SpecialType.System_String } => true,
        IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte } => true,
        INamedTypeSymbol named => StringFlow.IsJsonTreeName(named.Name)
            && named.ContainingNamespace?.ToDisplayString() is "System.Text.Json" or "System.Text.Json.Nodes" or "Newtonsoft.Json.Linq",
        _ => false,
    };

    private ContentFinding? ObjectFinding(LoggedValue value, IOperation original, ExposureKind exposure, LogSafetyOptions options, bool projectable)
    {
        var target = LoggedValueCollector.SkipConversions(value.Value);
        if (target.Type is not { } type)
        {
            return null;
        }

        if (Objects.Find(type, exposure, options) is not { } exposed)
        {
            // A DTO kept in a field of this type, whose member another method set from a secret.
            return exposure is ExposureKind.Destructure or ExposureKind.Serialize or ExposureKind.SerializeJsonNet or ExposureKind.LogProperties
                && OwnMember(target) is { } field && Fields.Find(field, options) is { } set
                ? Plain(SecretKind.ObjectWithSecrets, set.Path, value)
                : null;
        }

        // new Filter { SubjectId = id }: only what the initializer sets has a value; the rest is null.
        if (target is IObjectCreationOperation { Arguments.IsEmpty: true, Initializer: { } initializer } && !InitializerSetsSecret(initializer, exposure, options))
        {
            return null;
        }

        var finding = new SecretFinding(SecretKind.ObjectWithSecrets, PathOf(target, exposed), value);
        var safeMembers = projectable && AcceptsProjection(original, target)
            ? Objects.SafeMembers(type, exposure, options)
            : ImmutableArray<string>.Empty;
        return new ContentFinding(finding, safeMembers);
    }

    private bool InitializerSetsSecret(IObjectOrCollectionInitializerOperation initializer, ExposureKind exposure, LogSafetyOptions options)
    {
        foreach (var element in initializer.Initializers)
        {
            var member = element switch
            {
                ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } => (ISymbol)property.Property,
                ISimpleAssignmentOperation { Target: IFieldReferenceOperation field } => field.Field,
                _ => null,
            };
            if (member is null)
            {
                // Collection elements, nested initializers: not read here, so assume the worst.
                return true;
            }

            if (Members.Classify(member, options).IsSensitive || Objects.Find(SensitiveMembers.TypeOf(member), exposure, options) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static ISymbol? OwnMember(IOperation target) => target switch
    {
        IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
        IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Arguments.IsEmpty: true } property => property.Property,
        _ => null,
    };

    private ExposureKind ExposureOf(LoggedValue value, LogCall call)
    {
        if (value.Destructure)
        {
            return ExposureKind.Destructure;
        }

        if (call.Api == LogApi.LoggerMessageMethod && Symbols.LogPropertiesAttribute is { } logProperties && ParameterOf(value.Value) is { } parameter)
        {
            foreach (var attribute in parameter.GetAttributes())
            {
                if (ContentSymbols.Is(attribute.AttributeClass, logProperties))
                {
                    return ExposureKind.LogProperties;
                }
            }
        }

        return value.Stringified ? ExposureKind.Text : ExposureKind.Template;
    }

    private static string PathOf(IOperation target, ExposedSecret exposed)
    {
        var type = target.Type!;
        var root = type.IsAnonymousType ? ValueNames.Display(target) : type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        if (!exposed.Path.StartsWith("[]", System.StringComparison.Ordinal))
        {
            return root + "." + exposed.Path;
        }

        // "LoginRequest[].Password" rather than "LoginRequest[][].Password".
        return type is IArrayTypeSymbol ? root + exposed.Path.Substring(2) : root + exposed.Path;
    }

    /// <summary>
    /// The object can be swapped for an anonymous projection when its slot takes any object (object, dynamic, a type
    /// parameter, an interpolation hole) and it is a plain name or member access that can be read twice.
    /// </summary>
    private static bool AcceptsProjection(IOperation original, IOperation target)
    {
        if (!IsPlainPath(target.Syntax) || target.Syntax.Parent is AnonymousObjectMemberDeclaratorSyntax { NameEquals: null })
        {
            return false;
        }

        // The collector hands over values without their conversions: look at the conversions around them too.
        while (original.Parent is IConversionOperation or IParenthesizedOperation)
        {
            original = original.Parent;
        }

        for (var current = original; current is IConversionOperation or IParenthesizedOperation; current = current is IConversionOperation c ? c.Operand : ((IParenthesizedOperation)current).Operand)
        {
            if (current is IConversionOperation conversion && (conversion.Type?.SpecialType == SpecialType.System_Object || conversion.Type?.TypeKind == TypeKind.Dynamic))
            {
                return true;
            }
        }

        return original.Parent switch
        {
            IInterpolationOperation => true,
            IArgumentOperation { Parameter: { } parameter } => parameter.OriginalDefinition.Type.TypeKind == TypeKind.TypeParameter,
            _ => false,
        };
    }

    /// <summary>Serialization overloads that take a Type or type info would fail at run time with an anonymous object.</summary>
    private static bool SerializationAcceptsProjection(IInvocationOperation invocation)
    {
        foreach (var parameter in invocation.TargetMethod.Parameters)
        {
            if (parameter.Type.Name is "Type" or "JsonTypeInfo" or "JsonSerializerContext")
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPlainPath(SyntaxNode syntax) => syntax switch
    {
        IdentifierNameSyntax => true,
        ThisExpressionSyntax => true,
        MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access => IsPlainPath(access.Expression) && access.Name is IdentifierNameSyntax,
        _ => false,
    };

    private static ContentFinding FlowFinding(FlowOrigin origin, LoggedValue value) =>
        new(new SecretFinding(origin.Mark.Kind, $"holds '{ValueNames.Display(origin.Source)}'", value, origin.Source.Syntax.GetLocation()), ImmutableArray<string>.Empty);

    private static ContentFinding Plain(SecretKind kind, string reason, LoggedValue value) =>
        new(new SecretFinding(kind, reason, value), ImmutableArray<string>.Empty);

    private static ISymbol? ReferencedSymbol(IOperation operation) => operation switch
    {
        IPropertyReferenceOperation { Arguments.IsEmpty: true } property => property.Property,
        IFieldReferenceOperation field => field.Field,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };

    private static IParameterSymbol? ParameterOf(IOperation operation)
    {
        for (var current = operation; current is not null; current = current.Parent)
        {
            if (current is IArgumentOperation argument)
            {
                return argument.Parameter;
            }

            if (current is IInvocationOperation)
            {
                return null;
            }
        }

        return null;
    }
}
