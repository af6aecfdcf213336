namespace ChatBot.Core.Knowledge;

/// <summary>
/// BM25F over documents made of weighted fields (a fact's question forms, answer, quote, entities): every term's
/// contribution to every document is computed once at load, so scoring a question is a walk over a few postings.
/// </summary>
public sealed class Bm25Index
{
    private readonly int[][] _postingDocs;      // term → documents holding it, ascending
    private readonly float[][] _postingWeights; // term → idf · saturated weighted tf, parallel to _postingDocs
    private readonly float[] _idf;

    /// <param name="termCount">Size of the lexicon the term ids come from.</param>
    /// <param name="documents">Per document, per field, the term ids in order.</param>
    /// <param name="fields">Per field, its weight and its length normalization b.</param>
    public Bm25Index(int termCount, IReadOnlyList<IReadOnlyList<IReadOnlyList<int>>> documents, IReadOnlyList<Bm25Field> fields, double k1)
    {
        DocumentCount = documents.Count;
        var averageLength = new double[fields.Count];
        for (var f = 0; f < fields.Count; f++)
        {
            averageLength[f] = Math.Max(1, documents.Count == 0 ? 1 : documents.Average(d => d[f].Count));
        }
        var postings = new List<(int Doc, float Weight)>?[termCount];
        var weighted = new Dictionary<int, double>();
        for (var doc = 0; doc < documents.Count; doc++)
        {
            weighted.Clear();
            for (var f = 0; f < fields.Count; f++)
            {
                var terms = documents[doc][f];
                var norm = 1 - fields[f].B + fields[f].B * terms.Count / averageLength[f];
                foreach (var term in terms)
                {
                    weighted[term] = weighted.GetValueOrDefault(term) + fields[f].Weight / norm;
                }
            }
            foreach (var (term, tf) in weighted)
            {
                (postings[term] ??= []).Add((doc, (float)(tf * (k1 + 1) / (tf + k1))));
            }
        }
        _idf = new float[termCount];
        _postingDocs = new int[termCount][];
        _postingWeights = new float[termCount][];
        for (var term = 0; term < termCount; term++)
        {
            var list = postings[term] ?? [];
            _idf[term] = Idf(list.Count);
            _postingDocs[term] = [.. list.Select(p => p.Doc)];
            _postingWeights[term] = [.. list.Select(p => p.Weight * _idf[term])];
        }
        UnknownIdf = Idf(0);
    }

    public int DocumentCount { get; }

    /// <summary>The idf a word found in no document gets: the highest there is.</summary>
    public float UnknownIdf { get; }

    public float IdfOf(int term) => term >= 0 && term < _idf.Length ? _idf[term] : UnknownIdf;

    /// <summary>Whether a document holds a term in any field.</summary>
    public bool Contains(int term, int document) => Array.BinarySearch(_postingDocs[term], document) >= 0;

    /// <summary>Adds <paramref name="weight"/> × each document's contribution for <paramref name="term"/> to <paramref name="scores"/>.</summary>
    public void Accumulate(int term, float weight, Span<float> scores)
    {
        var docs = _postingDocs[term];
        var weights = _postingWeights[term];
        for (var i = 0; i < docs.Length; i++)
        {
            scores[docs[i]] += weight * weights[i];
        }
    }

    private float Idf(int documentFrequency) =>
        (float)Math.Log(1 + (DocumentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/// <summary>One field of a BM25F document: how much a match in it counts, and how much its length normalizes.</summary>
public readonly record struct Bm25Field(double Weight, double B);
