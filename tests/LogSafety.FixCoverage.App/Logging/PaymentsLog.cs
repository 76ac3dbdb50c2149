namespace LogSafety.FixCoverage.App.Logging;

public static partial class PaymentsLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Payment {PaymentId} captured with card token {CardToken}")]
    public static partial void PaymentCaptured(ILogger logger, Guid paymentId, string cardToken);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Checkout started: {Checkout}")]
    public static partial void CheckoutStarted(ILogger logger, object checkout);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Resumed checkout {Reference}")]
    public static partial void CheckoutResumed(ILogger logger, string reference);

    public static readonly Action<ILogger, string, string, Exception?> WebhookReceived =
        LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(2010, "webhook_received"), "Webhook {Provider} signed with {Secret}");

    public static readonly Action<ILogger, string, Exception?> KeyRotated =
        LoggerMessage.Define<string>(LogLevel.Information, new EventId(2011, "key_rotated"), "Rotated merchant key {ApiKey}");
}
