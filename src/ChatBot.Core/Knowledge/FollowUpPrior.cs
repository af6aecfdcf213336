namespace ChatBot.Core.Knowledge;

/// <summary>
/// What the conversation tells the retriever about a follow-up ("and 2011?", "what did it say"): the last answer's
/// topic, a stronger prior than any classifier reading of three words, and the facts just shown (none for a re-ask
/// such as "and of imports?", which the same fact may well answer).
/// </summary>
public sealed record FollowUpPrior(string? Topic, IReadOnlyCollection<string> Shown)
{
    /// <summary>
    /// A re-ask ("and 2011?", "what about Kia?") is the last question again with one thing changed, so its topic is
    /// a much stronger prior than for a new question about the same person or thing ("what award did he get").
    /// </summary>
    public bool Reask { get; init; }
}
