using LogSafety.FixCoverage.App.Payments;
using LogSafety.FixCoverage.App.Startup;

var builder = WebApplication.CreateBuilder(args);
builder.AddPaymentsConfiguration();
builder.Services.AddSingleton<AuditTrail>();
builder.Services.AddSingleton<ApiKeyStore>();

var app = builder.Build();
app.UseHttpLogging();
app.MapPaymentEndpoints();
app.Run();
