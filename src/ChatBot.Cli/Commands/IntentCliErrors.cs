using ChatBot.Core.Intents;

namespace ChatBot.Cli;

/// <summary>Adds the intent side's data errors (broken dialogs/, unusable model) to the CLI's clear-message-and-exit-code guard.</summary>
internal static class IntentCliErrors
{
    public static Task<int> Guard(Func<Task<int>> command) => CliErrors.Guard(async () =>
    {
        try
        {
            return await command().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DialogDataException or IntentModelException)
        {
            await Console.Error.WriteLineAsync($"chatbot: {ex.Message}").ConfigureAwait(false);
            return CliErrors.BadInput;
        }
    });
}
