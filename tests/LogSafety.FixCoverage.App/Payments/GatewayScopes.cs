namespace LogSafety.FixCoverage.App.Payments;

/// <summary>Dictionaries built in a local and then logged whole: a logging scope, a token request's form, a checkout.</summary>
public sealed class GatewayScopes
{
    private readonly ILogger<GatewayScopes> _logger;
    private readonly HttpClient _client;

    public GatewayScopes(ILogger<GatewayScopes> logger, HttpClient client)
    {
        _logger = logger;
        _client = client;
    }

    public void Charge(string merchantId, string apiKey, string sessionToken, string? password)
    {
        var scope = new Dictionary<string, object>
        {
            ["MerchantId"] = merchantId,
            ["ApiKey"] = apiKey,
        };
        scope["SessionToken"] = sessionToken;
        if (password is not null)
        {
            scope.Add("Password", password);
        }

        using (_logger.BeginScope(scope))
        {
            _logger.LogInformation("Charging merchant");
        }
    }

    public async Task<string> RequestTokenAsync(string clientId, string clientSecret)
    {
        var form = new Dictionary<string, string> { ["client_id"] = clientId, ["client_secret"] = clientSecret };
        _logger.LogDebug("Requesting a gateway token for {ClientId} with {@Form}", clientId, form);
        using var response = await _client.PostAsync("https://gateway.example/token", new FormUrlEncodedContent(form));
        return await response.Content.ReadAsStringAsync();
    }

    public void Checkout(CheckoutRequest request, Guid orderId)
    {
        var data = new Dictionary<string, object> { ["OrderId"] = orderId, ["Request"] = request };
        _logger.LogInformation("Checkout {@Data}", data);
    }
}
