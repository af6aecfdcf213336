using System.Buffers;

namespace ChatBot.Core.Knowledge;

/// <summary>A seed passage found for a question, with how much of the question it matches (0 when too few of its words).</summary>
public sealed record PassageMatch(SeedPassage Passage, double Score, double Confidence);

/// <summary>
/// The fallback when no curated fact answers: BM25 over the seeds' sentences (leaving out the lines a <c>skip</c>
/// entry marks as carrying no claim, such as menus and bylines), used only when one passage clearly matches.
/// </summary>
public sealed class PassageFinder
{
    private readonly SeedPassage[] _passages;
    private readonly Lexicon _lexicon;
    private readonly Bm25Index _index;
    private readonly RetrievalOptions _options;

    public PassageFinder(SeedCorpus corpus, IReadOnlyList<SkipEntry> skips, Lexicon lexicon, RetrievalOptions options)
    {
        _passages = [.. corpus.Passages.Where(p => !skips.Any(s => s.Source == p.Source && s.FirstLine <= p.Lines.First && p.Lines.Last <= s.LastLine))];
        _lexicon = lexicon;
        _options = options;
        var documents = _passages.Select(p =>
        {
            var analyzed = new AnalyzedText();
            lexicon.Analyze(p.Text, correctTypos: false, analyzed);
            return (IReadOnlyList<IReadOnlyList<int>>)[[.. analyzed.Terms]];
        }).ToList();
        _index = new Bm25Index(lexicon.TermCount, documents, [new Bm25Field(1, options.TextB)], options.K1);
    }

    public IReadOnlyList<SeedPassage> Passages => _passages;

    /// <summary>The best passage for a question, or null when none matches any of its words.</summary>
    public PassageMatch? Find(string question)
    {
        var analyzed = new AnalyzedText();
        _lexicon.Analyze(question, correctTypos: true, analyzed);
        var query = WeightedQuery.Build(_index, analyzed, null, _options.TypoWeight, _options.ContextWeight, _lexicon);
        if (query.Count == 0)
        {
            return null;
        }
        var buffer = ArrayPool<float>.Shared.Rent(_passages.Length);
        try
        {
            var scores = buffer.AsSpan(0, _passages.Length);
            query.Score(_index, scores);
            var best = WeightedQuery.Top(scores, 1);
            if (best.Length == 0)
            {
                return null;
            }
            // A sentence sharing one or two words with a question ("meaning", "life") is chance, not an answer.
            var confidence = query.MatchedTerms(_index, best[0]) >= _options.PassageMinTerms ? query.Coverage(_index, best[0]) : 0;
            return new PassageMatch(_passages[best[0]], scores[best[0]], confidence);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }
}
