using System.Buffers;

namespace ChatBot.Core.Knowledge;

/// <summary>
/// Ranks the curated facts for a question: BM25F over each fact's question forms, answer, quotes and entities, with
/// typo correction and alias expansion from the <see cref="Lexicon"/>, an optional intent prior, and a confidence
/// that says whether the best fact really answers the question. The candidates are re-ranked by how much of the
/// question they hold, how close their nearest question form is, and whether their answer is of the kind asked for
/// (<see cref="AnswerTypes"/>: a date for "when", a figure for "how many", a list for "what does it include", a
/// definition for "who is"); an undated figure question gets the latest figure. Immutable after construction; safe to share.
/// </summary>
public sealed class FactRetriever
{
    private readonly Fact[] _facts;
    private readonly Lexicon _lexicon;
    private readonly Bm25Index _index;
    private readonly Bm25Index _formIndex; // one document per question form: the form closest to the question counts most
    private readonly int[] _formFact;      // form → index of its fact
    private readonly int[][] _formTerms;   // form → its distinct terms (an alias phrase counts once, as its entity)
    private readonly int[] _firstForm;     // fact → index of its first form (forms are stored fact by fact)
    private readonly AnswerType[] _gives;  // fact → the kinds of answer it gives
    private readonly Dictionary<int, AnswerType> _cueTerms = []; // "when", "who", ...: term → the kind of answer it asks for
    private readonly int[][] _defines;     // fact → the entities its answer defines ("Kim Gunn was ...", "Fresh Wind is ...")

    private readonly FactMeaning? _meaning;

    /// <summary>How many of the best-ranked facts lead the list before the facts closest in meaning join it.</summary>
    public const int WordHead = 3;

    /// <summary>How many facts closest in meaning (not already in the word head) join the candidates.</summary>
    public const int DenseCandidates = 2;

    public FactRetriever(IReadOnlyList<Fact> facts, Lexicon lexicon, EntityLexicon entities, RetrievalOptions options, FactMeaning? meaning = null)
    {
        _facts = [.. facts];
        _meaning = meaning;
        _lexicon = lexicon;
        Options = options;
        var documents = _facts.Select(fact => (IReadOnlyList<IReadOnlyList<int>>)
        [
            Terms(string.Join(" . ", fact.Questions)),
            Terms(fact.Answer),
            Terms(string.Join(" . ", fact.Locations.Select(l => l.Quote))),
            [.. fact.Entities.Select(e => lexicon.EntityTermId(entities.Resolve(e)?.Name ?? e)).Where(id => id >= 0)],
        ]).ToList();
        _index = new Bm25Index(lexicon.TermCount, documents,
        [
            new Bm25Field(options.QuestionWeight, options.QuestionB),
            new Bm25Field(options.AnswerWeight, options.TextB),
            new Bm25Field(options.QuoteWeight, options.TextB),
            new Bm25Field(options.EntityWeight, 0),
        ], options.K1);
        var forms = _facts.SelectMany((fact, i) => fact.Questions.Select(q => (Fact: i, Terms: Terms(q)))).ToList();
        _formFact = [.. forms.Select(f => f.Fact)];
        _formIndex = new Bm25Index(lexicon.TermCount, [.. forms.Select(f => (IReadOnlyList<IReadOnlyList<int>>)[f.Terms])],
            [new Bm25Field(1, options.FormB)], options.K1);
        _formTerms = [.. _facts.SelectMany(fact => fact.Questions.Select(OwnTerms))];
        _firstForm = [.. _facts.Select((_, i) => Array.IndexOf(_formFact, i))];
        _gives = [.. _facts.Select(fact => AnswerTypes.Of(fact, entities))];
        _defines = [.. _facts.Select(fact => AnswerTypes.DefinedSubject(fact.Answer) is { } subject
            ? OwnTerms(subject).Where(lexicon.IsEntity).ToArray() : [])];
        foreach (var (word, type) in AnswerTypes.CueWords)
        {
            if (lexicon.TermId(word) is var term and >= 0)
            {
                _cueTerms[term] = type;
            }
        }
    }

    public RetrievalOptions Options { get; }

    public IReadOnlyList<Fact> Facts => _facts;

    /// <summary>How many times the index was scanned (<see cref="Candidates"/>): a turn scans it once.</summary>
    public long Scans => Interlocked.Read(ref _scans);

    private long _scans;

    /// <summary>The best facts for a question, best first (see <see cref="Retrieve"/>).</summary>
    public IReadOnlyList<RankedFact> Rank(string question, string? intentPrior = null, int top = 5) =>
        Retrieve(question, intentPrior, top).Facts;

    /// <summary>
    /// Ranks the facts for <paramref name="question"/> in one call: <see cref="Candidates"/> then
    /// <see cref="FactCandidates.Rank"/> (with the context when one is given).
    /// </summary>
    public FactRetrieval Retrieve(string question, string? intentPrior = null, int top = 5, string? context = null, IReadOnlyCollection<string>? shown = null, double? priorBoost = null)
    {
        var candidates = Candidates(question, context);
        return candidates.Rank(intentPrior, top, withContext: candidates.HasContext, shown, priorBoost);
    }

    /// <summary>
    /// Scans the index once for a question and, when given, its conversation context (the previous question, whose
    /// words count at <see cref="RetrievalOptions.ContextWeight"/>): the scores with and without the context come out
    /// of the same pass, since a BM25 score is a weighted sum over the query's terms. Every later ranking of the turn —
    /// with an intent prior, the facts just shown, with or without the context — reads these scores.
    /// </summary>
    public FactCandidates Candidates(string question, string? context = null)
    {
        Interlocked.Increment(ref _scans);
        context = string.IsNullOrWhiteSpace(context) ? null : context;
        var analyzed = new AnalyzedText();
        _lexicon.Analyze(question, correctTypos: true, analyzed);
        var own = WeightedQuery.Build(_index, analyzed, null, Options.TypoWeight, Options.ContextWeight, _lexicon);
        WeightedQuery? full = null;
        if (context is not null)
        {
            var previous = new AnalyzedText();
            _lexicon.Analyze(context, correctTypos: true, previous);
            full = WeightedQuery.Build(_index, analyzed, previous, Options.TypoWeight, Options.ContextWeight, _lexicon);
        }
        var ownScores = new float[own.Count == 0 ? 0 : _facts.Length];
        float[]? fullScores = full is { Count: > 0 } ? new float[_facts.Length] : null;
        var formBuffer = ArrayPool<float>.Shared.Rent(_formFact.Length * 2);
        try
        {
            var ownForms = formBuffer.AsSpan(0, _formFact.Length);
            var fullForms = formBuffer.AsSpan(_formFact.Length, _formFact.Length);
            if (own.Count > 0)
            {
                own.Score(_index, ownScores);
                own.Score(_formIndex, ownForms);
            }
            else
            {
                ownForms.Clear();
            }
            if (fullScores is not null)
            {
                ownScores.AsSpan().CopyTo(fullScores);
                ownForms.CopyTo(fullForms);
                full!.AccumulateBeyond(_index, own, fullScores);
                full.AccumulateBeyond(_formIndex, own, fullForms);
                AddBestForms(fullForms, fullScores);
            }
            if (own.Count > 0)
            {
                AddBestForms(ownForms, ownScores);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(formBuffer);
        }
        // The question's meaning, encoded once: the facts closest to it join the candidates whatever their words.
        var dense = _meaning?.Match(question);
        return new FactCandidates(this, question, analyzed, own, ownScores, fullScores is null ? null : full, fullScores) { Dense = dense };
    }

    /// <summary>
    /// Ranks scored candidates. <paramref name="intentPrior"/> boosts the facts of that topic; the facts
    /// <paramref name="shown"/> just before count less, since a follow-up asks for something new.
    /// </summary>
    internal FactRetrieval Rank(string question, AnalyzedText analyzed, WeightedQuery query, float[] scored, string? intentPrior, int top, IReadOnlyCollection<string>? shown, double? priorBoost, DenseMatch? dense)
    {
        if (query.Count == 0)
        {
            // No word any fact or seed holds; the facts closest in meaning are still candidates (the model weighs them).
            var byMeaning = dense is null || dense.Top <= 0 ? [] : dense.Order.Take(Math.Min(top, DenseCandidates))
                .Select(doc => WithMeaning(new RankedFact(_facts[doc], 0, 0), doc, dense)).ToList();
            return new FactRetrieval(byMeaning, 0, analyzed.Unknown)
            {
                UnknownShare = analyzed.Unknown.Count > 0 ? 1 : 0,
                Corrected = analyzed.Corrected.Count(c => c),
                TopCosine = dense?.Top ?? 0,
                TopNearMissCosine = dense?.NearMissTop ?? 0,
            };
        }
        var buffer = ArrayPool<float>.Shared.Rent(_facts.Length);
        try
        {
            var scores = buffer.AsSpan(0, _facts.Length);
            scored.CopyTo(scores);
            if (intentPrior is not null && (priorBoost ?? Options.IntentPriorBoost) > 0)
            {
                var boost = (float)(1 + (priorBoost ?? Options.IntentPriorBoost));
                for (var i = 0; i < _facts.Length; i++)
                {
                    if (string.Equals(_facts[i].Topic, intentPrior, StringComparison.Ordinal))
                    {
                        scores[i] *= boost;
                    }
                }
            }
            // BM25 finds the candidates; among them, a fact that holds more of the question's words ranks higher, and
            // more so one whose question form says what the question says, or whose answer is of the kind asked for.
            var need = AnswerTypes.Of(question);
            var required = AnswerTypes.Required(question); // "how many" needs a figure, "what does it include" several items
            // "who is Kim Gunn": the fact whose answer says who he is ("Kim Gunn was ...") before others that name him.
            var defined = AnswerTypes.AsksWhatItIs(question) ? analyzed.Terms.Where(_lexicon.IsEntity).ToHashSet() : null;
            var best = WeightedQuery.Top(scores, Math.Max(top, Options.RerankDepth));
            var ranked = new List<(RankedFact Fact, int Doc)>(best.Length);
            foreach (var doc in best)
            {
                ranked.Add((Ranked(doc, scores[doc]), doc));
            }
            ranked.Sort((a, b) => b.Fact.Score.CompareTo(a.Fact.Score));
            PreferLatestFigure(ranked, question);
            if (dense is not null)
            {
                ranked = JoinByMeaning(ranked, dense, d => Ranked(d, buffer[d]));
            }
            // What the answer model weighs beyond the ranking, for the facts handed on only.
            var facts = ranked.Take(top).Select(r =>
            {
                var missing = query.MissingEntities(_index, r.Doc, Options.SpecificEntityIdf);
                var fact = r.Fact with
                {
                    OwnCoverage = query.OwnCoverage(_index, r.Doc, term => IsCue(term, need)),
                    MissingEntities = missing,
                    CoverageConfidence = r.Fact.Coverage * Math.Pow(Options.MissingEntityFactor, missing),
                };
                return dense is null ? fact : WithMeaning(fact, r.Doc, dense);
            }).ToList();
            var confidence = facts.Count == 0 ? 0 : facts[0].CoverageConfidence;
            var ownCoverage = facts.Count == 0 ? 0 : facts[0].OwnCoverage;
            return new FactRetrieval(facts, confidence, analyzed.Unknown)
            {
                OwnCoverage = ownCoverage,
                QuestionTerms = query.OwnTerms,
                UnknownShare = query.OwnUnknownShare,
                Corrected = analyzed.Corrected.Count(c => c),
                TopCosine = dense?.Top ?? 0,
                TopNearMissCosine = dense?.NearMissTop ?? 0,
            };

            RankedFact Ranked(int doc, float bm25)
            {
                var answers = (_gives[doc] & need) != 0;
                var coverage = query.Coverage(_index, doc, term => IsCue(term, need));
                var similarity = BestFormSimilarity(query, doc);
                var score = bm25 * Math.Pow(coverage, Options.CoverageExponent)
                    * (1 + Options.FormSimilarityWeight * similarity)
                    * (answers ? 1 + Options.AnswerTypeBoost : 1)
                    * (required != AnswerType.None && (_gives[doc] & required) == 0 ? Options.MissingKindFactor : 1)
                    * (defined is not null && _defines[doc].Any(defined.Contains) ? 1 + Options.DefinitionBoost : 1)
                    * (shown is not null && shown.Contains(_facts[doc].Id) ? Options.ShownFactFactor : 1);
                return new RankedFact(_facts[doc], score, coverage)
                {
                    Bm25 = bm25,
                    FormSimilarity = similarity,
                    GivesKindAsked = answers,
                    LacksKindRequired = required != AnswerType.None && (_gives[doc] & required) == 0,
                    DefinesSubject = defined is not null && _defines[doc].Any(defined.Contains),
                };
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The candidates by words and by meaning in one list: the <see cref="WordHead"/> best by words, then the
    /// <see cref="DenseCandidates"/> closest in meaning that are not among them (a question worded away from every
    /// fact's words still reaches its fact), then the rest by words.
    /// </summary>
    private static List<(RankedFact Fact, int Doc)> JoinByMeaning(List<(RankedFact Fact, int Doc)> ranked, DenseMatch dense, Func<int, RankedFact> rank)
    {
        var head = ranked.Take(WordHead).ToList();
        var joined = new List<(RankedFact Fact, int Doc)>(ranked.Count + DenseCandidates);
        joined.AddRange(head);
        var added = 0;
        foreach (var doc in dense.Order)
        {
            if (added == DenseCandidates || dense.Best[doc] <= 0)
            {
                break;
            }
            if (head.Exists(h => h.Doc == doc))
            {
                continue;
            }
            var known = ranked.FindIndex(r => r.Doc == doc);
            joined.Add(known >= 0 ? ranked[known] : (rank(doc), doc));
            added++;
        }
        joined.AddRange(ranked.Skip(WordHead).Where(r => !joined.Exists(j => j.Doc == r.Doc)));
        return joined;
    }

    private static RankedFact WithMeaning(RankedFact fact, int doc, DenseMatch dense) => fact with
    {
        FormCosine = dense.Form[doc],
        AnswerCosine = dense.Answer[doc],
        QuoteCosine = dense.Quote[doc],
        DenseRank = dense.RankOf[doc],
        DenseMargin = dense.Margin(doc),
        NearMissCosine = dense.NearMiss.Length > doc ? dense.NearMiss[doc] : 0,
    };

    /// <summary>Adds to each fact the score of its question form closest to the question, weighted by <see cref="RetrievalOptions.FormWeight"/>.</summary>
    private void AddBestForms(ReadOnlySpan<float> formScores, Span<float> scores)
    {
        if (Options.FormWeight <= 0)
        {
            return;
        }
        var weight = (float)Options.FormWeight;
        var start = 0;
        while (start < _formFact.Length)
        {
            var fact = _formFact[start];
            var best = 0f;
            var end = start;
            for (; end < _formFact.Length && _formFact[end] == fact; end++)
            {
                best = Math.Max(best, formScores[end]);
            }
            scores[fact] += weight * best;
            start = end;
        }
    }

    /// <summary>
    /// "trade volume kz korea": a question that names no date and asks for a figure that changes over time gets the
    /// latest one — among the facts of the best one's topic that match the question as fully and nearly as well.
    /// </summary>
    private void PreferLatestFigure(List<(RankedFact Fact, int Doc)> ranked, string question)
    {
        if (ranked.Count < 2 || !RecencyApplies(ranked[0].Doc, question))
        {
            return;
        }
        var best = ranked[0];
        var latest = best;
        foreach (var candidate in ranked.Skip(1))
        {
            if (candidate.Fact.Score >= Options.LatestFigureShare * best.Fact.Score && candidate.Fact.Coverage >= best.Fact.Coverage - 1e-9
                && candidate.Fact.Fact.Topic == best.Fact.Fact.Topic && RecencyApplies(candidate.Doc, question)
                && string.CompareOrdinal(candidate.Fact.Fact.AsOf, latest.Fact.Fact.AsOf) > 0)
            {
                latest = candidate;
            }
        }
        if (latest.Doc != best.Doc)
        {
            ranked.Remove(latest);
            ranked.Insert(0, latest);
        }
    }

    private bool RecencyApplies(int doc, string question) =>
        _facts[doc].AsOf is not null && (_gives[doc] & AnswerType.Figure) != 0 && !AnswerTypes.NamesATime(question);

    private bool IsCue(int term, AnswerType need) => need != AnswerType.None && _cueTerms.TryGetValue(term, out var type) && (type & need) != 0;

    /// <summary>The similarity of the question to the closest of a fact's question forms (see <see cref="WeightedQuery.Similarity"/>).</summary>
    private double BestFormSimilarity(WeightedQuery query, int fact)
    {
        if (Options.FormSimilarityWeight <= 0)
        {
            return 0;
        }
        var best = 0.0;
        for (var form = _firstForm[fact]; form >= 0 && form < _formFact.Length && _formFact[form] == fact; form++)
        {
            best = Math.Max(best, query.Similarity(_index, _formTerms[form], _cueTerms));
        }
        return best;
    }

    /// <summary>A text's distinct terms as a question counts them: an alias phrase by its entity, not also by its words.</summary>
    private int[] OwnTerms(string text)
    {
        var analyzed = new AnalyzedText();
        _lexicon.Analyze(text, correctTypos: false, analyzed);
        return [.. analyzed.Terms.Where((_, i) => !analyzed.InAlias[i]).Distinct()];
    }

    private IReadOnlyList<int> Terms(string text)
    {
        var analyzed = new AnalyzedText();
        _lexicon.Analyze(text, correctTypos: false, analyzed);
        return [.. analyzed.Terms];
    }
}
