using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LogSafety.Analyzers.Rules.LoggedSecretAnalyzer>;

namespace LogSafety.Analyzers.Tests.Rules;

/// <summary>
/// Every logging API × every value form × every rule (LS0001-LS0003), each positive beside its near-miss negative:
/// the same call and form with the secret replaced by what may be logged (its length, a descriptor, an email).
/// </summary>
public sealed class ApiValueFormMatrixTests
{
    /// <summary>How each API writes one value; VALUE is replaced by the value form.</summary>
    private static readonly Dictionary<string, string> Apis = new()
    {
        ["MelExtension"] = "logger.LogInformation(\"Event {Value}\", VALUE);",
        ["MelLogWithLevel"] = "logger.Log(LogLevel.Warning, new EventId(7), \"Event {Value}\", VALUE);",
        ["MelBeginScope"] = "using (logger.BeginScope(\"Scope {Value}\", VALUE)) { }",
        ["MelDefine"] = "Event(logger, VALUE, null);",
        ["MelLoggerMessage"] = "Generated.Event(logger, VALUE);",
        ["SerilogInstance"] = "serilog.Information(\"Event {Value}\", VALUE);",
        ["SerilogStatic"] = "Serilog.Log.Warning(\"Event {Value}\", VALUE);",
        ["NLog"] = "nlog.Info(\"Event {Value}\", VALUE);",
        ["Log4NetFormat"] = "log4.InfoFormat(\"Event {0}\", VALUE);",
        ["Console"] = "System.Console.WriteLine(\"Event {0}\", VALUE);",
        ["DebugPrint"] = "System.Diagnostics.Debug.Print(\"Event {0}\", VALUE);",
        ["TraceWarning"] = "System.Diagnostics.Trace.TraceWarning(\"Event {0}\", VALUE);",
        ["AppWrapper"] = "Audit(\"event\", VALUE);",
    };

    /// <summary>Value forms: SECRET is the secret variable (with markup), KEY a key naming the secret.</summary>
    private static readonly Dictionary<string, (string Positive, string Negative)> Forms = new()
    {
        ["Argument"] = ("SECRET", "SECRETNAME.Length"),
        ["InterpolationHole"] = ("$\"by {email}: {SECRET}\"", "$\"by {email}: {SECRETNAME.Length}\""),
        ["Concatenation"] = ("\"by \" + email + \": \" + SECRET", "\"by \" + email + \": \" + SECRETNAME.Length"),
        ["StringFormat"] = ("string.Format(\"{0} {1}\", email, SECRET)", "string.Format(\"{0} {1}\", email, SECRETNAME.Length)"),
        ["AnonymousMember"] = ("new { email, SECRET }", "new { email, SECRETNAME.Length }"),
        ["DictionaryEntry"] = ("new Dictionary<string, object> { [\"email\"] = email, [\"KEY\"] = MARKED_other }", "new Dictionary<string, object> { [\"email\"] = email, [\"KEY_policy\"] = other }"),
        ["TupleEntry"] = ("(\"KEY\", MARKED_other)", "(\"KEY_length\", other)"),
        ["NamedTupleElement"] = ("(Email: email, PASCAL: MARKED_other)", "(Email: email, PASCALCount: other)"),
        ["ArrayElement"] = ("new object[] { email, SECRET }", "new object[] { email, SECRETNAME.Length }"),
    };

    private static readonly Dictionary<string, (string Id, string Name, string Key, string Pascal)> Secrets = new()
    {
        ["Password"] = ("LS0001", "password", "password", "Password"),
        ["Token"] = ("LS0002", "refreshToken", "refresh_token", "RefreshToken"),
        ["Session"] = ("LS0003", "sessionId", "session_id", "SessionId"),
    };

    public static IEnumerable<object[]> ApiNames() => Apis.Keys.Select(api => new object[] { api });

    /// <summary>One compilation per API holds every form × rule, one statement each, so failures still point at a line.</summary>
    [Theory]
    [MemberData(nameof(ApiNames))]
    public Task Secret_IsReported_InEveryValueForm(string api)
    {
        var statements =
            from form in Forms.Values
            from secret in Secrets.Values
            select Apis[api].Replace("VALUE", form.Positive
                .Replace("SECRET", "{|" + secret.Id + ":" + secret.Name + "|}")
                .Replace("MARKED_other", "{|" + secret.Id + ":other|}")
                .Replace("KEY", secret.Key)
                .Replace("PASCAL", secret.Pascal));
        return Verify.VerifyAnalyzerAsync(Source(statements));
    }

    [Theory]
    [MemberData(nameof(ApiNames))]
    public Task NearMiss_IsNotReported_InEveryValueForm(string api)
    {
        var statements =
            from form in Forms.Values
            from secret in Secrets.Values
            select Apis[api].Replace("VALUE", form.Negative
                .Replace("SECRETNAME", secret.Name)
                .Replace("KEY", secret.Key)
                .Replace("PASCAL", secret.Pascal));
        return Verify.VerifyAnalyzerAsync(Source(statements));
    }

    private static string Source(IEnumerable<string> statements) => $$"""
        using System;
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;

        static partial class Generated
        {
            [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Event {Value}")]
            public static partial void Event(ILogger logger, object value);
            public static partial void Event(ILogger logger, object value) { }
        }

        class C
        {
            private static readonly Action<ILogger, object, Exception?> Event =
                LoggerMessage.Define<object>(LogLevel.Information, new EventId(1), "Event {Value}");

            private readonly Serilog.ILogger serilog = null!;
            private readonly NLog.Logger nlog = null!;
            private readonly log4net.ILog log4 = null!;

            private void Audit(string name, object data) => serilog.Information("{Name} {Data}", name, data);

            void M(ILogger logger, string email, string password, string refreshToken, string sessionId, string other)
            {
                {{string.Join("\n        ", statements)}}
            }
        }
        """;
}
