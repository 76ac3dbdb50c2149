using System.Threading.Tasks;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LogSafety.Analyzers.Rules.LoggedSecretAnalyzer,
    LogSafety.CodeFixes.RemoveLoggedValueCodeFixProvider>;

namespace LogSafety.Analyzers.Tests.CodeFixes.Removal;

/// <summary>"Remove '…' from the log call", one diagnostic at a time (mirrors src/LogSafety.CodeFixes/Removal/ListEdit.cs): Removing an anonymous member, a dictionary or collection entry, a tuple element.</summary>
public sealed class ListEditTests
{
    [Fact]
    public Task Mel_AnonymousMember_RemovesMember() => Verify.VerifyCodeFixAsync("""
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string email, string password)
            {
                using (logger.BeginScope(new { email, {|LS0001:password|} }))
                {
                }
            }
        }
        """, """
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string email, string password)
            {
                using (logger.BeginScope(new { email }))
                {
                }
            }
        }
        """);

    [Fact]
    public Task Mel_DictionaryIndexerEntry_RemovesEntry() => Verify.VerifyCodeFixAsync("""
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string userId, string sessionId)
            {
                using var scope = logger.BeginScope(new Dictionary<string, object>
                {
                    ["UserId"] = userId,
                    ["SessionId"] = {|LS0003:sessionId|},
                });
            }
        }
        """, """
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string userId, string sessionId)
            {
                using var scope = logger.BeginScope(new Dictionary<string, object>
                {
                    ["UserId"] = userId,
                });
            }
        }
        """);

    [Fact]
    public Task Mel_DictionaryCollectionEntry_RemovesEntry() => Verify.VerifyCodeFixAsync("""
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string password, string userId)
            {
                using var scope = logger.BeginScope(new Dictionary<string, object> { { "Password", {|LS0001:password|} }, { "UserId", userId } });
            }
        }
        """, """
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string password, string userId)
            {
                using var scope = logger.BeginScope(new Dictionary<string, object> { { "UserId", userId } });
            }
        }
        """);

    [Fact]
    public Task Mel_KeyValuePairListEntry_RemovesEntry() => Verify.VerifyCodeFixAsync("""
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string userId, string token)
            {
                using var scope = logger.BeginScope(new List<KeyValuePair<string, object>>
                {
                    new("UserId", userId),
                    new("Token", {|LS0002:token|})
                });
            }
        }
        """, """
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;

        class C
        {
            void M(ILogger logger, string userId, string token)
            {
                using var scope = logger.BeginScope(new List<KeyValuePair<string, object>>
                {
                    new("UserId", userId)
                });
            }
        }
        """);

    [Fact]
    public Task Serilog_KeyedTupleInArray_RemovesPair() => Verify.VerifyCodeFixAsync("""
        using Serilog;

        class C
        {
            void M(string userId, string otp)
            {
                Log.Information("Fields {@Fields}", new[] { ("UserId", userId), ("Otp", {|LS0002:otp|}) });
            }
        }
        """, """
        using Serilog;

        class C
        {
            void M(string userId, string otp)
            {
                Log.Information("Fields {@Fields}", new[] { ("UserId", userId) });
            }
        }
        """);

    [Fact]
    public Task Serilog_NamedTupleElement_RemovesElement() => Verify.VerifyCodeFixAsync("""
        using Serilog;

        class C
        {
            void M(string email, string password, string ip)
            {
                Log.Information("Attempt {@Attempt}", (Email: email, Password: {|LS0001:password|}, Ip: ip));
            }
        }
        """, """
        using Serilog;

        class C
        {
            void M(string email, string password, string ip)
            {
                Log.Information("Attempt {@Attempt}", (Email: email, Ip: ip));
            }
        }
        """);

    [Fact]
    public Task Wrapper_AnonymousObjectMember_RemovesMember() => Verify.VerifyCodeFixAsync("""
        using Microsoft.Extensions.Logging;

        class Audit
        {
            private readonly ILogger _logger;

            public Audit(ILogger logger) => _logger = logger;

            public void Log(string eventName, object details) => _logger.LogInformation("{Event} {@Details}", eventName, details);

            void M(string email, string ip, string password)
            {
                Log("login_failed", new { email, ip, {|LS0001:password|} });
            }
        }
        """, """
        using Microsoft.Extensions.Logging;

        class Audit
        {
            private readonly ILogger _logger;

            public Audit(ILogger logger) => _logger = logger;

            public void Log(string eventName, object details) => _logger.LogInformation("{Event} {@Details}", eventName, details);

            void M(string email, string ip, string password)
            {
                Log("login_failed", new { email, ip });
            }
        }
        """);
}
