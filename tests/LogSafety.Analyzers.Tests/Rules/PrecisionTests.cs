using System.Threading.Tasks;
using Xunit;
using Verify = LogSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LogSafety.Analyzers.Rules.LoggedSecretAnalyzer>;

namespace LogSafety.Analyzers.Tests.Rules;

/// <summary>False-alarm patterns found on real code, each beside the near miss that must still report.</summary>
public sealed class PrecisionTests
{
    [Fact]
    public Task PieceCutFromAHandle_DoesNotReport_ButTrimmedTokenDoes() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class Streams
        {
            void Open(ILogger logger, string streamToken)
            {
                // "provider|channel|item": the handle is split and only the item id is logged.
                var segments = streamToken.Split('|');
                var itemId = segments.Length > 2 ? segments[2] : null;
                logger.LogDebug("Opening item {ItemId}", itemId);

                var cleaned = streamToken.Trim().ToLowerInvariant();
                logger.LogDebug("Opening {Handle}", {|LS0002:cleaned|});
            }
        }
        """);

    [Fact]
    public Task ValueReadOutOfAToken_DoesNotReport_ButTokenReadOutOfAHeaderDoes() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class Validator
        {
            private static string AudienceFromJwt(string jwt) => jwt.Length.ToString();
            private static string ReadTokenFromHeader(string header) => header;

            void Validate(ILogger logger, string jwt, string header)
            {
                var audience = AudienceFromJwt(jwt);
                logger.LogError("Unknown audience {Audience}", audience);

                var presented = ReadTokenFromHeader(header);
                logger.LogError("Rejected {Value}", {|LS0002:presented|});
            }
        }
        """);

    [Fact]
    public Task EmptyStringFallback_IsNotReported_ButTheTokenBesideItIs() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class Pinger
        {
            void Ping(ILogger logger, string url, string? hookToken)
            {
                logger.LogInformation("Pinging {Url} with {Token}", url, {|LS0002:hookToken|} ?? string.Empty);
                logger.LogInformation("Pinging {Url} with {Token}", url, string.Empty);
            }
        }
        """);

    [Fact]
    public Task MemberAlwaysMaskedWhereItIsSet_DoesNotExpose_ButMemberSetPlainlyDoes() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        static class Masking
        {
            public static string Obfuscate(this string value) => value.Length > 4 ? "****" + value.Substring(value.Length - 4) : "****";
        }

        class GrantAudit
        {
            public GrantAudit(string client, string refreshToken)
            {
                Client = client;
                RefreshToken = refreshToken?.Obfuscate();
            }

            public string Client { get; set; }
            public string? RefreshToken { get; set; }
        }

        class GrantTrace
        {
            public GrantTrace(string client, string refreshToken)
            {
                Client = client;
                RefreshToken = refreshToken;
            }

            public string Client { get; set; }
            public string RefreshToken { get; set; }
        }

        class Grants
        {
            void Refresh(ILogger logger, string client, string refreshToken)
            {
                logger.LogInformation("Refreshing {@Audit}", new GrantAudit(client, refreshToken));
                var trace = new GrantTrace(client, refreshToken);
                logger.LogInformation("Refreshing {@Trace}", {|LS0006:trace|});
            }
        }
        """);

    [Fact]
    public Task InitializerSettingOnlyHarmlessMembers_DoesNotExpose_ButOneSettingTheSecretDoes() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class ApiKeyQuery
        {
            public string? Owner { get; set; }
            public string? Label { get; set; }
            public string? ApiKey { get; set; }
        }

        class Keys
        {
            void Find(ILogger logger, string owner, string apiKey)
            {
                logger.LogDebug("Query {@Query}", new ApiKeyQuery { Owner = owner, Label = "ci" });
                logger.LogDebug("Query {@Query}", {|LS0006:new ApiKeyQuery { Owner = owner, ApiKey = apiKey }|});
            }
        }
        """);

    [Fact]
    public Task SessionIdMemberOfAPlainRecord_DoesNotExpose_ButOfASessionCarryingATokenDoes() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        // A grant lookup keyed by the protocol session id (the OpenID Connect 'sid' claim): no credential here.
        class GrantLookup
        {
            public string? Subject { get; set; }
            public string? SessionId { get; set; }
            public string? Client { get; set; }
        }

        class DeviceLogin
        {
            public string? SessionId { get; set; }
            public string? AccessToken { get; set; }
        }

        class Store
        {
            void Query(ILogger logger, GrantLookup lookup, DeviceLogin login)
            {
                logger.LogDebug("Loading grants {@Lookup}", lookup);
                logger.LogDebug("Device login {@Login}", {|LS0006:login|});
            }
        }
        """);

    [Fact]
    public Task PrivateMethodEveryCallerHashes_DoesNotReport_ButOneCallerPassingThePlainCodeReports() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Security.Cryptography;
        using System.Text;
        using Microsoft.Extensions.Logging;

        static class Hashing
        {
            public static string Sha256(this string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
        }

        class DeviceGrants
        {
            private readonly ILogger _logger = null!;

            public void Approve(string deviceCode) => Lookup(deviceCode.Sha256());
            public void Deny(string deviceCode) => Lookup(deviceCode.Sha256());

            private void Lookup(string deviceCode)
            {
                _logger.LogDebug("No grant for {DeviceCode}", deviceCode);
            }

            public void Poll(string userCode) => Find(userCode);
            public void Retry(string userCode) => Find(userCode.Sha256());

            private void Find(string verificationCode)
            {
                _logger.LogDebug("No grant for {Code}", {|LS0002:verificationCode|});
            }

            public void Expire(string deviceCode)
            {
                _logger.LogDebug("Expired {DeviceCode}", {|LS0002:deviceCode|});
            }
        }
        """);

    [Fact]
    public Task InterfaceImplementationEveryCallerHashes_DoesNotReport_ButOneReachedWithThePlainCodeReports() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Security.Cryptography;
        using System.Text;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;

        static class Hashing
        {
            public static string Sha256(this string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
        }

        interface IGrantStore
        {
            Task FindAsync(string deviceCode);
            Task RemoveAsync(string deviceCode);
        }

        interface IDeviceCodes
        {
            Task FindAsync(string deviceCode);
        }

        public class GrantStore : IGrantStore
        {
            private readonly ILogger _logger = null!;

            public virtual Task FindAsync(string deviceCode)
            {
                _logger.LogDebug("{DeviceCode} not found", deviceCode);
                return Task.CompletedTask;
            }

            public virtual Task RemoveAsync(string deviceCode)
            {
                _logger.LogDebug("Removing {DeviceCode}", {|LS0002:deviceCode|});
                return Task.CompletedTask;
            }

            public Task ExpireAsync(string deviceCode)
            {
                _logger.LogDebug("Expiring {DeviceCode}", {|LS0002:deviceCode|});
                return Task.CompletedTask;
            }
        }

        class DeviceCodes : IDeviceCodes
        {
            private readonly IGrantStore _store = null!;
            private readonly GrantStore _concrete = null!;

            public Task FindAsync(string deviceCode) => _store.FindAsync(deviceCode.Sha256());
            public Task FindDirectlyAsync(string deviceCode) => _concrete.FindAsync(deviceCode: deviceCode.Sha256());
            public Task RemoveAsync(string deviceCode) => _store.RemoveAsync(deviceCode);
        }

        class Validator
        {
            private readonly IDeviceCodes _codes = null!;

            // Another contract's FindAsync, called with the plain code: not a call of the store.
            Task Validate(string deviceCode) => _codes.FindAsync(deviceCode);
        }
        """);

    [Fact]
    public Task WrapperCallSite_NamesWhatTheWrapperWrites() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class Grants
        {
            private readonly ILogger _logger = null!;

            private void Missing(string kind, string handle)
            {
                _logger.LogDebug("{Kind} grant {Key} not found", kind, handle);
            }

            void Revoke(string refreshToken, string grantKind)
            {
                Missing(grantKind, refreshToken);
                Missing("refresh", grantKind);
            }
        }
        """,
        Verify.Diagnostic("LS0002").WithSpan(14, 28, 14, 40).WithSpan(14, 9, 14, 41)
            .WithArguments("refreshToken", "looks like a refresh token (written as 'Key')", "Missing"));

    [Fact]
    public Task TextWithPlaceholdersFilledIn_DoesNotReport_ButAGeneratedTokenDoes() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        static class Placeholders
        {
            // Fills "{{Database}}" style placeholders into a SQL script: the result is the script, not a token.
            public static string ReplaceTokens(string script) => script.Replace("{{Database}}", "app");
            public static string ValidateToken(string token) => token.Length == 32 ? "ok" : "wrong length";
            public static string GenerateResetToken() => System.Guid.NewGuid().ToString("N");
        }

        class Migrator
        {
            void Create(ILogger logger, string template, string presented)
            {
                var script = template;
                script = Placeholders.ReplaceTokens(script);
                logger.LogDebug("Running {Sql}", script);
                logger.LogDebug("Token check: {Verdict}", Placeholders.ValidateToken(presented));

                var reset = Placeholders.GenerateResetToken();
                logger.LogDebug("Reset with {Value}", {|LS0002:reset|});
            }
        }
        """);

    [Fact]
    public Task SecretPassedWhereACalleeExpectsItsName_DoesNotReport_ButTheSecretItLooksUpDoes() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;

        sealed class VaultSecret { public string Value { get; set; } = ""; }

        static class Vault
        {
            public static Task<VaultSecret> GetSecretByNameAsync(string secretName) => Task.FromResult(new VaultSecret());
            public static Task<VaultSecret> GetAsync(string name) => Task.FromResult(new VaultSecret());
            public static void Store(string secretName, string secret) { }
        }

        class Loader
        {
            // 'secret' holds the name the vault looks the secret up by.
            async Task<string> Load(ILogger logger, string secret)
            {
                var found = await Vault.GetSecretByNameAsync(secret);
                logger.LogDebug("Secret {Secret} retrieved", secret);
                logger.LogDebug("Vault entry {Entry} retrieved", secret);
                return found.Value;
            }

            // A bare 'name' parameter is no evidence, nor is a value also passed where a callee expects the secret itself.
            async Task LoadByName(ILogger logger, string secret, string other, string token)
            {
                await Vault.GetAsync(secret);
                logger.LogDebug("Secret {Secret}", {|LS0002:secret|});
                Vault.Store("db", other);
                logger.LogDebug("Value {Value}", other);
                Vault.Store(token, token);
                logger.LogDebug("Token {Token}", {|LS0002:token|});
            }

            // Reassigned with what the vault returned, directly or through a ref argument: now it is the secret.
            async Task Reassigned(ILogger logger, string secret, string apiKey)
            {
                secret = (await Vault.GetSecretByNameAsync(secret)).Value;
                logger.LogDebug("Secret {Secret}", {|LS0002:secret|});
                await Vault.GetSecretByNameAsync(apiKey);
                Resolve(ref apiKey);
                logger.LogDebug("Key {Key}", {|LS0002:apiKey|});
            }

            static void Resolve(ref string value) => value = value.ToUpperInvariant();

            // A local that holds the looked-up value is judged as before.
            async Task LookedUp(ILogger logger, string secretName)
            {
                var secret = (await Vault.GetSecretByNameAsync(secretName)).Value;
                logger.LogDebug("Secret {Secret}", {|LS0002:secret|});
                logger.LogDebug("Secret name {SecretName}", secretName);
            }
        }
        """);

    [Fact]
    public Task LocalThatOnlyHoldsConstants_DoesNotReport_ButOneWrittenOtherwiseDoes() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Linq;
        using Microsoft.Extensions.Logging;

        class Trades
        {
            static string Fetch() => Guid.NewGuid().ToString("N");
            static void Refresh(ref string value) => value = Fetch();
            static (string, int) Pair() => (Fetch(), 1);

            void Show(ILogger logger, string[] symbols, object boxed)
            {
                // An asset symbol and a prompt, set from literals only: constants, whatever the name.
                var token = "ETH";
                string passwordText = "Enter your password:";
                passwordText = "Enter your password again:";
                logger.LogInformation("Trades for {Token}", token);
                logger.LogInformation(passwordText);
                Array.ForEach(symbols, s => logger.LogInformation("{Token} against {Symbol}", token, s));

                // Written from a call later, through a ref argument, by a deconstruction or by a pattern: judged as before.
                var apiKey = "";
                apiKey = Fetch();
                logger.LogInformation("{Key}", {|LS0002:apiKey|});
                var secret = "none";
                Refresh(ref secret);
                logger.LogInformation("{Secret}", {|LS0002:secret|});
                var accessToken = "none";
                int count;
                (accessToken, count) = Pair();
                logger.LogInformation("{Token} {Count}", {|LS0002:accessToken|}, count);
                if (boxed is not string refreshToken)
                {
                    refreshToken = "none";
                }

                logger.LogInformation("{Token}", {|LS0002:refreshToken|});

                string idToken = "none";
                ref string alias = ref idToken;
                alias = Fetch();
                logger.LogInformation("{Token}", {|LS0002:idToken|});
            }
        }
        """);

    [Fact]
    public Task HashOfATokenOrKey_DoesNotReport_ButAPasswordHashAndAHashingSecretDo() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class UserSession { public System.Guid Id { get; set; } public string RefreshTokenHash { get; set; } = ""; }

        class Sessions
        {
            void Store(ILogger logger, string hashedToken, string refreshTokenHash, string apiKeyHash, string hashOfToken,
                string passwordHash, string hashSecret, UserSession session)
            {
                logger.LogDebug("Stored refresh token. Token hash: {TokenHash}", hashedToken[..8]);
                logger.LogDebug("Hashes {A} {B} {C}", refreshTokenHash, apiKeyHash, hashOfToken);
                logger.LogDebug("Revoked session {Id}", session.Id);
                logger.LogDebug("Hash {Hash}", {|LS0001:passwordHash|});
                logger.LogDebug("Pepper {Pepper}", {|LS0002:hashSecret|});
            }
        }
        """);

    [Fact]
    public Task PublicKeyUnderAKeyPlaceholder_DoesNotReport_ButASecretKeyDoes() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        class Keys
        {
            void Validate(ILogger logger, string publicKey, string value)
            {
                logger.LogWarning("Invalid {ApiKey}", publicKey);
                logger.LogWarning("Invalid {ApiKey}", {|LS0002:value|});
            }
        }
        """);
}
