using LogSafety.Analyzers.Logging;
using LogSafety.Analyzers.Options;
using LogSafety.CodeFixes.Removal;
using Xunit;

namespace LogSafety.Analyzers.Tests.CodeFixes;

/// <summary>How the fix tidies message text around a removed hole: labels and separators go, the sentence stays.</summary>
public sealed class HoleTextTests
{
    [Theory]
    [InlineData("Login {Email} {Password}", "Password", "Login {Email}")]
    [InlineData("User {UserId} password={Password}.", "Password", "User {UserId}.")]
    [InlineData("{Password} {Token}", "Password", "{Token}")]
    [InlineData("Reset token: {Token}", "Token", "Reset token")]
    [InlineData("Logged in using {Token}", "Token", "Logged in")]
    [InlineData("Token {Token} issued", "Token", "Token issued")]
    [InlineData("Issued access token {AccessToken} to {UserId}", "AccessToken", "Issued access token to {UserId}")]
    [InlineData("Session {SessionId} created for {UserId}", "SessionId", "Session created for {UserId}")]
    [InlineData("Wrong password '{Attempt}' for {Email}", "Attempt", "Wrong password for {Email}")]
    [InlineData("Failed login for {User} with password {Password}", "Password", "Failed login for {User}")]
    [InlineData("Seen {A}, {Secret}, {B}", "Secret", "Seen {A}, {B}")]
    [InlineData("Login failed: {Password}", "Password", "Login failed")]
    [InlineData("user={U}&password={P}", "P", "user={U}")]
    [InlineData("Order {OrderId} session {SessionId}", "SessionId", "Order {OrderId}")]
    [InlineData("Login {{ok}}, password {0}", "0", "Login {{ok}}")]
    [InlineData("Password changed for {UserId} {Password}", "Password", "Password changed for {UserId}")]
    [InlineData("({Token})", "Token", "")]
    [InlineData("Signed in ({Token})", "Token", "Signed in")]
    [InlineData("- {Secret}: {Result}", "Secret", "- {Result}")]
    [InlineData("Keys:\n* {Key}={Found}", "Key", "Keys:\n* {Found}")]
    [InlineData("Checked - {Secret}: {Result}", "Secret", "Checked - {Result}")]
    public void RemovingAHole_TidiesTheText(string template, string hole, string expected) =>
        Check(template, hole, expected, TextSpelling.DoubledBraces);

    /// <summary>Templates as spelled in a regular string literal: "\\n" is read as the line break it stands for.</summary>
    [Theory]
    [InlineData(@"Apple IAP Notification:\n\n{0}", "0", @"Apple IAP Notification")]
    [InlineData(@"Token issued\t{Token}", "Token", @"Token issued")]
    [InlineData(@"Headers:\n{Headers}\nfor {User}", "Headers", @"Headers:\nfor {User}")]
    [InlineData(@"Token {Token}\n", "Token", @"Token\n")]
    [InlineData(@"Quoted \""{Token}\"" received", "Token", @"Quoted received")]
    public void RemovingAHole_ReadsEscapedLineBreaks(string template, string hole, string expected) =>
        Check(template, hole, expected, TextSpelling.DoubledBraces | TextSpelling.BackslashEscapes);

    /// <summary>
    /// A short clause that only says what the value is goes whole once the value is gone: its subject alone would say
    /// nothing ("My token."). Other clauses and sentences keep their words.
    /// </summary>
    [Theory]
    [InlineData("Received hook with token {Token}. My token is {MyToken}. Token validation is set to {ValidateToken}", "Token,MyToken", "Received hook with token. Token validation is set to {ValidateToken}")]
    [InlineData("Response code is {StatusCode} for url {Url} and token in header was {TokenReceived} (expected token was {TokenExpected})", "TokenReceived,TokenExpected", "Response code is {StatusCode} for url {Url}")]
    [InlineData("Login failed, password was {Password}.", "Password", "Login failed.")]
    [InlineData("My token is {Token}. Signing in {User}", "Token", "Signing in {User}")]
    [InlineData("Signing in {User}. Their token is '{Token}'", "Token", "Signing in {User}.")]
    [InlineData("Signed in (session id was {SessionId})", "SessionId", "Signed in")]
    [InlineData("Token is {Token}", "Token", "Token")]
    [InlineData("Token for {User} is {Token}", "Token", "Token for {User}")]
    [InlineData("The very long list of words here is {Token}. Done", "Token", "The very long list of words here. Done")]
    public void RemovingAHole_DropsTheClauseThatOnlyNamedIt(string template, string holes, string expected) =>
        Check(template, holes, expected, TextSpelling.DoubledBraces);

    private static void Check(string template, string hole, string expected, TextSpelling spelling)
    {
        var names = hole.Split(',');
        var parsed = MessageTemplate.Parse(template);
        var text = new HoleText(LogSafetyOptions.Default);
        var position = 0;
        var removed = new System.Collections.Generic.List<int>();
        for (var i = 0; i < parsed.Holes.Length; i++)
        {
            var current = parsed.Holes[i];
            text.AddText(template.Substring(position, current.Start - position), 0, spelling);
            text.AddHole(i, template.Substring(current.Start, current.Length), 0, Hints.Of(null, current.Name));
            position = current.Start + current.Length;
            if (System.Array.IndexOf(names, current.Name) >= 0)
            {
                removed.Add(i);
            }
        }

        text.AddText(template.Substring(position), 0, spelling);
        text.RemoveHoles(removed);

        Assert.Equal(expected, text.Write(atom => atom.Raw));
    }
}
