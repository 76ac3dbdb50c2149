namespace LogSafety.Sample.Startup;

/// <summary>
/// Notifies a partner system when an account is locked. Its settings come from configuration: the database the
/// notifications are recorded in and the partner's webhook, which authenticates with a key in the query.
/// </summary>
public sealed class Webhooks(IConfiguration configuration, HttpClient http, ILogger<Webhooks> logger)
{
    public async Task NotifyLockedAsync(string userId, CancellationToken cancellationToken)
    {
        var notificationsDb = configuration.GetConnectionString("Notifications");
        // LS0007: a connection string from configuration usually carries the database password.
        logger.LogInformation("Recording the notification using {ConnectionString}", notificationsDb);

        var url = $"https://partner.example.com/hooks/locked?user={Uri.EscapeDataString(userId)}&api_key={configuration["Partner:Key"]}";
        try
        {
            using var response = await http.PostAsync(url, content: null, cancellationToken);
            logger.LogInformation("Partner answered {Status} for {UserId}", (int)response.StatusCode, userId);
        }
        catch (HttpRequestException ex)
        {
            // LS0007: the webhook URL carries the partner's API key in its query.
            logger.LogWarning(ex, "Webhook {Url} failed", url);
            logger.LogWarning(ex, "Webhook to {Host} failed for {UserId}", "partner.example.com", userId);
        }
    }
}
