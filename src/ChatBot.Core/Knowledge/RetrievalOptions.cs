namespace ChatBot.Core.Knowledge;

/// <summary>
/// The retriever's knobs: BM25F field weights, the intent prior, the re-ranking factors, and the few thresholds the
/// answer model (models/answer-model.json, docs/answering.md) has not replaced: the passage fallback, a follow-up's
/// own coverage, the suggestions' coverage. The host may override any of them from appsettings.json.
/// </summary>
public sealed record RetrievalOptions
{
    public double K1 { get; init; } = 1.2;
    public double QuestionWeight { get; init; } = 2.0;
    public double QuestionB { get; init; } = 0.3;
    public double AnswerWeight { get; init; } = 1.0;
    public double QuoteWeight { get; init; } = 0.7;
    public double TextB { get; init; } = 0.5;
    public double EntityWeight { get; init; } = 0.5;

    /// <summary>How much the single question form closest to the question adds, on top of the fact's whole text.</summary>
    public double FormWeight { get; init; } = 0.5;
    public double FormB { get; init; } = 0.75;

    /// <summary>How many BM25 candidates are re-ranked by score × coverage^<see cref="CoverageExponent"/>.</summary>
    public int RerankDepth { get; init; } = 20;
    public double CoverageExponent { get; init; } = 1.5;

    /// <summary>How much the similarity (0–1) of the question to a fact's closest question form multiplies its score by: 1 + this × similarity.</summary>
    public double FormSimilarityWeight { get; init; } = 1.0;

    /// <summary>How much more a fact scores when its answer is of the kind the question asks for ("when" → a date): its score is multiplied by 1 + this.</summary>
    public double AnswerTypeBoost { get; init; } = 0.3;

    /// <summary>How much more a fact scores for "who/what is X" when its answer opens by saying what X is ("X was ..."): 1 + this.</summary>
    public double DefinitionBoost { get; init; } = 1.0;

    /// <summary>
    /// What a fact scores, as a share, when its answer lacks the kind a question cannot do without (a figure for "how
    /// many", several items for "what does it include").
    /// </summary>
    public double MissingKindFactor { get; init; } = 0.5;

    /// <summary>How much more a fact of the predicted intent scores: its score is multiplied by 1 + this.</summary>
    public double IntentPriorBoost { get; init; } = 0.5;

    /// <summary>How much a word reached through typo correction counts, against 1 for a word spelled right.</summary>
    public double TypoWeight { get; init; } = 0.8;

    /// <summary>
    /// A question that names no date gets the latest figure among the facts that match it as fully and score at least
    /// this share of the best one (see <see cref="FactRetriever"/>).
    /// </summary>
    public double LatestFigureShare { get; init; } = 0.75;

    /// <summary>The intent prior of a re-ask ("and 2011?"): the last topic, multiplied by 1 + this.</summary>
    public double ReaskPriorBoost { get; init; } = 2.0;

    /// <summary>What a fact just shown scores in a follow-up, as a share of its score: a follow-up rarely asks for the same fact again.</summary>
    public double ShownFactFactor { get; init; } = 0.6;

    /// <summary>
    /// The share of a follow-up's own words its answer must match before the conversation's context may answer it: the
    /// context fills in what "he" or "and 2011?" leave out, it never answers a message on its own.
    /// </summary>
    public double MinOwnCoverage { get; init; } = 0.5;

    /// <summary>How much the previous question's words count in a follow-up ("and in 2022?"), against 1 for its own.</summary>
    public double ContextWeight { get; init; } = 0.5;

    /// <summary>
    /// The confidence of an answer is the share of the question its fact matches, times this factor for every
    /// specific entity the question names that the fact does not (asked about Almaty, a fact about Kazakhstan does not answer).
    /// </summary>
    public double MissingEntityFactor { get; init; } = 0.5;

    /// <summary>Entities rarer than this idf count as specific; the two countries, named by nearly every fact, do not.</summary>
    public double SpecificEntityIdf { get; init; } = 1.5;

    /// <summary>
    /// The coverage confidence (<see cref="RankedFact.CoverageConfidence"/>) a fact needs before it is offered as a
    /// suggested follow-up. Whether to answer is the answer model's decision, at its own threshold (models/answer-model.json).
    /// </summary>
    public double AnswerThreshold { get; init; } = 0.5;

    /// <summary>Overrides the answer model's threshold (to try a value with <c>chatbot eval --threshold</c>); null keeps the model's.</summary>
    public double? AnswerModelThreshold { get; init; }

    /// <summary>The (stricter) confidence a seed passage needs when no fact passes.</summary>
    public double PassageThreshold { get; init; } = 0.8;

    /// <summary>How many of the question's words a passage must hold before it can answer at all.</summary>
    public int PassageMinTerms { get; init; } = 3;

    /// <summary>A timeline needs at least this many dated facts of the topic.</summary>
    public int TimelineMinFacts { get; init; } = 2;
}
