using System.Diagnostics;
using ChatBot.Core;

namespace ChatBot.E2E.Infrastructure;

/// <summary>Runs the built CLI (<c>chatbot.dll</c>, copied beside the tests) from the repository root, as a user would, bounded to a minute.</summary>
public static class CliProcess
{
    public static async Task<(int ExitCode, string Out, string Err)> RunAsync(params string[] arguments)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "chatbot.dll");
        File.Exists(cli).ShouldBeTrue($"{cli} (the CLI, copied here by the project reference)");
        var info = new ProcessStartInfo("dotnet", [cli, .. arguments])
        {
            WorkingDirectory = ChatBotPaths.Locate().Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
