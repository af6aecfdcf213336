namespace ChatBot.Core.Knowledge;

/// <summary>What the documents can do for one question, before anyone words a reply.</summary>
public enum KnowledgeVerdict
{
    /// <summary>A curated fact answers it.</summary>
    Fact,

    /// <summary>A topic's dated facts, oldest first: "how has trade changed".</summary>
    Timeline,

    /// <summary>No fact does, but a seed passage matches closely.</summary>
    Passage,

    /// <summary>Nothing in the documents answers it.</summary>
    NoFact,

    /// <summary>The documents hold its subject but not its year or country ("trade in 2031", "investment by Japan").</summary>
    NearMiss,

    /// <summary>It asks about the present or the future, which dated documents cannot tell.</summary>
    AfterTheDocuments,
}

/// <summary>
/// The knowledge layer's decision on one question: the verdict, the fact, timeline or passage behind it, and the
/// retrieval it was read from (its runners-up become the reply's suggestions).
/// </summary>
public sealed record KnowledgeDecision(KnowledgeVerdict Verdict, FactRetrieval Retrieval, double Confidence)
{
    public Fact? Fact { get; init; }

    /// <summary>For a timeline: its topic and entries, oldest first.</summary>
    public string? Topic { get; init; }

    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];

    public PassageMatch? Passage { get; init; }

    /// <summary>For a near miss: what the question asks about that no fact holds ("2031", "Japan").</summary>
    public string? Constraint { get; init; }

    /// <summary>For a near miss: the facts about the subject the documents do hold, oldest first; cited, never as the answer.</summary>
    public IReadOnlyList<Fact> Held { get; init; } = [];

    /// <summary>The answer model's reading of the candidates behind this decision (null when it was not asked).</summary>
    public Judgement? Judgement { get; init; }

    /// <summary>True when the answer was found with the previous question as context.</summary>
    public bool UsedContext { get; init; }

    /// <summary>A fact or a timeline: the two verdicts that answer from curated facts.</summary>
    public bool Answers => Verdict is KnowledgeVerdict.Fact or KnowledgeVerdict.Timeline;

    /// <summary>The facts the decision stands on, in the order the reply cites them.</summary>
    public IReadOnlyList<Fact> Facts => Verdict switch
    {
        KnowledgeVerdict.Fact => [Fact!],
        KnowledgeVerdict.Timeline => [.. Timeline.Select(e => e.Fact)],
        _ => [],
    };
}
