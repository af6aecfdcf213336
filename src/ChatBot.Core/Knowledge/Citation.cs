namespace ChatBot.Core.Knowledge;

/// <summary>A span of a seed document that supports an answer.</summary>
public sealed record Citation(string Source, int FirstLine, int LastLine, string Quote)
{
    /// <summary>"line 14" or "lines 41–44".</summary>
    public string Lines => FirstLine == LastLine ? $"line {FirstLine}" : $"lines {FirstLine}–{LastLine}";

    /// <summary>"002_9525e256da1a01e8.txt, lines 41–44": what the user reads after "Source:".</summary>
    public string Label => $"{Source}, {Lines}";
}
