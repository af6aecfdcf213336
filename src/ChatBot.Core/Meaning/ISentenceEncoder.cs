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
