namespace ChatBot.Core.Knowledge;

/// <summary>
/// A fact as ranked for one question: its score, how much of the question's weight it matches, and the evidence the
/// answer model weighs (<see cref="AnswerFeatures"/>): its BM25F score before re-ranking, the similarity of its closest
/// question form, the question's entities it lacks, and whether its answer is of the kind asked for.
/// </summary>
public sealed record RankedFact(Fact Fact, double Score, double Coverage)
{
    public double Bm25 { get; init; }

    public double FormSimilarity { get; init; }

    /// <summary>The share of the question's own words (its context's left out) the fact holds.</summary>
    public double OwnCoverage { get; init; }

    /// <summary>Specific entities (not the two countries) the question names that the fact does not.</summary>
    public int MissingEntities { get; init; }

    /// <summary>The question asks for a kind of answer (a date, a figure, a person...) and the fact gives it.</summary>
    public bool GivesKindAsked { get; init; }

    /// <summary>The question cannot do without a kind of answer ("how many" → a figure) that the fact does not give.</summary>
    public bool LacksKindRequired { get; init; }

    /// <summary>"who is X": the fact's answer opens by saying what X is.</summary>
    public bool DefinesSubject { get; init; }

    /// <summary>The cosine of the question's meaning to the fact's closest question form (0 without fact vectors).</summary>
    public double FormCosine { get; init; }

    /// <summary>The cosine of the question's meaning to the fact's answer.</summary>
    public double AnswerCosine { get; init; }

    /// <summary>The cosine of the question's meaning to the fact's quote.</summary>
    public double QuoteCosine { get; init; }

    /// <summary>Where the fact ranks among all facts by meaning alone (0 = closest).</summary>
    public int DenseRank { get; init; }

    /// <summary>Its best cosine minus the best other fact's: above 0 only for the fact closest in meaning.</summary>
    public double DenseMargin { get; init; }

    /// <summary>The cosine of the question's meaning to the fact's closest curated near miss (0 without any).</summary>
    public double NearMissCosine { get; init; }

    /// <summary>The heuristic confidence of this fact: <see cref="Coverage"/>, halved for every specific entity it lacks.</summary>
    public double CoverageConfidence { get; init; }
}

/// <summary>
/// The retriever's answer to one question: the best facts, best first, and how much of the question the first one
/// covers (0–1, <see cref="RankedFact.CoverageConfidence"/>); whether to answer is the answer model's call.
/// </summary>
public sealed record FactRetrieval(IReadOnlyList<RankedFact> Facts, double Confidence, IReadOnlyList<string> UnknownWords)
{
    public RankedFact? Best => Facts.Count > 0 ? Facts[0] : null;

    /// <summary>
    /// How much of the question's own words (not its conversation context's) the best fact matches (0–1): a message
    /// that says nothing the fact holds ("😀", "what time is it in Tokyo") is not answered by the last topic's fact.
    /// </summary>
    public double OwnCoverage { get; init; }

    /// <summary>How many distinct meaningful terms the question has (known words and entities).</summary>
    public int QuestionTerms { get; init; }

    /// <summary>The share of the question's own weight carried by words no document, fact or alias knows.</summary>
    public double UnknownShare { get; init; }

    /// <summary>How many of the question's words were reached only through a typo correction.</summary>
    public int Corrected { get; init; }

    /// <summary>The best cosine of the question's meaning to any fact (0 without fact vectors).</summary>
    public double TopCosine { get; init; }

    /// <summary>The best cosine of the question's meaning to any fact's curated near miss.</summary>
    public double TopNearMissCosine { get; init; }
}
