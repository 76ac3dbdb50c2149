using System;
using System.IO;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace LogSafety.Cli.Loading;

/// <summary>Reads a .cs file as a compiler would, or says why it cannot: binary, not UTF-8, or unreadable.</summary>
internal static class SourceFileReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static SourceText? TryRead(string path, out string? skipReason)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            skipReason = "unreadable: " + e.Message;
            return null;
        }

        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            skipReason = null;
            return SourceText.From(bytes, bytes.Length, Encoding.Unicode, canBeEmbedded: false, throwIfBinaryDetected: false);
        }

        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            skipReason = "binary content (a NUL byte)";
            return null;
        }

        try
        {
            var offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            var text = StrictUtf8.GetString(bytes, offset, bytes.Length - offset);
            skipReason = null;
            return SourceText.From(text, Encoding.UTF8, SourceHashAlgorithm.Sha256);
        }
        catch (DecoderFallbackException)
        {
            skipReason = "not UTF-8";
            return null;
        }
    }
}
