namespace ChatBot.Core.Knowledge;

/// <summary>Something wrong in the bot's data: the file, the entry (a fact id, or a seed line) and what to fix.</summary>
public sealed record DataProblem(string File, string Entry, string Message)
{
    public override string ToString() => $"{File}: {Entry}: {Message}";
}
