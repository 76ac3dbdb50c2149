using System.Text.Json;
using Microsoft.AspNetCore.HttpLogging;
using LogSafety.FixCoverage.App.Logging;
using Serilog;

namespace LogSafety.FixCoverage.App.Payments;

public static class PaymentEndpoints
{
    private static readonly NLog.Logger Nlog = NLog.LogManager.GetCurrentClassLogger();

    public static IEndpointRouteBuilder MapPaymentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/checkout", Checkout);
        app.MapPost("/refund", Refund).WithHttpLogging(HttpLoggingFields.RequestPath | HttpLoggingFields.RequestBody);
        app.MapPost("/webhooks/{provider}", Webhook);
        app.MapPost("/keys/rotate", RotateKey);
        return app;
    }

    private static IResult Checkout(CheckoutRequest request, HttpContext http, AuditTrail audit, ILogger<CheckoutRequest> logger)
    {
        var sessionId = http.Session.Id;
        var apiKey = http.Request.Headers["X-Api-Key"].ToString();

        logger.LogInformation("Checkout for {Email} paying {Amount} with password {Password}", request.Email, request.Amount, request.Password);
        logger.LogInformation($"Checkout session {sessionId} for {request.Email}");
        logger.LogInformation("Checkout key " + apiKey + " for " + request.Email);
        logger.LogDebug(request.Password);
        logger.LogDebug(apiKey);
        logger.LogInformation("Checkout {Email} {Key}", new object[] { request.Email, apiKey });
        logger.LogInformation("Checkout {Request}", request);
        logger.LogDebug("Checkout body {Body}", JsonSerializer.Serialize(request));
        var payload = JsonSerializer.Serialize(request);
        logger.LogDebug("Checkout payload: {Payload}", payload);
        PaymentsLog.CheckoutStarted(logger, request);
        PaymentsLog.CheckoutResumed(logger, sessionId);

        audit.Record("checkout", new { request.Email, request.Amount, request.Password });
        audit.Record("checkout_key", (request.Email, apiKey));
        audit.RecordFields("checkout_fields", new Dictionary<string, object?> { ["email"] = request.Email, ["password"] = request.Password });

        using (logger.BeginScope(new Dictionary<string, object> { ["SessionId"] = sessionId, ["Email"] = request.Email }))
        {
            logger.LogInformation("Checkout accepted");
        }

        Log.Information("Checkout {@Attempt}", new { request.Email, request.Password });
        Log.Information("Checkout session {SessionId} for {Email}", sessionId, request.Email);
        Console.WriteLine($"checkout {request.Email} key {apiKey}");
        Nlog.Info("Checkout {0} with key {1}", request.Email, apiKey);
        return Results.Ok();
    }

    private static async Task<IResult> Refund(HttpContext http, ILogger<RefundRequest> logger)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        logger.LogInformation("Refund requested with {Authorization}", authorization);
        logger.LogInformation("Refund cookie {Cookie}", http.Request.Cookies["session"]);

        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        logger.LogDebug("Refund body: {Body}", body);

        var form = await http.Request.ReadFormAsync();
        logger.LogDebug("Refund form {Form}", form);

        var refund = JsonSerializer.Deserialize<RefundRequest>(body);
        logger.LogInformation("Refund of {Amount} for {PaymentId}", refund?.Amount, refund?.PaymentId);
        return Results.Accepted();
    }

    private static IResult Webhook(string provider, HttpRequest request, ILogger<AuditTrail> logger)
    {
        var webhookSecret = request.Headers["X-Webhook-Secret"].ToString();
        var chosen = webhookSecret.Trim();
        PaymentsLog.WebhookReceived(logger, provider, chosen, null);
        logger.LogInformation("Webhook from {Provider} with {Length} bytes", provider, request.ContentLength);
        try
        {
            throw new InvalidOperationException("unknown provider");
        }
        catch (Exception ex)
        {
            Nlog.Error(ex, "Webhook {0} rejected, secret {1}", provider, webhookSecret);
            logger.LogError(ex, "Webhook {Provider} rejected with secret {Secret}", provider, chosen);
        }

        return Results.Ok();
    }

    private static IResult RotateKey(ApiKeyStore keys, ILogger<ApiKeyStore> logger)
    {
        var newKey = keys.Rotate();
        PaymentsLog.KeyRotated(logger, newKey, null);
        PaymentsLog.PaymentCaptured(logger, Guid.NewGuid(), "tok_visa");
        logger.LogInformation("Merchant key rotated, {Count} keys active", 2);
        return Results.Ok();
    }
}
