using System.Text.RegularExpressions;

namespace ChatBot.Core.Meaning;

/// <summary>
/// Option (a) of docs/answering.md: a sentence's meaning as the IDF-weighted mean of its words' vectors from the
/// static distillation in <c>models/word-vectors.bin</c> (a word one typo away from a known one counts as that one).
/// The weights come from the facts' own texts, so "kazakhstan" and "what", which every fact or question holds, count
/// little and "investment" or "poem" much. A few microseconds a question; no neural network runs.
/// </summary>
public sealed partial class StaticSentenceEncoder(WordVectors vectors, IReadOnlyDictionary<string, float> idf) : ISentenceEncoder
{
    public const string EncoderName = "static";

    private readonly float _unseen = idf.Count == 0 ? 1 : idf.Values.Max();

    public string Name => EncoderName;

    public string Fingerprint => vectors.Fingerprint;

    public int Dimensions => WordVectors.Dimensions;

    /// <summary>The weights the encoder was built with (written into the fact-vector file, read back by the host).</summary>
    public IReadOnlyDictionary<string, float> Idf => idf;

    public void Encode(string text, bool query, Span<float> into) =>
        vectors.EmbedInto(Words(text), Weight, 1, into);

    private float Weight(string word) => idf.TryGetValue(word, out var w) ? w : _unseen;

    /// <summary>A text's words as the table spells them: lower case, letters and digits.</summary>
    public static IEnumerable<string> Words(string text) => Word().Matches(text.ToLowerInvariant()).Select(m => m.Value);

    /// <summary>
    /// Smoothed inverse document frequency over <paramref name="documents"/> (one per fact): ln((N + 1) / (df + 1)) + 1,
    /// so a word in every document still counts a little, and a word in none counts most.
    /// </summary>
    public static Dictionary<string, float> InverseDocumentFrequency(IReadOnlyList<string> documents)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            foreach (var word in Words(document).Distinct())
            {
                df[word] = df.GetValueOrDefault(word) + 1;
            }
        }
        var idf = df.ToDictionary(p => p.Key, p => (float)(Math.Log((documents.Count + 1.0) / (p.Value + 1.0)) + 1), StringComparer.Ordinal);
        idf[string.Empty] = (float)(Math.Log(documents.Count + 1.0) + 1); // the weight of a word no fact holds
        return idf;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
