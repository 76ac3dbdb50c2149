using LogSafety.Sample.Accounts;
using LogSafety.Sample.Logging;
using LogSafety.Sample.Startup;

var builder = WebApplication.CreateBuilder(args);
builder.AddSampleConfiguration();
builder.Services.AddSingleton<UserStore>();
builder.Services.AddSingleton<SessionStore>();
builder.Services.AddSingleton<TokenService>();
builder.Services.AddSingleton<SecurityEvents>();

var app = builder.Build();
app.UseSampleConfiguration();
app.MapAccountEndpoints();
app.Run();
