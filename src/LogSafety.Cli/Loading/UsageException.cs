using System;

namespace LogSafety.Cli.Loading;

/// <summary>A usage error or a path that cannot be loaded: exit code 2, with a message that names it and the reason.</summary>
internal sealed class UsageException(string message) : Exception(message);
