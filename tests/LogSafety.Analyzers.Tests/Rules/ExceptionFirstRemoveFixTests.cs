using System.Threading.Tasks;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LogSafety.Analyzers.Rules.LoggedSecretAnalyzer,
    LogSafety.CodeFixes.RemoveLoggedValueCodeFixProvider>;

namespace LogSafety.Analyzers.Tests.Rules;

/// <summary>The remove fix on exception-first calls: the exception stays, the template stays in step (params array and params span).</summary>
public sealed class ExceptionFirstRemoveFixTests
{
    [Fact]
    public Task NLogLogger_ExceptionFirstParamsSpan_RemovesValueKeepsException() => Verify.VerifyCodeFixAsync("""
        using System;
        using NLog;

        class C
        {
            void M(Logger logger, Exception ex, string name, string apiKey)
            {
                logger.Error(ex, "k {0} {1}", name, {|LS0002:apiKey|});
            }
        }
        """, """
        using System;
        using NLog;

        class C
        {
            void M(Logger logger, Exception ex, string name, string apiKey)
            {
                logger.Error(ex, "k {0}", name);
            }
        }
        """);

    [Fact]
    public Task NLogILogger_ExceptionFirstParamsArray_RemovesValueKeepsException() => Verify.VerifyCodeFixAsync("""
        using System;
        using NLog;

        class C
        {
            void M(ILogger logger, Exception ex, string name, string apiKey)
            {
                logger.Error(ex, "k {0} {1}", name, {|LS0002:apiKey|});
            }
        }
        """, """
        using System;
        using NLog;

        class C
        {
            void M(ILogger logger, Exception ex, string name, string apiKey)
            {
                logger.Error(ex, "k {0}", name);
            }
        }
        """);
}
