using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LogSafety.Analyzers.Logging;

/// <summary>
/// Assignments that store a named value for events to write: log4net's <c>ThreadContext.Properties["name"] = value</c>
/// (and LogicalThreadContext's), which every layout naming the property (<c>%property{name}</c>)
/// writes with each later event, and NLog's <c>logEvent.Properties["name"] = value</c> on an event logged later. The
/// name labels the value, as a property call's does (<see cref="PropertyCalls"/>).
/// </summary>
internal static class ContextProperties
{
    /// <summary>Whether the assignment may be one, before any symbol is compared: the target is an indexer.</summary>
    public static bool MayBe(ISimpleAssignmentOperation assignment) =>
        assignment.Target is IPropertyReferenceOperation { Property.IsIndexer: true };

    public static LogCall? Recognize(ISimpleAssignmentOperation assignment, LoggingSymbols symbols)
    {
        if (assignment.Target is not IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer)
        {
            return null;
        }

        LogApi api;
        string sinkName;
        if (LogTypeRoles.IsAny(indexer.Property.ContainingType, symbols.Log4NetContextProperties))
        {
            api = LogApi.Log4Net;
            sinkName = indexer.Instance is IPropertyReferenceOperation { Property: var properties }
                ? properties.ContainingType.Name + "." + properties.Name
                : indexer.Property.ContainingType.Name;
        }
        else if (symbols.NLogLogEventInfo is { } eventInfo
            && indexer.Instance is IPropertyReferenceOperation { Property: { Name: "Properties" } eventProperties }
            && SymbolEqualityComparer.Default.Equals(eventProperties.ContainingType, eventInfo))
        {
            api = LogApi.NLog;
            sinkName = eventInfo.Name + ".Properties";
        }
        else
        {
            return null;
        }

        var label = indexer.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string name } ? name : null;
        var value = new LoggedArgument(assignment.Value, -1, label, false, null);
        return new LogCall(assignment, api, sinkName, null, null, ImmutableArray.Create(value));
    }
}
