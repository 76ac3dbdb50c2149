namespace LogSafety.FixCoverage.App.Payments;

/// <summary>The application's own audit log: an event name and whatever data goes with it.</summary>
public sealed class AuditTrail
{
    private readonly ILogger<AuditTrail> _logger;

    public AuditTrail(ILogger<AuditTrail> logger) => _logger = logger;

    public void Record(string eventName, object data) => _logger.LogInformation("{Event} {@Data}", eventName, data);

    public void RecordPair(string eventName, (string Name, string Value) item) =>
        _logger.LogInformation("{Event} {Name}={Value}", eventName, item.Name, item.Value);

    public void RecordFields(string eventName, IReadOnlyDictionary<string, object?> fields) =>
        _logger.LogInformation("{Event} {@Fields}", eventName, fields);
}

public sealed class ApiKeyStore
{
    public string Current { get; } = Guid.NewGuid().ToString("N");

    public string Rotate() => Guid.NewGuid().ToString("N");
}

public sealed record CheckoutRequest(string Email, decimal Amount, string CardNumber, string Cvv, string Password);

public sealed record RefundRequest(Guid PaymentId, decimal Amount, string Reason);
