namespace ChatBot.Core.Knowledge;

/// <summary>
/// A text as the retriever sees it: the ids of its known terms in order (with the entity terms its aliases stand
/// for), whether each was reached through a typo correction, and the content words the lexicon does not know.
/// </summary>
public sealed class AnalyzedText
{
    public List<int> Terms { get; } = new(16);

    /// <summary>Parallel to <see cref="Terms"/>: true where the word was a typo corrected against the lexicon.</summary>
    public List<bool> Corrected { get; } = new(16);

    /// <summary>
    /// Parallel to <see cref="Terms"/>: true for the words of an alias phrase ("south", "korea" in "South Korea"),
    /// whose meaning the entity term carries; confidence counts the entity term, not each of its words.
    /// </summary>
    public List<bool> InAlias { get; } = new(16);

    /// <summary>Content words found nowhere in the documents, the facts or the aliases (after typo correction).</summary>
    public List<string> Unknown { get; } = new(4);

    public void Clear()
    {
        Terms.Clear();
        Corrected.Clear();
        InAlias.Clear();
        Unknown.Clear();
    }
}
