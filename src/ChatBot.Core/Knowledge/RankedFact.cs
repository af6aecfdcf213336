namespace ChatBot.Core.Knowledge;

/// <summary>
/// A fact as ranked for one question: its score, how much of the question's weight it matches, and (for curators'
/// diagnostics) its BM25F score before re-ranking and the similarity of its closest question form.
/// </summary>
public sealed record RankedFact(Fact Fact, double Score, double Coverage)
{
    public double Bm25 { get; init; }

    public double FormSimilarity { get; init; }
}

/// <summary>
/// The retriever's answer to one question: the best facts, best first, and how sure it is that the first one
/// answers it (0–1; compare with <see cref="RetrievalOptions.AnswerThreshold"/>).
/// </summary>
public sealed record FactRetrieval(IReadOnlyList<RankedFact> Facts, double Confidence, IReadOnlyList<string> UnknownWords)
{
    public RankedFact? Best => Facts.Count > 0 ? Facts[0] : null;

    /// <summary>
    /// How much of the question's own words (not its conversation context's) the best fact matches (0–1): a message
    /// that says nothing the fact holds ("😀", "what time is it in Tokyo") is not answered by the last topic's fact.
    /// </summary>
    public double OwnCoverage { get; init; }
}
