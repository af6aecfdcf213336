namespace ChatBot.Benchmarks;

/// <summary>
/// BenchmarkDotNet runs each benchmark from a generated project in its own folder, so the repository root is found
/// from the CHATBOT_ROOT variable or by walking up from the working directory (run from the repository).
/// </summary>
internal static class RepoRoot
{
    public static string? Find() => Environment.GetEnvironmentVariable("CHATBOT_ROOT") is { Length: > 0 } root ? root : null;
}
