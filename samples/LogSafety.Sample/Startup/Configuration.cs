using LogSafety.Sample.Data;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Logging;
using Microsoft.Net.Http.Headers;

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

        // LS0010: unguarded, every query parameter (token hashes, password hashes) is written to the log in production.
        builder.Services.AddDbContext<AccountsDbContext>(options => options.UseInMemoryDatabase("accounts").EnableSensitiveDataLogging());

        // Request line, status and timing, with ASP.NET Core's default header redaction: no bodies.
        builder.Services.AddHttpLogging(options =>
        {
            options.LoggingFields = HttpLoggingFields.RequestPropertiesAndHeaders
                | HttpLoggingFields.ResponseStatusCode
                | HttpLoggingFields.Duration;

            // LS0011: allow-listing Authorization un-redacts every bearer token in the HTTP log.
            options.RequestHeaders.Add(HeaderNames.Authorization);
        });

        // LS0012: IdentityModel then prints whole tokens and personal data in logs and exception messages.
        IdentityModelEventSource.ShowPII = true;

        // Guarded by the development environment: fine, and not reported.
        if (builder.Environment.IsDevelopment())
        {
            IdentityModelEventSource.LogCompleteSecurityArtifact = true;
        }

        return builder;
    }

    public static WebApplication UseSampleConfiguration(this WebApplication app)
    {
        app.UseHttpLogging();
        return app;
    }
}
