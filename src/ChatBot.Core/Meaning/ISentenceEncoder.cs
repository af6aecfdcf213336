namespace ChatBot.Core.Meaning;

/// <summary>
/// Turns a sentence into a unit-length vector whose cosine to another sentence's says how alike they mean ("a deal"
/// and "an agreement" close, "a poem" far). The fact side is encoded once by <c>chatbot train</c>; the question side
/// each turn, so an encoder's cost is a turn's cost.
/// </summary>
public interface ISentenceEncoder
{
    /// <summary>The encoder's name as <c>models/fact-vectors.bin</c> records it ("static", "minilm", "arctic-xs").</summary>
    string Name { get; }

    /// <summary>What its vectors depend on beyond the facts (a word table's hash, a model's version): another one makes the fact vectors stale.</summary>
    string Fingerprint { get; }

    int Dimensions { get; }

    /// <summary>Writes the vector of <paramref name="text"/> into <paramref name="into"/>; zeros when the encoder knows none of its words.</summary>
    /// <param name="query">The text is a user's question, not a fact's text (a retrieval-tuned encoder marks queries).</param>
    void Encode(string text, bool query, Span<float> into);
}

/// <summary>An encoder that encodes many texts faster together than one by one (a transformer's batches).</summary>
public interface IBatchSentenceEncoder : ISentenceEncoder
{
    float[][] EncodeAll(IReadOnlyList<string> texts);
}

/// <summary>
/// The encoders besides the static one that this process can build and read fact vectors with. Core carries only the
/// static encoder; the ONNX ones (src/ChatBot.Encoders, ~90 MB of model each) register themselves where they are
/// referenced — the CLI and the encoder benchmark — so the host never loads nor ships them.
/// </summary>
public static class SentenceEncoders
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Func<ISentenceEncoder>> Known = new(StringComparer.Ordinal);

    public static void Register(string name, Func<ISentenceEncoder> create) => Known[name] = create;

    /// <summary>The registered names, in name order.</summary>
    public static IReadOnlyList<string> Names => [.. Known.Keys.Order(StringComparer.Ordinal)];

    /// <summary>A new encoder of that name; null when this process has none registered.</summary>
    public static ISentenceEncoder? Create(string name) => Known.TryGetValue(name, out var create) ? create() : null;
}
