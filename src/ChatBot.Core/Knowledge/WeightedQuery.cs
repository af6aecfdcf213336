using System.Buffers;

namespace ChatBot.Core.Knowledge;

/// <summary>
/// A question made ready for an index: each distinct term with the weight it scores with and the share of the
/// question's meaning it carries (its idf; unknown words carry the highest idf and match nothing), so that a
/// document's coverage of the question can be measured.
/// </summary>
internal sealed class WeightedQuery
{
    private readonly List<int> _terms = new(16);
    private readonly List<float> _weights = new(16);
    private readonly List<float> _mass = new(16);
    private readonly List<int> _entities = new(4); // entity terms the question itself names (not its context)
    private readonly List<bool> _own = new(16);    // the term is the question's own, not only its context's
    private readonly List<int> _standsFor = new(16); // the entity a term may stand for ("Seoul" → ROK), or -1

    /// <summary>The weight of the question's own unknown words (its context's left out).</summary>
    public float OwnUnknownMass { get; private set; }

    public float TotalMass { get; private set; }

    /// <summary>How many distinct meaningful terms are the question's own (not its context's).</summary>
    public int OwnTerms
    {
        get
        {
            var count = 0;
            for (var i = 0; i < _terms.Count; i++)
            {
                if (_own[i] && _mass[i] > 0)
                {
                    count++;
                }
            }
            return count;
        }
    }

    /// <summary>The share of the question's own weight that its unknown words carry (0–1).</summary>
    public double OwnUnknownShare
    {
        get
        {
            var known = 0f;
            for (var i = 0; i < _terms.Count; i++)
            {
                if (_own[i])
                {
                    known += _mass[i];
                }
            }
            return known + OwnUnknownMass <= 0 ? 0 : OwnUnknownMass / (known + OwnUnknownMass);
        }
    }

    public int Count => _terms.Count;

    public static WeightedQuery Build(Bm25Index index, AnalyzedText question, AnalyzedText? context, double typoWeight, double contextWeight, Lexicon lexicon)
    {
        var query = new WeightedQuery();
        foreach (var term in question.Terms)
        {
            if (lexicon.IsEntity(term) && !query._entities.Contains(term))
            {
                query._entities.Add(term);
            }
        }
        query.Add(index, question, 1f, (float)typoWeight, own: true);
        query.OwnUnknownMass = query.TotalMass - query._mass.Sum();
        if (context is not null)
        {
            query.Add(index, context, (float)contextWeight, (float)(typoWeight * contextWeight), own: false);
        }
        foreach (var term in query._terms)
        {
            query._standsFor.Add(lexicon.StandsFor(term));
        }
        return query;
    }

    private void Add(Bm25Index index, AnalyzedText text, float weight, float typoWeight, bool own)
    {
        for (var i = 0; i < text.Terms.Count; i++)
        {
            var term = text.Terms[i];
            var w = text.Corrected[i] ? typoWeight : weight;
            var mass = text.InAlias[i] ? 0f : w * index.IdfOf(term);
            var at = _terms.IndexOf(term);
            if (at < 0)
            {
                _terms.Add(term);
                _weights.Add(w);
                _mass.Add(mass);
                _own.Add(own);
                TotalMass += mass;
            }
            else if (w > _weights[at] || mass > _mass[at])
            {
                TotalMass += Math.Max(mass, _mass[at]) - _mass[at];
                _weights[at] = Math.Max(w, _weights[at]);
                _mass[at] = Math.Max(mass, _mass[at]);
            }
        }
        var unknown = text.Unknown.Distinct(StringComparer.Ordinal).Count();
        TotalMass += unknown * weight * index.UnknownIdf;
    }

    /// <summary>Whether a document holds the i-th term, or the entity it stands for.</summary>
    private bool Holds(Bm25Index index, int i, int document) =>
        index.Contains(_terms[i], document) || _standsFor.Count > i && _standsFor[i] >= 0 && index.Contains(_standsFor[i], document);

    /// <summary>Scores every document of the index into <paramref name="scores"/> (cleared first).</summary>
    public void Score(Bm25Index index, Span<float> scores)
    {
        scores.Clear();
        for (var i = 0; i < _terms.Count; i++)
        {
            index.Accumulate(_terms[i], _weights[i], scores);
        }
    }

    /// <summary>
    /// Adds to <paramref name="scores"/> what this query scores beyond <paramref name="baseline"/> (a query built from
    /// the same question without its context): for each term, the weight it has here above the baseline's.
    /// </summary>
    public void AccumulateBeyond(Bm25Index index, WeightedQuery baseline, Span<float> scores)
    {
        for (var i = 0; i < _terms.Count; i++)
        {
            var at = baseline._terms.IndexOf(_terms[i]);
            var extra = _weights[i] - (at < 0 ? 0f : baseline._weights[at]);
            if (extra > 0)
            {
                index.Accumulate(_terms[i], extra, scores);
            }
        }
    }

    /// <summary>The share (0–1) of the question's weight that a document matches.</summary>
    public double Coverage(Bm25Index index, int document) => Coverage(index, document, null);

    /// <summary>
    /// The share (0–1) of the question's weight that a document matches, leaving out the terms <paramref name="excluded"/>
    /// says so (a question word such as "when" says what kind of answer is wanted, not what it is about).
    /// </summary>
    public double Coverage(Bm25Index index, int document, Func<int, bool>? excluded)
    {
        var matched = 0f;
        var total = TotalMass;
        for (var i = 0; i < _terms.Count; i++)
        {
            if (_mass[i] <= 0)
            {
                continue;
            }
            if (excluded?.Invoke(_terms[i]) == true)
            {
                total -= _mass[i];
            }
            else if (Holds(index, i, document))
            {
                matched += _mass[i];
            }
        }
        return total <= 0 ? 0 : matched / total;
    }

    /// <summary>
    /// The share (0–1) of the question's own weight (its context's left out) that a document matches, leaving out
    /// the terms <paramref name="excluded"/> says so: whether a follow-up's own words, not only the conversation's, are answered.
    /// </summary>
    public double OwnCoverage(Bm25Index index, int document, Func<int, bool>? excluded)
    {
        var matched = 0f;
        var total = OwnUnknownMass;
        for (var i = 0; i < _terms.Count; i++)
        {
            if (!_own[i] || _mass[i] <= 0 || excluded?.Invoke(_terms[i]) == true)
            {
                continue;
            }
            var mass = index.IdfOf(_terms[i]);
            total += mass;
            if (Holds(index, i, document))
            {
                matched += mass;
            }
        }
        return total <= 0 ? 0 : matched / total;
    }

    /// <summary>
    /// How alike the question and one question form are (Dice over idf weights, 0–1): a form that says what the
    /// question says, and little else, is the strongest sign that its fact is the one asked for. The question words
    /// in <paramref name="ignored"/> ("when", "who": kind-of-answer cues) are left out on both sides; unknown words
    /// count on the question's side.
    /// </summary>
    public double Similarity(Bm25Index index, int[] formTerms, IReadOnlyDictionary<int, AnswerType> ignored)
    {
        var questionMass = OwnUnknownMass;
        var shared = 0f;
        for (var i = 0; i < _terms.Count; i++)
        {
            if (_own[i] && _mass[i] > 0 && !ignored.ContainsKey(_terms[i]))
            {
                var idf = index.IdfOf(_terms[i]);
                questionMass += idf;
                if (Array.IndexOf(formTerms, _terms[i]) >= 0)
                {
                    shared += idf;
                }
            }
        }
        var formMass = 0f;
        foreach (var term in formTerms)
        {
            if (!ignored.ContainsKey(term))
            {
                formMass += index.IdfOf(term);
            }
        }
        return questionMass + formMass <= 0 ? 0 : 2 * shared / (questionMass + formMass);
    }

    /// <summary>How many of the question's meaningful terms a document holds.</summary>
    public int MatchedTerms(Bm25Index index, int document)
    {
        var matched = 0;
        for (var i = 0; i < _terms.Count; i++)
        {
            if (_mass[i] > 0 && Holds(index, i, document))
            {
                matched++;
            }
        }
        return matched;
    }

    /// <summary>
    /// How many of the specific entities the question names (people, places, organisations rarer than
    /// <paramref name="minIdf"/>: not the two countries every document is about) a document does not mention.
    /// </summary>
    public int MissingEntities(Bm25Index index, int document, double minIdf)
    {
        var missing = 0;
        foreach (var entity in _entities)
        {
            if (index.IdfOf(entity) >= minIdf && !Holds(index, _terms.IndexOf(entity), document))
            {
                missing++;
            }
        }
        return missing;
    }

    /// <summary>The indices of the <paramref name="top"/> highest positive scores, best first.</summary>
    public static int[] Top(ReadOnlySpan<float> scores, int top)
    {
        var best = ArrayPool<int>.Shared.Rent(Math.Max(1, top));
        var count = 0;
        for (var doc = 0; doc < scores.Length; doc++)
        {
            var score = scores[doc];
            if (score <= 0 || count == top && score <= scores[best[count - 1]])
            {
                continue;
            }
            var at = count < top ? count++ : count - 1;
            while (at > 0 && scores[best[at - 1]] < score)
            {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = doc;
        }
        var result = best[..count];
        ArrayPool<int>.Shared.Return(best);
        return result;
    }
}
