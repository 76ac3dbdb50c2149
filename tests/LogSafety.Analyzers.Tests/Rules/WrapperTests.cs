using System.Threading.Tasks;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LogSafety.Analyzers.Rules.LoggedSecretAnalyzer>;

namespace LogSafety.Analyzers.Tests.Rules;

public sealed class WrapperTests
{
    [Fact]
    public Task ChapterStyleWrapper_AnonymousMembers_Report() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class AuthEndpoints
        {
            private readonly ILogger _logger;
            public AuthEndpoints(ILogger logger) => _logger = logger;

            private void log(string evt, object data) => _logger.LogInformation("{Event} {@Data}", evt, data);

            void Login(string email, string ip, string password, string userId, string sessionId)
            {
                log("login_success", new { email, ip, userId });
                log("login_failed", new { email, ip, reason = "wrong_password" });
                log("login_attempt", new { email, {|LS0001:password|} });
                log("session_created", new { {|LS0003:sessionId|}, userId });
                log("session_created", new { userId });
            }
        }
        """);

    [Fact]
    public Task TransitiveWrapper_Reports() => Verify.VerifyAnalyzerAsync("""
        using Serilog;

        static class Audit
        {
            public static void Event(string name, object? data = null) => Write(name, data);
            private static void Write(string name, object? data) => Log.Information("{Name} {@Data}", name, data);
        }

        class C
        {
            void M(string email, string refreshToken)
            {
                Audit.Event("refresh", new { email, {|LS0002:refreshToken|} });
                Audit.Event("refresh", new { email });
                Audit.Event("refresh", {|LS0002:refreshToken|});
            }
        }
        """);

    [Fact]
    public Task LocalFunctionWrapper_Reports() => Verify.VerifyAnalyzerAsync("""
        using System;

        class C
        {
            void M(string email, string password)
            {
                void log(string evt, object data) => Console.WriteLine($"{evt} {data}");
                log("login_attempt", new { email, {|LS0001:password|} });
                log("login_attempt", new { email });
            }
        }
        """);

    [Fact]
    public Task MethodThatDoesNotLog_IsNotAWrapper() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class Auth
        {
            private readonly ILogger _logger;
            public Auth(ILogger logger) => _logger = logger;

            public bool LogIn(string email, string password)
            {
                _logger.LogInformation("login_attempt {Email}", email);
                return Check(password);
            }

            private static bool Check(string password) => password.Length > 8;
        }

        class C
        {
            void M(Auth auth, string email, string password) => auth.LogIn(email, password);
        }
        """);

    [Fact]
    public Task RecursiveWrappers_Terminate() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            private readonly ILogger _logger = null!;

            void A(string data, int depth) { if (depth > 0) B(data, depth - 1); else _logger.LogInformation("{Data}", data); }
            void B(string data, int depth) { if (depth > 0) A(data, depth - 1); }

            void M(string password) => A({|LS0001:password|}, 3);
        }
        """);

    [Fact]
    public Task ConfiguredLogMethod_FromAnotherAssembly_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Text;

        class C
        {
            void M(StringBuilder sink, string password, string email)
            {
                sink.AppendLine({|LS0001:password|});
                sink.AppendLine(email);
            }
        }
        """,
        "logsafety.additional_log_methods = System.Text.StringBuilder.AppendLine\n");

    [Fact]
    public Task WrapperWhoseInnerCallReports_CallSiteStaysQuiet() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class AuthLog
        {
            private readonly ILogger _logger = null!;
            public void LoginAttempt(string email, string password) => _logger.LogInformation("Login {Email} {Password}", email, {|LS0001:password|});
            public void Refresh(string userId, string value) => _logger.LogInformation("Refresh {UserId} {RefreshToken}", userId, {|LS0002:value|});
        }

        class C
        {
            void M(AuthLog log, string email, string password, string userId, string refreshToken)
            {
                log.LoginAttempt(email, password);
                log.Refresh(userId, refreshToken);
            }
        }
        """);

    [Fact]
    public Task AppLoggerInterface_ImplementedByAdapter_Reports() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        public interface IAppLogger<T>
        {
            void LogInformation(string message, params object[] args);
            void LogWarning(string message, params object[] args);
        }

        public sealed class LoggerAdapter<T> : IAppLogger<T>
        {
            private readonly ILogger<T> _logger;
            public LoggerAdapter(ILoggerFactory factory) => _logger = factory.CreateLogger<T>();
            public void LogInformation(string message, params object[] args) => _logger.LogInformation(message, args);
            public void LogWarning(string message, params object[] args) => _logger.LogWarning(message, args);
        }

        class C
        {
            void M(IAppLogger<C> logger, string email, string password, string x)
            {
                logger.LogInformation("Login {Email} {Password}", email, {|LS0001:password|});
                logger.LogWarning("Reset {Email} {ResetToken}", email, {|LS0002:x|});
                logger.LogInformation("Login {Email}", email);
            }
        }
        """);

    [Fact]
    public Task AbstractMethodImplementedByOverride_Reports() => Verify.VerifyAnalyzerAsync("""
        using System;

        abstract class AuditSink { public abstract void Record(string evt, object data); }
        sealed class ConsoleAuditSink : AuditSink { public override void Record(string evt, object data) => Console.WriteLine($"{evt} {data}"); }

        class C
        {
            void M(AuditSink sink, string email, string sessionId)
            {
                sink.Record("session_created", new { email, {|LS0003:sessionId|} });
                sink.Record("session_created", new { email });
            }
        }
        """);

    [Fact]
    public Task OwnMethodMarkedAsTemplateMethod_Reports() => Verify.VerifyAnalyzerAsync("""
        using Serilog.Core;

        public interface IAuditLog
        {
            [MessageTemplateFormatMethod("messageTemplate")]
            void Audit(string messageTemplate, params object[] values);
        }

        class C
        {
            void M(IAuditLog audit, string email, string x)
            {
                audit.Audit("Reset {Email} {ResetToken}", email, {|LS0002:x|});
                audit.Audit("Reset {Email}", email);
            }
        }
        """);

    [Fact]
    public Task WrapperReachedThroughTypedField_TwoLevelsDeep_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;

        public interface IAuditTrail { void Add(string evt, object data); }

        public sealed class AuditTrail : IAuditTrail
        {
            private readonly ILogger<AuditTrail> _logger;
            public AuditTrail(ILogger<AuditTrail> logger) => _logger = logger;
            public void Add(string evt, object data) => _logger.LogInformation("{Event} {@Data}", evt, data);
        }

        public sealed class AccountEvents
        {
            private readonly IAuditTrail _trail;
            private readonly List<object> _pending = new();
            public AccountEvents(IAuditTrail trail) => _trail = trail;
            public void Record(string evt, object data) => _trail.Add(evt, data);
            public void Queue(object data) => _pending.Add(data);
        }

        public static class Audit
        {
            public static void Note(AuditTrail trail, string evt, object data) => trail.Add(evt, data);
        }

        class C
        {
            void M(AccountEvents events, AuditTrail trail, string email, string password)
            {
                events.Record("login", new { email, {|LS0001:password|} });
                Audit.Note(trail, "login", new { email, {|LS0001:password|} });
                events.Queue(new { email, password });
                events.Record("login", new { email });
            }
        }
        """);

    [Fact]
    public Task WrapperReachedWithoutReceiver_InNestedTypeAndExtension_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Serilog;

        public class Outer
        {
            protected static void Write(string name, object data) => Log.Information("{Name} {@Data}", name, data);

            public sealed class Inner
            {
                public void Record(string name, object data) => Write(name, data);
            }
        }

        public static class EventExtensions
        {
            public static void Audit(this List<string> names, string name, object data) => Log.Information("{Name} {@Data}", name, data);
            public static void AuditAll(this List<string> names, object data) => names.Audit("all", data);
        }

        class C
        {
            void M(Outer.Inner inner, List<string> names, string apiKey)
            {
                inner.Record("key", {|LS0002:apiKey|});
                names.AuditAll({|LS0002:apiKey|});
            }
        }
        """);

    [Fact]
    public Task WrapperLoopingOverItsFields_ReportsTheSecretItem_ButNotTheHarmlessOnes() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class Audit
        {
            private readonly ILogger _logger = null!;

            public void Event(string name, params (string Name, object Value)[] fields)
            {
                foreach (var field in fields)
                {
                    _logger.LogInformation("{Event}: {Field} = {Value}", name, field.Name, field.Value);
                }
            }

            public void Pairs(string name, params (string Key, object Value)[] pairs)
            {
                foreach (var (key, value) in pairs)
                {
                    _logger.LogInformation("{Event}: {Key} = {Value}", name, key, value);
                }
            }

            public void Count(string name, params (string Name, object Value)[] fields)
            {
                foreach (var field in fields)
                {
                    _logger.LogInformation("{Event}: {Length}", name, field.ToString().Length);
                }
            }
        }

        class Tokens
        {
            void Refresh(Audit audit, string issued, string user)
            {
                audit.Event("refresh", ("accessToken", {|LS0002:issued|}), ("userId", user));
                audit.Pairs("refresh", ("refreshToken", {|LS0002:issued|}));
                audit.Event("refresh", ("userId", user));
                audit.Count("refresh", ("accessToken", issued));
            }
        }
        """);

    [Fact]
    public Task ChainThroughSameNamedMethods_OnlyTheLoggingOneCounts() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class Store
        {
            private readonly System.Collections.Generic.List<string> _items = new();
            public void Save(string value) => _items.Add(value);
        }

        class AuditStore
        {
            private readonly ILogger _logger;
            public AuditStore(ILogger logger) => _logger = logger;
            public void Save(string value) => _logger.LogInformation("Saved {Value}", value);
        }

        class Service
        {
            private readonly Store _store = new();
            private readonly AuditStore _audit;
            public Service(AuditStore audit) => _audit = audit;

            public void Keep(string value) => _store.Save(value);
            public void Record(string value) => _audit.Save(value);
        }

        class C
        {
            void M(Service service, string apiKey)
            {
                service.Keep(apiKey);
                service.Record({|LS0002:apiKey|});
            }
        }
        """);

    [Fact]
    public Task CallerOfMethodsThatDoNotLog_StaysQuiet() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        static class QueryTrace
        {
            // Writes a text made from its parameters, not a parameter itself: no wrapper, and nor are its callers.
            public static void Query(string sql, object parameters) => Text(sql, parameters);
            private static void Text(string sql, object parameters) => System.Console.WriteLine(Format(sql, parameters));
            private static string Format(string sql, object parameters) => sql.Length.ToString();
        }

        class Repository
        {
            private readonly ILogger _logger;
            public Repository(ILogger logger) => _logger = logger;

            public void Insert(string password)
            {
                QueryTrace.Query("insert", password);
                _logger.LogInformation("Inserted");
            }
        }

        class C
        {
            void M(Repository repository, string password) => repository.Insert(password);
        }
        """);
}
