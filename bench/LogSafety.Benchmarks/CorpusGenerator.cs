using System;
using System.Collections.Generic;
using System.Text;

namespace LogSafety.Benchmarks;

/// <summary>One generated source file.</summary>
internal sealed record CorpusFile(string Path, string Text);

/// <summary>What was generated: files, lines and log calls (counted as they are written).</summary>
internal sealed record Corpus(IReadOnlyList<CorpusFile> Files, int Lines, int LogCalls);

/// <summary>
/// Generates a realistic application in memory: per unit, DTOs and records, a controller, services on MEL and on
/// Serilog/NLog/log4net, a middleware, LoggerMessage.Define and [LoggerMessage] classes and an app log wrapper.
/// Business code (loops, LINQ, validation, local flows) surrounds the log calls so that about one line in twenty
/// is a log call; the calls cover every supported API and every value form, both safe and unsafe.
/// Deterministic for a given seed.
/// </summary>
internal sealed class CorpusGenerator
{
    public const int FilesPerUnit = 6;

    private const string Parameters = "LoginRequest request, UserAccount account, TokenResponse tokens, IReadOnlyList<OrderLine> items";
    private const string Arguments = "request, account, tokens, items";

    private readonly Random _random;
    private readonly List<CorpusFile> _files = new();
    private int _lines;
    private int _logCalls;
    private int _unique;

    private CorpusGenerator(int seed) => _random = new Random(seed);

    /// <summary>Six files per unit; <paramref name="files"/> is rounded to a whole number of units.</summary>
    public static Corpus Generate(int files, int seed = 42)
    {
        var generator = new CorpusGenerator(seed);
        var units = Math.Max(1, files / FilesPerUnit);
        for (var unit = 0; unit < units; unit++)
        {
            generator.Unit(unit);
        }

        return new Corpus(generator._files, generator._lines, generator._logCalls);
    }

    private void Unit(int unit)
    {
        var ns = $"App.U{unit}";
        Add($"U{unit}/Models.cs", Models(ns));
        Add($"U{unit}/AccountsController.cs", Controller(ns));
        Add($"U{unit}/AccountService.cs", MelService(ns));
        Add($"U{unit}/OrderService.cs", (unit % 3) switch { 0 => SerilogService(ns), 1 => NLogService(ns), _ => Log4NetService(ns) });
        Add($"U{unit}/RequestMiddleware.cs", Middleware(ns));
        Add($"U{unit}/Logging.cs", LoggingDefinitions(ns));
    }

    private void Add(string path, string text)
    {
        _files.Add(new CorpusFile(path, text));
        foreach (var c in text)
        {
            if (c == '\n')
            {
                _lines++;
            }
        }
    }

    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Logging;

        """;

    private static string Models(string ns) => Usings + $$"""
        namespace {{ns}};

        public sealed record LoginRequest(string UserName, string Password, bool RememberMe);

        public sealed record TokenResponse(string AccessToken, string RefreshToken, int ExpiresIn);

        public sealed record PaymentInfo(string CardHolder, string Last4, string Cvv);

        public sealed class UserAccount
        {
            public int Id { get; set; }
            public string Email { get; set; } = "";
            public string DisplayName { get; set; } = "";
            public string PasswordHash { get; set; } = "";
            public string? ApiKey { get; set; }
            public string Country { get; set; } = "";
            public DateTime CreatedAt { get; set; }
            public UserAccount? Manager { get; set; }
            public List<OrderLine> Lines { get; } = new();
        }

        public sealed class OrderLine
        {
            public string Name { get; set; } = "";
            public int Quantity { get; set; }
            public decimal Price { get; set; }
        }

        public static class Redaction
        {
            public static string Mask(string value) => value.Length <= 4 ? "****" : new string('*', value.Length - 4) + value[^4..];
        }

        public sealed class AppLog
        {
            private readonly ILogger<AppLog> _logger;

            public AppLog(ILogger<AppLog> logger) => _logger = logger;

            public void Audit(string action, object? detail) => _logger.LogInformation("Audit {Action} {@Detail}", action, detail);

            public void Event(string name, string value)
            {
                if (_logger.IsEnabled(LogLevel.Information))
                {
                    _logger.LogInformation("{Name}={Value}", name, value);
                }
            }
        }

        """;

    private string Controller(string ns)
    {
        var body = new StringBuilder();
        body.Append(Usings).Append($$"""
            namespace {{ns}};

            [ApiController]
            [Route("api/[controller]")]
            public sealed class AccountsController : ControllerBase
            {
                private readonly ILogger<AccountsController> _logger;
                private readonly AccountService _service;
                private readonly AppLog _audit;

                public AccountsController(ILogger<AccountsController> logger, AccountService service, AppLog audit)
                {
                    _logger = logger;
                    _service = service;
                    _audit = audit;
                }

                [HttpPost("login")]
                public async Task<IActionResult> Login([FromBody] LoginRequest request)
                {
                    if (string.IsNullOrWhiteSpace(request.UserName))
                    {
                        return BadRequest();
                    }

                    var count = 0;
                    var account = await _service.FindAsync(request.UserName);
                    if (account is null)
                    {

            """);
        LogStatement(body, LoginFailedCalls, "            ");
        body.Append("""
                        return Unauthorized();
                    }

                    var tokens = new TokenResponse(Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"), 3600);
                    var items = account.Lines;

            """);
        Method(body, Controllers, "        ", statements: 3);
        body.Append("""
                    return Ok(tokens);
                }

            """);
        for (var i = 0; i < 2; i++)
        {
            body.Append($"    [HttpGet(\"orders{i}\")]\n    public int Orders{i}({Parameters})\n    {{\n        var count = 0;\n");
            Method(body, Controllers, "        ", statements: 3);
            body.Append("        return count;\n    }\n\n");
        }

        body.Append("}\n");
        return body.ToString();
    }

    private string MelService(string ns)
    {
        var body = new StringBuilder();
        body.Append(Usings).Append($$"""
            namespace {{ns}};

            public sealed class AccountService
            {
                private readonly ILogger<AccountService> _logger;
                private readonly AppLog _audit;
                private readonly Dictionary<string, UserAccount> _accounts = new(StringComparer.OrdinalIgnoreCase);

                public AccountService(ILogger<AccountService> logger, AppLog audit)
                {
                    _logger = logger;
                    _audit = audit;
                }

                public Task<UserAccount?> FindAsync(string userName)
                {
                    _accounts.TryGetValue(userName, out var account);
                    return Task.FromResult(account);
                }


            """);
        for (var i = 0; i < 3; i++)
        {
            body.Append($"    public int Process{i}({Parameters})\n    {{\n        var count = 0;\n");
            Method(body, Mel, "        ", statements: 3);
            body.Append("        return count;\n    }\n\n");
        }

        body.Append($"    public int Run({Parameters}) => Process0({Arguments}) + Process1({Arguments});\n}}\n");
        return body.ToString();
    }

    private string SerilogService(string ns) => LibraryService(ns, "using Serilog;\nusing Serilog.Context;\n", "Serilog.ILogger _log", "Serilog.Log.ForContext<OrderService>()", SerilogCalls);

    private string NLogService(string ns) => LibraryService(ns, "using NLog;\n", "NLog.Logger _log", "NLog.LogManager.GetCurrentClassLogger()", NLogCalls);

    private string Log4NetService(string ns) => LibraryService(ns, "", "log4net.ILog _log", "log4net.LogManager.GetLogger(typeof(OrderService))", Log4NetCalls);

    private string LibraryService(string ns, string extraUsings, string field, string initializer, string[] calls)
    {
        var body = new StringBuilder();
        body.Append(Usings).Append(extraUsings).Append($$"""
            namespace {{ns}};

            public sealed class OrderService
            {
                private readonly {{field}} = {{initializer}};


            """);
        for (var i = 0; i < 3; i++)
        {
            body.Append($"    public int Place{i}({Parameters})\n    {{\n        var count = 0;\n");
            Method(body, calls, "        ", statements: 3);
            body.Append("        return count;\n    }\n\n");
        }

        body.Append("}\n");
        return body.ToString();
    }

    private string Middleware(string ns)
    {
        var body = new StringBuilder();
        body.Append(Usings).Append($$"""
            namespace {{ns}};

            public sealed class RequestMiddleware
            {
                private readonly RequestDelegate _next;
                private readonly ILogger<RequestMiddleware> _logger;

                public RequestMiddleware(RequestDelegate next, ILogger<RequestMiddleware> logger)
                {
                    _next = next;
                    _logger = logger;
                }

                public async Task InvokeAsync(HttpContext context)
                {
                    var started = Stopwatch.GetTimestamp();

            """);
        for (var i = 0; i < 3; i++)
        {
            LogStatement(body, MiddlewareCalls, "        ");
            Filler(body, "        ", context: true);
        }

        body.Append("""
                    await _next(context);
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

            """);
        LogStatement(body, MiddlewareCalls, "        ");
        body.Append("    }\n\n");
        body.Append($"    public static int Diagnose({Parameters})\n    {{\n        var count = 0;\n");
        Method(body, ConsoleCalls, "        ", statements: 3);
        body.Append("        return count;\n    }\n}\n");
        return body.ToString();
    }

    private string LoggingDefinitions(string ns)
    {
        var body = new StringBuilder();
        body.Append(Usings).Append($$"""
            namespace {{ns}};

            internal static class LogMessages
            {
                private static readonly Action<ILogger, string, Exception?> s_loginSucceeded =
                    LoggerMessage.Define<string>(LogLevel.Information, new EventId(1, "LoginSucceeded"), "Login succeeded for {UserName}");

                private static readonly Action<ILogger, string, int, Exception?> s_tokenIssued =
                    LoggerMessage.Define<string, int>(LogLevel.Debug, new EventId(2, "TokenIssued"), "Issued {AccessToken} valid for {ExpiresIn} s");

                private static readonly Func<ILogger, int, IDisposable?> s_orderScope =
                    LoggerMessage.DefineScope<int>("Order {OrderId}");

                public static void LoginSucceeded(ILogger logger, string userName) => s_loginSucceeded(logger, userName, null);

                public static void TokenIssued(ILogger logger, string token, int expiresIn) => s_tokenIssued(logger, token, expiresIn, null);

                public static IDisposable? OrderScope(ILogger logger, int orderId) => s_orderScope(logger, orderId);
            }

            internal static partial class Events
            {
                [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Order {OrderId} placed by {Email}")]
                public static partial void OrderPlaced(ILogger logger, int orderId, string email);

                [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Password reset for {Email} with {ResetToken}")]
                public static partial void ResetRequested(ILogger logger, string email, string resetToken);

                [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "Signed in {UserId} from {Country}")]
                public static partial void SignedIn(ILogger logger, int userId, string country);

                public static partial void OrderPlaced(ILogger logger, int orderId, string email) { }

                public static partial void ResetRequested(ILogger logger, string email, string resetToken) { }

                public static partial void SignedIn(ILogger logger, int userId, string country) { }
            }

            public sealed class CheckoutService
            {
                private readonly ILogger _logger;

                public CheckoutService(ILogger<CheckoutService> logger) => _logger = logger;


            """);
        for (var i = 0; i < 2; i++)
        {
            body.Append($"    public int Checkout{i}({Parameters})\n    {{\n        var count = 0;\n");
            Method(body, DefinedCalls, "        ", statements: 3);
            body.Append("        return count;\n    }\n\n");
        }

        body.Append("}\n");
        return body.ToString();
    }

    /// <summary>A method body: business code with one log call after every few filler blocks.</summary>
    private void Method(StringBuilder body, string[] calls, string indent, int statements)
    {
        for (var i = 0; i < statements; i++)
        {
            Filler(body, indent, context: false);
            if (_random.Next(3) == 0)
            {
                Filler(body, indent, context: false);
            }

            LogStatement(body, calls, indent);
        }
    }

    private void LogStatement(StringBuilder body, string[] calls, string indent)
    {
        var k = ++_unique;
        var statement = calls[_random.Next(calls.Length)].Replace("{k}", k.ToString());
        foreach (var line in statement.Split('\n'))
        {
            body.Append(indent).Append(line).Append('\n');
            if (line.Contains("@@", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("unreplaced marker");
            }
        }

        // Every statement in the pools holds exactly one log call.
        _logCalls++;
    }

    private void Filler(StringBuilder body, string indent, bool context)
    {
        var k = ++_unique;
        var pool = context ? ContextFiller : BusinessFiller;
        var text = pool[_random.Next(pool.Length)].Replace("{k}", k.ToString()).Replace("{n}", _random.Next(1, 9).ToString());
        foreach (var line in text.Split('\n'))
        {
            body.Append(line.Length == 0 ? "" : indent).Append(line).Append('\n');
        }
    }

    private static readonly string[] BusinessFiller =
    {
        """
        var subtotal{k} = 0m;
        foreach (var line in items)
        {
            if (line.Quantity <= 0)
            {
                continue;
            }

            subtotal{k} += line.Price * line.Quantity;
        }

        count += subtotal{k} > {n}00 ? 1 : 0;

        """,
        """
        var names{k} = items
            .Where(l => l.Quantity > {n})
            .Select(l => l.Name.Trim().ToUpperInvariant())
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
        if (names{k}.Count > {n})
        {
            count += names{k}.Count;
        }

        """,
        """
        var key{k} = $"{account.Id}:{account.Country}:{items.Count}";
        var hash{k} = 17;
        for (var i = 0; i < key{k}.Length; i++)
        {
            hash{k} = unchecked(hash{k} * 31 + key{k}[i]);
        }

        count ^= hash{k} & 0xFF;

        """,
        """
        if (account.Manager is { } manager{k} && manager{k}.Country != account.Country)
        {
            count += manager{k}.Lines.Count;
        }
        else if (request.RememberMe)
        {
            count++;
        }

        """,
        """
        var age{k} = DateTime.UtcNow - account.CreatedAt;
        switch (age{k}.TotalDays)
        {
            case < 1:
                count += 3;
                break;
            case < 30:
                count += 2;
                break;
            default:
                count += 1;
                break;
        }

        """,
        """
        var grouped{k} = items.GroupBy(l => l.Name.Length % {n}).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        foreach (var pair in grouped{k})
        {
            count += pair.Key * pair.Value;
        }

        """,
    };

    private static readonly string[] ContextFiller =
    {
        """
        if (context.Request.Query.TryGetValue("page", out var page{k}) && int.TryParse(page{k}, out var number{k}))
        {
            context.Items["page"] = number{k};
        }

        """,
        """
        var path{k} = context.Request.Path.HasValue ? context.Request.Path.Value! : "/";
        if (path{k}.StartsWith("/health", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = 200;
        }

        """,
        """
        foreach (var header in context.Request.Headers)
        {
            if (header.Key.Length > {n}0)
            {
                context.Items[header.Key] = header.Value.Count;
            }
        }

        """,
    };

    // Each entry is one statement with exactly one log call; about a third write a secret.
    private static readonly string[] Mel =
    {
        "_logger.LogInformation(\"User {UserName} signed in with {ItemCount} items\", request.UserName, items.Count);",
        "_logger.LogInformation(\"Login {UserName} {Password}\", request.UserName, request.Password);",
        "_logger.LogDebug($\"Processing {items.Count} items for {account.Email}\");",
        "_logger.LogDebug($\"Issued {tokens.AccessToken} to {account.Email}\");",
        "_logger.LogWarning(\"Order total for \" + account.DisplayName + \" exceeds \" + count);",
        "_logger.LogWarning(\"Refresh token \" + tokens.RefreshToken + \" rejected\");",
        "_logger.LogInformation(\"Account {@Account}\", new { account.Id, account.Email, account.Country });",
        "_logger.LogInformation(\"Account {@Account}\", new { account.Email, account.PasswordHash });",
        "using (_logger.BeginScope(new Dictionary<string, object> { [\"UserId\"] = account.Id, [\"Country\"] = account.Country }))\n{\n    count++;\n}",
        "using (_logger.BeginScope(new Dictionary<string, object?> { [\"ApiKey\"] = account.ApiKey }))\n{\n    count++;\n}",
        "_logger.Log(LogLevel.Information, \"Token expires in {ExpiresIn} s\", tokens.ExpiresIn);",
        "_logger.LogInformation(\"Token for {Email}: {Token}\", account.Email, Redaction.Mask(tokens.AccessToken));",
        "_logger.LogInformation(\"Password length {Length}\", request.Password.Length);",
        "var token{k} = tokens.AccessToken;\n_logger.LogTrace(\"Token {Value}\", token{k});",
        "var display{k} = account.DisplayName.Trim();\n_logger.LogTrace(\"Display {Value}\", display{k});",
        "_logger.LogInformation(\"Formatted {Line}\", string.Format(\"{0}/{1}\", account.Email, account.Country));",
        "_logger.LogError(\"Credentials {Pair}\", string.Format(\"{0}:{1}\", request.UserName, request.Password));",
        "_logger.LogInformation(\"Entry {Entry}\", new KeyValuePair<string, object>(\"Country\", account.Country));",
        "_audit.Audit(\"login\", new { request.UserName, account.Country });",
        "_audit.Audit(\"login\", new { request.UserName, request.Password });",
        "_audit.Event(\"refresh\", tokens.RefreshToken);",
        "_audit.Event(\"country\", account.Country);",
        "_logger.LogCritical(\"Manager {Manager}\", account.Manager?.Email ?? \"none\");",
    };

    private static readonly string[] LoginFailedCalls =
    {
        "_logger.LogWarning(\"Unknown user {UserName}\", request.UserName);",
        "_logger.LogWarning(\"Unknown user {UserName} tried {Password}\", request.UserName, request.Password);",
    };

    private static readonly string[] Controllers = Concat(Mel, new[]
    {
        "_logger.LogInformation(\"Session {SessionId} for {UserName}\", HttpContext.Session.Id, request.UserName);",
        "_logger.LogInformation(\"Trace {TraceId} for {UserName}\", HttpContext.TraceIdentifier, request.UserName);",
    });

    private static readonly string[] SerilogCalls =
    {
        "_log.Information(\"Order by {UserName} with {ItemCount} items\", request.UserName, items.Count);",
        "_log.Information(\"Login {UserName} {Password}\", request.UserName, request.Password);",
        "_log.Debug(\"Account {@Account}\", new { account.Id, account.Country });",
        "_log.Debug(\"Account {@Account}\", account);",
        "_log.ForContext(\"AccessToken\", tokens.AccessToken).Warning(\"Refreshed\");",
        "_log.ForContext(\"Country\", account.Country).Warning(\"Refreshed\");",
        "using (LogContext.PushProperty(\"UserId\", account.Id))\n{\n    count++;\n}",
        "using (LogContext.PushProperty(\"RefreshToken\", tokens.RefreshToken))\n{\n    count++;\n}",
        "Serilog.Log.Warning($\"Key {account.ApiKey} used by {account.Email}\");",
        "Serilog.Log.Warning($\"Order for {account.Email} at {DateTime.UtcNow}\");",
        "_log.Error(\"Total \" + count + \" for \" + account.DisplayName);",
    };

    private static readonly string[] NLogCalls =
    {
        "_log.Info(\"Order by {UserName} with {ItemCount} items\", request.UserName, items.Count);",
        "_log.Info(\"Login {UserName} {Password}\", request.UserName, request.Password);",
        "_log.Warn(\"Key {0}\", account.ApiKey);",
        "_log.Warn(\"Country {0}\", account.Country);",
        "_log.ForInfoEvent().Message(\"Login\").Property(\"Password\", request.Password).Log();",
        "_log.ForInfoEvent().Message(\"Login\").Property(\"UserName\", request.UserName).Log();",
        "_log.Debug($\"Token {tokens.AccessToken}\");",
        "using (ScopeContext.PushProperty(\"SessionId\", request.UserName + tokens.RefreshToken))\n{\n    count++;\n}",
        "using (ScopeContext.PushProperty(\"UserId\", account.Id))\n{\n    count++;\n}",
        "_log.Debug($\"Lines {items.Count} for {account.Email}\");",
        "_log.Error(\"Total \" + count + \" for \" + account.DisplayName);",
    };

    private static readonly string[] Log4NetCalls =
    {
        "_log.InfoFormat(\"Order by {0} with {1} items\", request.UserName, items.Count);",
        "_log.InfoFormat(\"Login {0} {1}\", request.UserName, request.Password);",
        "_log.Debug(\"Token \" + tokens.AccessToken);",
        "_log.Debug(\"Country \" + account.Country);",
        "_log.Warn($\"Refresh {tokens.RefreshToken} for {account.Email}\");",
        "_log.Warn($\"Lines {items.Count} for {account.Email}\");",
        "_log.Error(new { account.Id, account.Email });",
    };

    private static readonly string[] ConsoleCalls =
    {
        "Console.WriteLine($\"Debug: {request.UserName} has {items.Count} items\");",
        "Console.WriteLine($\"Debug: {request.UserName} / {request.Password}\");",
        "Console.Error.WriteLine(\"Account \" + account.Email);",
        "Console.Error.WriteLine(\"Key \" + account.ApiKey);",
        "Debug.WriteLine(\"Token {0}\", tokens.AccessToken);",
        "Debug.WriteLine(\"Count {0}\", count);",
        "Trace.TraceInformation(\"User {0} from {1}\", account.Email, account.Country);",
        "Trace.TraceWarning(\"Hash {0}\", account.PasswordHash);",
    };

    private static readonly string[] MiddlewareCalls =
    {
        "_logger.LogInformation(\"Request {Method} {Path}\", context.Request.Method, context.Request.Path);",
        "_logger.LogDebug(\"Authorization {Authorization}\", context.Request.Headers.Authorization);",
        "_logger.LogInformation(\"Session {SessionId}\", context.Session.Id);",
        "_logger.LogInformation(\"User agent {UserAgent}\", context.Request.Headers.UserAgent);",
        "_logger.LogInformation(\"Response {StatusCode} for {TraceId}\", context.Response.StatusCode, context.TraceIdentifier);",
        "_logger.LogInformation($\"Cookie {context.Request.Cookies[\"session_id\"]}\");",
        "_logger.LogInformation($\"Query {context.Request.QueryString}\");",
    };

    private static readonly string[] DefinedCalls =
    {
        "LogMessages.LoginSucceeded(_logger, request.UserName);",
        "LogMessages.TokenIssued(_logger, tokens.AccessToken, tokens.ExpiresIn);",
        "using (LogMessages.OrderScope(_logger, account.Id))\n{\n    count++;\n}",
        "Events.OrderPlaced(_logger, account.Id, account.Email);",
        "Events.ResetRequested(_logger, account.Email, tokens.RefreshToken);",
        "Events.SignedIn(_logger, account.Id, account.Country);",
        "_logger.LogInformation(\"Checkout {UserName} {Total}\", request.UserName, count);",
        "_logger.LogInformation(\"Card {@Payment}\", new PaymentInfo(account.DisplayName, \"4242\", \"123\"));",
    };

    private static string[] Concat(string[] first, string[] second)
    {
        var result = new string[first.Length + second.Length];
        first.CopyTo(result, 0);
        second.CopyTo(result, first.Length);
        return result;
    }
}
