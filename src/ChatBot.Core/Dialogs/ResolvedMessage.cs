using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Dialogs;

/// <summary>How a message relates to the conversation before it.</summary>
public enum MessageMode
{
    /// <summary>Nothing to read: the bot says what it can do.</summary>
    Empty,

    /// <summary>A button of the last ask-back: its topic and question.</summary>
    TopicChoice,

    /// <summary>"where is that from?": the last answer's quotes.</summary>
    WhereFrom,

    /// <summary>"tell me more": the next unseen fact of the last topic.</summary>
    More,

    /// <summary>"who is he?": the person the last answer named.</summary>
    WhoIsThatPerson,

    /// <summary>"and in 2019?", "what about Kia?": the last question with one thing changed.</summary>
    Reask,

    /// <summary>"what did he sign there": a question of its own that leans on the last answer's topic and names.</summary>
    LeaningOnLast,

    /// <summary>A question of its own.</summary>
    New,
}

/// <summary>
/// A message read against its conversation: the self-contained question the turn retrieves with (pronouns replaced,
/// a re-ask rewritten), the intent it is asked under when the conversation fixes one, and the context it may lean on.
/// </summary>
public sealed record ResolvedMessage(MessageMode Mode, string Text, string Question)
{
    /// <summary>The intent the conversation fixes (a chosen button, the last topic); null when the classifier decides.</summary>
    public string? Intent { get; init; }

    /// <summary>The previous question, which a follow-up is retrieved with as context.</summary>
    public string? Previous { get; init; }

    /// <summary>The last topic and the facts just shown, for a follow-up.</summary>
    public FollowUpPrior? FollowUp { get; init; }

    /// <summary>The message reads as a follow-up, so the previous question is preferred as context.</summary>
    public bool Leans { get; init; }

    /// <summary>The question the conversation keeps as the last one when this turn is answered.</summary>
    public required string Remembered { get; init; }
}
