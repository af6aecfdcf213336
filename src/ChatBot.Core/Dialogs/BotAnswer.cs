using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Dialogs;

/// <summary>What the bot answers to one message: the text, where it comes from, and what to ask next.</summary>
public sealed record BotAnswer(
    string Text,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<string> Suggestions,
    string Intent,
    double Confidence,
    AnswerKind Kind)
{
    /// <summary>The ids of the facts the answer states, in the order it cites them (none for a refusal or small talk).</summary>
    public IReadOnlyList<string> FactIds { get; init; } = [];

    /// <summary>The facts the turn's retrieval ranked first, best first: what a refused question came nearest to.</summary>
    public IReadOnlyList<string> Nearest { get; init; } = [];
}

/// <summary>The kinds of answer, so the host can log and count them.</summary>
public enum AnswerKind
{
    Fact,
    Timeline,
    Passage,
    Clarify,
    Fallback,
    OutOfScope,
    SmallTalk,
    LostThread,

    /// <summary>The documents hold the subject but not the year or country asked about: a refusal that cites what they do hold.</summary>
    NearMiss,
}
