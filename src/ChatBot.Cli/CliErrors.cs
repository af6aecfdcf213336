using ChatBot.Core;
using ChatBot.Core.Intents;

namespace ChatBot.Cli;

/// <summary>Turns the failures a user can cause (missing or broken data, unreadable files) into a message and an exit code, never a stack trace.</summary>
internal static class CliErrors
{
    public const int Failed = 1;
    public const int BadInput = 2;

    public static async Task<int> Guard(Func<Task<int>> command)
    {
        try
        {
            return await command().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ChatBotDataException or DialogDataException or IntentModelException or ChatBot.Core.Knowledge.AnswerModelException or ChatBot.Core.Curation.CuratorStoreUnavailableException or DirectoryNotFoundException or FileNotFoundException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"chatbot: {ex.Message}").ConfigureAwait(false);
            return BadInput;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("chatbot: cancelled").ConfigureAwait(false);
            return Failed;
        }
    }
}
