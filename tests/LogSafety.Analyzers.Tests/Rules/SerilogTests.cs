using System.Threading.Tasks;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LogSafety.Analyzers.Rules.LoggedSecretAnalyzer>;

namespace LogSafety.Analyzers.Tests.Rules;

public sealed class SerilogTests
{
    [Fact]
    public Task Serilog_InstanceAndStaticLevels_Report() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Serilog;
        using Serilog.Events;

        class C
        {
            void M(ILogger logger, Exception ex, string email, string password, string refreshToken, string sessionId)
            {
                logger.Verbose("v {Email} {Password}", email, {|LS0001:password|});
                logger.Debug("d {Token}", {|LS0002:refreshToken|});
                logger.Information("i {Session}", {|LS0003:sessionId|});
                logger.Warning(ex, "w {Email} {Password}", email, {|LS0001:password|});
                logger.Error("e {A} {B} {C} {D}", email, email, email, {|LS0001:password|});
                logger.Fatal("f {Password}", {|LS0001:password|});
                logger.Write(LogEventLevel.Information, "w {Password}", {|LS0001:password|});
                Log.Information("s {Email} {Password}", email, {|LS0001:password|});
                Log.Logger.Information("s {Password}", {|LS0001:password|});
            }
        }
        """);

    [Fact]
    public Task Serilog_SafeValues_DoNotReport() => Verify.VerifyAnalyzerAsync("""
        using Serilog;

        class C
        {
            void M(ILogger logger, string email, string password, string jti)
            {
                logger.Information("Login {Email} {PasswordLength}", email, password.Length);
                logger.Information("Revoked {Jti}", jti);
                Log.Information("Password changed for {Email}", email);
            }
        }
        """);

    [Fact]
    public Task Serilog_BindMessageTemplate_WritesNothing() => Verify.VerifyAnalyzerAsync("""
        using Serilog;

        class C
        {
            // Marked [MessageTemplateFormatMethod] like the level methods, but it only binds: the caller gets the
            // template and properties back, and nothing reaches a sink.
            void M(ILogger logger, string password)
            {
                logger.BindMessageTemplate("Login {Password}", new object[] { password }, out var template, out var properties);
                Log.BindMessageTemplate("Login {Password}", new object[] { password }, out template, out properties);
                logger.Information("Login {Password}", {|LS0001:password|});
            }
        }
        """);

    [Fact]
    public Task Serilog_PositionalTemplate_JudgesValuesByTheirOwnNames() => Verify.VerifyAnalyzerAsync("""
        using Serilog;

        class C
        {
            void M(ILogger logger, string email, string password, string x)
            {
                logger.Information("{1} logged in as {0}", {|LS0001:password|}, email);
                logger.Information("{1} logged in as {0}", x, email);
            }
        }
        """);

    [Fact]
    public Task Serilog_ForContextAndPushProperty_NameCounts() => Verify.VerifyAnalyzerAsync("""
        using Serilog;
        using Serilog.Context;

        class C
        {
            void M(ILogger logger, string email, string value, string accessToken)
            {
                logger.ForContext("AccessToken", {|LS0002:value|}).Information("Refreshed for {Email}", email);
                logger.ForContext("Caller", {|LS0002:accessToken|}).Information("Refreshed");
                logger.ForContext("Email", email).Information("Refreshed");
                using (LogContext.PushProperty("SessionId", {|LS0003:value|})) { }
                using (LogContext.PushProperty("UserId", value)) { }
            }
        }
        """);

    [Fact]
    public Task Serilog_DiagnosticContextSet_IsAPropertyOfTheRequestEvent() => Verify.VerifyAnalyzerAsync("""
        using System.IO;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;

        // Serilog.Extensions.Hosting's request-logging context, declared here as the package declares it.
        namespace Serilog
        {
            public interface IDiagnosticContext
            {
                void Set(string propertyName, object value, bool destructureObjects = false);
                void SetException(System.Exception exception);
            }
        }

        class RequestEnricher
        {
            async Task Enrich(Serilog.IDiagnosticContext diagnosticContext, HttpContext http, System.Collections.Generic.Dictionary<string, object> cache, string accessToken)
            {
                using var reader = new StreamReader(http.Request.Body);
                var body = await reader.ReadToEndAsync();
                diagnosticContext.Set("RequestBody", {|LS0004:body|});
                diagnosticContext.Set("Caller", {|LS0002:accessToken|});
                diagnosticContext.Set("Path", http.Request.Path.ToString());
                diagnosticContext.Set("Length", body.Length);
                cache["body"] = body;
                System.Collections.Generic.CollectionExtensions.TryAdd(cache, "token", accessToken);
            }
        }
        """);

    [Fact]
    public Task Serilog_InterpolatedTemplate_Reports() => Verify.VerifyAnalyzerAsync("""
        using Serilog;

        class C
        {
            void M(ILogger logger, string email, string apiKey)
            {
                logger.Information($"Key {{|LS0002:apiKey|}} used by {email}");
            }
        }
        """);

    [Fact]
    public Task Serilog_DestructuredAnonymousObject_MembersJudged() => Verify.VerifyAnalyzerAsync("""
        using Serilog;

        class C
        {
            void M(ILogger logger, string email, string ip, string password)
            {
                logger.Information("login_attempt {@Data}", new { email, ip, {|LS0001:password|} });
                logger.Information("login_attempt {@Data}", new { email, ip });
            }
        }
        """);
}
