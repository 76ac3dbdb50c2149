namespace LogSafety.Sample.Logging;

/// <summary>
/// The application's own security-event log, the C# form of the chapter's <c>log("login_failed", { email, ip })</c>:
/// one event name and an anonymous object with its data. LogSafety infers that <see cref="Log"/> writes
/// <c>data</c> to the log, so the members of every object passed here are checked at the call site.
/// </summary>
public sealed class SecurityEvents
{
    private readonly ILogger<SecurityEvents> _logger;

    public SecurityEvents(ILogger<SecurityEvents> logger) => _logger = logger;

    public void Log(string eventName, object data) => _logger.LogInformation("{Event} {@Data}", eventName, data);
}
