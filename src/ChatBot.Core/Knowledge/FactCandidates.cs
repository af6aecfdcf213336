namespace ChatBot.Core.Knowledge;

/// <summary>
/// One question scored once against every fact (with and, when the conversation gave one, without its context):
/// the turn's single retrieval. Ranking it with an intent prior, the facts just shown or the context is cheap and
/// scans nothing again. Immutable; made by <see cref="FactRetriever.Candidates"/>.
/// </summary>
public sealed class FactCandidates
{
    private readonly FactRetriever _retriever;
    private readonly AnalyzedText _analyzed;
    private readonly WeightedQuery _own;
    private readonly float[] _ownScores;
    private readonly WeightedQuery? _full;
    private readonly float[]? _fullScores;

    internal FactCandidates(FactRetriever retriever, string question, AnalyzedText analyzed, WeightedQuery own, float[] ownScores, WeightedQuery? full, float[]? fullScores)
    {
        _retriever = retriever;
        Question = question;
        _analyzed = analyzed;
        _own = own;
        _ownScores = ownScores;
        _full = full;
        _fullScores = fullScores;
    }

    /// <summary>The question as scored (a follow-up already resolved, a timeline cue left out).</summary>
    public string Question { get; }

    /// <summary>The question's closeness in meaning to every fact, when the knowledge has fact vectors.</summary>
    public DenseMatch? Dense { get; init; }

    /// <summary>Whether a conversation context was scored with the question.</summary>
    public bool HasContext => _full is not null;

    /// <summary>The best facts, best first, and the confidence that the first answers the question.</summary>
    public FactRetrieval Rank(string? intentPrior = null, int top = 5, bool withContext = false, IReadOnlyCollection<string>? shown = null, double? priorBoost = null) =>
        withContext && _full is not null
            ? _retriever.Rank(Question, _analyzed, _full, _fullScores!, intentPrior, top, shown, priorBoost, Dense)
            : _retriever.Rank(Question, _analyzed, _own, _ownScores, intentPrior, top, shown, priorBoost, Dense);
}
