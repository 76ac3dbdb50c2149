using System.Data.Common;

namespace LogSafety.FixCoverage.App.Data;

/// <summary>LS0007: a connection string and URLs with credentials, each in the shape its rewrite or the removal takes.</summary>
public sealed class ConnectionDiagnostics
{
    private readonly ILogger<ConnectionDiagnostics> _logger;
    private readonly IConfiguration _configuration;

    public ConnectionDiagnostics(ILogger<ConnectionDiagnostics> logger, IConfiguration configuration)
    {
        _logger = logger;
        _configuration = configuration;
    }

    public void ReportOpenFailure(DbConnection connection, Exception exception)
    {
        _logger.LogError(exception, "Could not open {ConnectionString}", connection.ConnectionString);
    }

    public void ReportPartnerFailure(string orderId)
    {
        var partner = new Uri($"https://partner.example.com/orders/{orderId}?api_key={_configuration["Partner:Key"]}");
        _logger.LogWarning("Partner call to {Url} failed", partner);
        var status = $"https://partner.example.com/status?token={_configuration["Partner:Token"]}";
        _logger.LogWarning("Partner status at {Url} is down", status);
    }
}
