using System.Text.RegularExpressions;

namespace ChatBot.Core.Knowledge;

/// <summary>
/// The features of one (question, candidate fact) pair that the answer model weighs: how well the fact matches
/// (BM25F, coverage, closest question form, its lead over the others), what of the question it does not hold (words,
/// unknown words, typos, entities, a year, a third country), whether it gives the kind of answer asked for, and
/// whether the intent classifier agrees, and how close the two are in meaning (cosines of the question to the fact's
/// forms, answer and quote, its rank by meaning and its margin over the runner-up, and how much closer the question is to
/// the fact's curated near misses than to the fact). The same code featurizes for training and for a live turn.
/// </summary>
public sealed partial class AnswerFeatures
{
    private readonly CountryNames _countries;
    private readonly CountryNames _people;
    private readonly TopicCatalog _topics;
    private readonly Dictionary<string, (string Text, HashSet<string> Countries)> _facts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _factPeople = new(StringComparer.Ordinal);
    private readonly CountryNames _agents;
    private readonly Dictionary<string, string[]> _factAgents = new(StringComparer.Ordinal);

    public AnswerFeatures(IEnumerable<Fact> facts, CountryNames countries, TopicCatalog topics, EntityLexicon? entities = null)
    {
        _countries = countries;
        _topics = topics;
        entities ??= EntityLexicon.Empty;
        _people = CountryNames.People(entities);
        _agents = CountryNames.OfKind(entities, "person", "organisation");
        foreach (var fact in facts)
        {
            var text = FactText(fact);
            _facts[fact.Id] = (text, [.. countries.Named(text)]);
            _factPeople[fact.Id] = [.. _people.Named(text)];
            _factAgents[fact.Id] = [.. fact.Entities.Select(entities.Resolve).OfType<NamedEntity>()
                .Where(e => e.Kind is "person" or "organisation").Select(e => e.Name).Distinct(StringComparer.Ordinal)];
        }
    }

    /// <summary>The features as the host and <c>chatbot train</c> compute them: the countries of models/countries.txt, the people of the entity list.</summary>
    public static AnswerFeatures For(KnowledgeBase knowledge, ChatBotPaths paths) =>
        new(knowledge.Facts, CountryNames.Load(paths.Countries), knowledge.Topics, knowledge.Entities);

    /// <summary>
    /// The people <paramref name="question"/> names that <paramref name="fact"/> does not: a fact about someone else
    /// never answers a question about this person ("how long had Berdaliyev been ambassador" is not answered by Koo's
    /// years in office).
    /// </summary>
    public IReadOnlyList<string> MissingPeople(QuestionSignals question, Fact fact)
    {
        if (question.People.Count == 0)
        {
            return [];
        }
        var held = _factPeople.TryGetValue(fact.Id, out var known) ? known : [.. _people.Named(FactText(fact))];
        return [.. question.People.Where(p => !held.Contains(p))];
    }

    /// <summary>Bump when a feature is added, removed or computed differently: a model of another version is stale.</summary>
    public const string Version = "5";

    /// <summary>The names of the features, in vector order (for <c>ask --explain</c> and docs/answering.md).</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "score", "bm25", "coverage", "own_coverage", "coverage_confidence", "form_similarity", "lead", "rank",
        "missing_entities", "unknown_share", "unknown_words", "typos", "question_terms",
        "missing_years", "question_years", "missing_countries", "question_countries",
        "asks_kind", "gives_kind", "lacks_required_kind", "defines_subject",
        "intent_score", "out_of_scope_score", "intent_is_fact_topic", "intent_is_a_topic", "intent_fixed", "used_context",
        "form_cosine", "answer_cosine", "quote_cosine", "dense_rank", "dense_margin", "top_cosine",
        "near_miss_cosine", "near_miss_lead", "top_near_miss_lead",
        "no_new_agent",
    ];

    /// <summary>How many features there are (<see cref="Names"/>.Count, as a constant for the model's vector column).</summary>
    public const int Count = 37;

    /// <summary>What the features read of the question alone, once for all its candidates.</summary>
    public sealed record QuestionSignals(IReadOnlyList<string> Years, IReadOnlyList<string> Countries, AnswerType Asks)
    {
        /// <summary>The people the question names (<see cref="MissingPeople"/>).</summary>
        public IReadOnlyList<string> People { get; init; } = [];

        /// <summary>The people and organisations the question names (<see cref="NoNewAgent"/>).</summary>
        public IReadOnlyList<string> Agents { get; init; } = [];
    }

    public QuestionSignals Read(string question)
    {
        var asks = AnswerTypes.Of(question);
        // The agents are read only for a question that asks for one: no other feature needs them.
        return new(Years(question), _countries.Named(question), asks)
        {
            People = _people.Named(question),
            Agents = asks.HasFlag(AnswerType.Agent) ? _agents.Named(question) : [],
        };
    }

    /// <summary>
    /// A "who" question that the fact can only answer with whom the question already names: "who were the two foreign
    /// ministers" and a fact naming no one, "who else met Kim Gunn" and a fact naming him alone. "Who is Koo" asks for a
    /// definition, which such a fact may give. A feature, not a rule: as a rule it refused "who signed the treaty" (the
    /// presidents of three countries, no entity) and "whose numbers are those" (eighth session, docs/answering.md).
    /// </summary>
    private bool NoNewAgent(QuestionSignals question, RankedFact candidate) =>
        question.Asks.HasFlag(AnswerType.Agent) && !candidate.DefinesSubject
        && (_factAgents.TryGetValue(candidate.Fact.Id, out var agents) ? agents : []).All(question.Agents.Contains);

    /// <summary>The features of the <paramref name="index"/>-th fact of <paramref name="retrieval"/>.</summary>
    public float[] Of(string question, FactRetrieval retrieval, int index, IntentEvidence intent, bool usedContext) =>
        Of(Read(question), retrieval, index, intent, usedContext);

    /// <summary>The features of the <paramref name="index"/>-th fact of <paramref name="retrieval"/>, the question read once.</summary>
    public float[] Of(QuestionSignals question, FactRetrieval retrieval, int index, IntentEvidence intent, bool usedContext)
    {
        var candidate = retrieval.Facts[index];
        var fact = candidate.Fact;
        // Its lead: the first fact's score over the runner-up's; any other's score as a share of the first's.
        var lead = index == 0
            ? retrieval.Facts.Count > 1 ? candidate.Score / Math.Max(1e-6, retrieval.Facts[1].Score) : 10
            : candidate.Score / Math.Max(1e-6, retrieval.Facts[0].Score);
        var years = question.Years;
        var (factText, factCountries) = _facts.TryGetValue(fact.Id, out var known) ? known : (FactText(fact), [.. _countries.Named(FactText(fact))]);
        var missingYears = years.Count(y => !factText.Contains(y, StringComparison.Ordinal));
        var named = question.Countries;
        var missingCountries = named.Count(c => !factCountries.Contains(c));
        var asks = question.Asks;
        return
        [
            (float)Math.Log(1 + candidate.Score),
            (float)Math.Log(1 + candidate.Bm25),
            (float)candidate.Coverage,
            (float)candidate.OwnCoverage,
            (float)candidate.CoverageConfidence,
            (float)candidate.FormSimilarity,
            (float)Math.Min(10, lead),
            index,
            candidate.MissingEntities,
            (float)retrieval.UnknownShare,
            retrieval.UnknownWords.Count,
            retrieval.Corrected,
            retrieval.QuestionTerms,
            missingYears,
            years.Count,
            missingCountries,
            named.Count,
            asks == AnswerType.None ? 0 : 1,
            candidate.GivesKindAsked ? 1 : 0,
            candidate.LacksKindRequired ? 1 : 0,
            candidate.DefinesSubject ? 1 : 0,
            (float)intent.TopScore,
            (float)intent.OutOfScopeScore,
            intent.TopIntent == fact.Topic ? 1 : 0,
            _topics.Contains(intent.TopIntent) ? 1 : 0,
            intent.Fixed ? 1 : 0,
            usedContext ? 1 : 0,
            (float)candidate.FormCosine,
            (float)candidate.AnswerCosine,
            (float)candidate.QuoteCosine,
            Math.Min(candidate.DenseRank, 20),
            (float)candidate.DenseMargin,
            (float)retrieval.TopCosine,
            (float)candidate.NearMissCosine,
            (float)NearMissLead(candidate.NearMissCosine, candidate.FormCosine, candidate.AnswerCosine, candidate.QuoteCosine),
            (float)(retrieval.TopNearMissCosine - retrieval.TopCosine),
            NoNewAgent(question, candidate) ? 1 : 0,
        ];
    }

    /// <summary>
    /// The features as if the question did not name its years and countries: no constraint to fail, and those words
    /// (when the lexicon does not know them, as "2031" or "japan") no longer counted as unknown or unmatched.
    /// </summary>
    public static float[] WithoutConstraints(float[] strict, QuestionSignals question, FactRetrieval retrieval, (DenseMatch Match, int Doc)? meaning = null)
    {
        var relaxed = (float[])strict.Clone();
        if (meaning is { } m)
        {
            // The question's meaning without the years and countries it names (see Unconstrained).
            relaxed[Index("form_cosine")] = m.Match.Form[m.Doc];
            relaxed[Index("answer_cosine")] = m.Match.Answer[m.Doc];
            relaxed[Index("quote_cosine")] = m.Match.Quote[m.Doc];
            relaxed[Index("dense_rank")] = Math.Min(m.Match.RankOf[m.Doc], 20);
            relaxed[Index("dense_margin")] = m.Match.Margin(m.Doc);
            relaxed[Index("top_cosine")] = m.Match.Top;
            if (m.Match.NearMiss.Length > m.Doc)
            {
                relaxed[Index("near_miss_cosine")] = m.Match.NearMiss[m.Doc];
                relaxed[Index("near_miss_lead")] = (float)NearMissLead(m.Match.NearMiss[m.Doc], m.Match.Form[m.Doc], m.Match.Answer[m.Doc], m.Match.Quote[m.Doc]);
                relaxed[Index("top_near_miss_lead")] = m.Match.NearMissTop - m.Match.Top;
            }
        }
        var names = question.Years.Concat(question.Countries).ToList();
        var unknown = retrieval.UnknownWords.Count;
        var dropped = retrieval.UnknownWords.Count(w => names.Any(n => n.Contains(w, StringComparison.OrdinalIgnoreCase))
            || question.Countries.Count > 0 && !char.IsDigit(w[0]) && unknown > 0 && question.Countries.Count >= unknown);
        dropped = Math.Min(dropped, unknown);
        if (dropped > 0)
        {
            var share = strict[Index("unknown_share")];
            var kept = share * (unknown - dropped) / unknown;
            var scale = 1 / Math.Max(1e-3f, 1 - share + kept); // the unmatched unknown weight leaves the total
            foreach (var name in (string[])["coverage", "own_coverage", "coverage_confidence"])
            {
                relaxed[Index(name)] = Math.Min(1, strict[Index(name)] * scale);
            }
            relaxed[Index("unknown_share")] = kept;
            relaxed[Index("unknown_words")] = unknown - dropped;
        }
        foreach (var name in (string[])["missing_years", "question_years", "missing_countries", "question_countries"])
        {
            relaxed[Index(name)] = 0;
        }
        return relaxed;
    }

    /// <summary>
    /// How much closer the question is to one of the fact's curated near misses than to what the fact says (its
    /// closest form, answer or quote): above 0, the question reads like something the fact does not answer.
    /// </summary>
    private static double NearMissLead(double nearMiss, double form, double answer, double quote) =>
        nearMiss - Math.Max(form, Math.Max(answer, quote));

    private static int Index(string name)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (Names[i] == name)
            {
                return i;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(name), name, "no such feature");
    }

    /// <summary>
    /// The question without the years and third countries it names ("how much has japan invested in kazakhstan" →
    /// "how much has invested in kazakhstan"), read by meaning for a near miss: its subject alone. A curated near miss
    /// on the same subject teaches the model that a sentence vector pulled away by "japan" is no answer, so the
    /// question's constraint must leave its meaning too before asking whether the subject is held.
    /// </summary>
    public string Unconstrained(string question) =>
        Year().Replace(_countries.Without(question), " ");

    /// <summary>The years and third countries the question names that <paramref name="fact"/> does not hold.</summary>
    public IReadOnlyList<string> MissingConstraints(QuestionSignals question, Fact fact)
    {
        var (text, countries) = _facts.TryGetValue(fact.Id, out var known) ? known : (FactText(fact), [.. _countries.Named(FactText(fact))]);
        return [.. question.Years.Where(y => !text.Contains(y, StringComparison.Ordinal)), .. question.Countries.Where(c => !countries.Contains(c))];
    }

    /// <summary>The years a question names ("in 2019", "2031's trade").</summary>
    public static IReadOnlyList<string> Years(string text) => [.. Year().Matches(text).Select(m => m.Value).Distinct()];

    /// <summary>Everything a fact says: its answer, quotes, entities, date and question forms.</summary>
    private static string FactText(Fact fact) =>
        string.Join(" \n ", fact.Locations.Select(l => l.Quote).Append(fact.Answer).Append(fact.AsOf ?? string.Empty)
            .Concat(fact.Entities).Concat(fact.Questions));

    [GeneratedRegex(@"\b(1[89]|20)\d{2}\b")]
    private static partial Regex Year();
}
