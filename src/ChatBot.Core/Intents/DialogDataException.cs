namespace ChatBot.Core.Intents;

/// <summary>The dialogs/ data cannot be used; the message lists every problem with its file and the fix.</summary>
public sealed class DialogDataException(IReadOnlyList<string> problems)
    : Exception("The dialogs/ data has problems:\n  - " + string.Join("\n  - ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
