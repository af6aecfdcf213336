using ChatBot.Core.Intents;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Dialogs;

/// <summary>Why the bot replies as it does: one code per kind of decision, logged and shown by <c>ask --explain</c>.</summary>
public static class ReplyReasons
{
    public const string Fact = "fact";
    public const string Timeline = "timeline";
    public const string Passage = "passage";
    public const string NoFact = "no_fact";
    public const string OutOfScope = "out_of_scope";
    public const string Clarify = "clarify";
    public const string WhereFrom = "where_from";
    public const string NothingMore = "nothing_more";
    public const string SmallTalk = "small_talk";
    public const string Sources = "sources";
    public const string LostThread = "lost_thread";
    public const string NearMiss = "near_miss";
}

/// <summary>
/// The decision of one turn, before it is worded: its kind and reason, the intent and confidence, and what it stands
/// on — the knowledge decision (fact, timeline, passage or none), the ask-back's choices, the replayed quotes.
/// Carries the facts it used, so nothing maps citations back to facts.
/// </summary>
public sealed record AnswerDecision(AnswerKind Kind, string Reason, string Intent, double Confidence)
{
    /// <summary>The message as resolved: the question worked with, and what the conversation keeps of it.</summary>
    public required ResolvedMessage Message { get; init; }

    public KnowledgeDecision? Knowledge { get; init; }

    /// <summary>For a refusal: the reply key of its first sentence (<c>dont_know</c> or <c>after_documents</c>).</summary>
    public string RefusalText { get; init; } = "dont_know";

    /// <summary>The classifier's ranking, when one was made: the nearest topics of a refusal, the unanswered log.</summary>
    public IntentRanking? Ranking { get; init; }

    /// <summary>An ask-back's buttons.</summary>
    public IReadOnlyList<PendingChoice> Choices { get; init; } = [];

    /// <summary>"where is that from?": the last answer's citations again.</summary>
    public IReadOnlyList<Citation> Replayed { get; init; } = [];

    /// <summary>The facts the reply cites, in order.</summary>
    public IReadOnlyList<Fact> Facts => Knowledge?.Facts ?? [];
}
