using LogSafety.FixCoverage.App.Data;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Logging;
using Microsoft.Net.Http.Headers;

namespace LogSafety.FixCoverage.App.Startup;

public static class PaymentsConfiguration
{
    public static WebApplicationBuilder AddPaymentsConfiguration(this WebApplicationBuilder builder)
    {
        builder.Services.AddDbContext<PaymentsDbContext>(options => options.UseInMemoryDatabase("payments").EnableSensitiveDataLogging());

        builder.Services.AddHttpLogging(options =>
        {
            options.LoggingFields = HttpLoggingFields.All;
            options.RequestHeaders.Add(HeaderNames.Authorization);
        });

        builder.Services.Configure<HttpLoggingOptions>(options => options.RequestHeaders.Add(HeaderNames.Cookie));
        builder.Services.Configure<HttpLoggingOptions>(options => options.LoggingFields |= HttpLoggingFields.RequestBody);
        builder.Services.AddSingleton(new HttpLoggingOptions
        {
            LoggingFields = HttpLoggingFields.Request,
            RequestHeaders = { HeaderNames.Authorization, HeaderNames.UserAgent },
        });

        builder.Services.AddW3CLogging(options =>
        {
            options.LoggingFields = W3CLoggingFields.All;
        });

        IdentityModelEventSource.ShowPII = true;
        return builder;
    }
}
