namespace ChatBot.Core.Knowledge;

/// <summary>A fact as ranked for one question: its BM25F score and how much of the question's weight it matches.</summary>
public sealed record RankedFact(Fact Fact, double Score, double Coverage);

/// <summary>
/// The retriever's answer to one question: the best facts, best first, and how sure it is that the first one
/// answers it (0–1; compare with <see cref="RetrievalOptions.AnswerThreshold"/>).
/// </summary>
public sealed record FactRetrieval(IReadOnlyList<RankedFact> Facts, double Confidence, IReadOnlyList<string> UnknownWords)
{
    public RankedFact? Best => Facts.Count > 0 ? Facts[0] : null;
}
