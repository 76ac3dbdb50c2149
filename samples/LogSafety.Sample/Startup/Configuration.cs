using Microsoft.AspNetCore.HttpLogging;

namespace LogSafety.Sample.Startup;

/// <summary>
/// Start-up configuration of the frameworks that log on the application's behalf. Configuration that makes them log
/// secrets (EF Core sensitive data logging, HTTP logging of bodies and credential headers, IdentityModel PII:
/// LS0010-LS0012) belongs here.
/// </summary>
public static class Configuration
{
    public static WebApplicationBuilder AddSampleConfiguration(this WebApplicationBuilder builder)
    {
        // The chapter's "console with JSON output": structured events an alerting tool can read.
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole();

        // Request line, status and timing, with ASP.NET Core's default header redaction: no bodies, no credential headers.
        builder.Services.AddHttpLogging(options =>
        {
            options.LoggingFields = HttpLoggingFields.RequestPropertiesAndHeaders
                | HttpLoggingFields.ResponseStatusCode
                | HttpLoggingFields.Duration;
        });
        return builder;
    }

    public static WebApplication UseSampleConfiguration(this WebApplication app)
    {
        app.UseHttpLogging();
        return app;
    }
}
