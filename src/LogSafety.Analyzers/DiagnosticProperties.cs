namespace LogSafety.Analyzers;

/// <summary>
/// The contract between the analyzers and the code fixes: every property name an analyzer writes into
/// <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> and a fixer reads, with the values that have a meaning.
/// Locations: LS0001–LS0006 findings on a log call are reported on the value and carry the invocation as additional
/// location 0 and, when the value came to the call through a local, the expression it came from as additional location
/// 1. With these properties the fixer finds the value and its place in the call without recognizing the call again.
/// </summary>
public static class DiagnosticProperties
{
    /// <summary>LS0001–LS0006: how the value sits in the call, a <c>LoggedValueForm</c> name or <see cref="LoggerMessageParameterForm"/>.</summary>
    public const string Form = "Form";

    /// <summary><see cref="Form"/> of a finding reported on a [LoggerMessage] method's parameter declaration.</summary>
    public const string LoggerMessageParameterForm = "LoggerMessageParameter";

    /// <summary>
    /// LS0001–LS0007 reported on a local the call logs (<c>BeginScope(scope)</c>) for an entry put in it before the call
    /// (additional location 1): present, with <see cref="Form"/> and <see cref="TemplateIndex"/> describing the local.
    /// </summary>
    public const string LocalEntry = "LocalEntry";

    /// <summary>LS0001–LS0006 on a log call: the logging API family, a <c>LogApi</c> name.</summary>
    public const string Api = "Api";

    /// <summary>
    /// LS0001–LS0006 on a log call: the template index of the call's argument that holds the value (the value itself,
    /// or the anonymous object, dictionary or tuple it is in), -1 when that argument fills no hole.
    /// </summary>
    public const string TemplateIndex = "TemplateIndex";

    /// <summary>LS0001–LS0006 on a log call: the position of the message template or format in the argument list; absent when there is none.</summary>
    public const string TemplateArgument = "TemplateArgument";

    /// <summary>LS0006: the comma-separated members a projection keeps; absent when no projection fits.</summary>
    public const string SafeMembers = "SafeMembers";

    /// <summary>
    /// LS0007 on a connection string: the metadata name of its provider's connection string builder, when exactly one
    /// provider is determinable (from where the value comes from, or the only known builder in the compilation).
    /// </summary>
    public const string ConnectionStringBuilder = "ConnectionStringBuilder";

    /// <summary>LS0011: <see cref="FieldsKind"/> or <see cref="HeaderKind"/>, so each fixer picks its own.</summary>
    public const string Kind = "Kind";

    /// <summary><see cref="Kind"/> of a logging-fields value that includes the request body (or the W3C cookie).</summary>
    public const string FieldsKind = "Fields";

    /// <summary><see cref="Kind"/> of a credential header added to the logged headers.</summary>
    public const string HeaderKind = "Header";

    /// <summary>LS0011 with <see cref="FieldsKind"/>: the enum member to take out of the flags.</summary>
    public const string Field = "Field";
}
