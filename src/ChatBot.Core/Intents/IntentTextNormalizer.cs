using ChatBot.Core.Meaning;
using System.Globalization;
using System.Text;

namespace ChatBot.Core.Intents;

/// <summary>
/// Rewrites a message before the classifier's n-grams see it, alike in training and at every prediction: lower case,
/// "what's" as "what is" (the contractions of <c>models/lexicon.yaml</c>, handed in as plain pairs), no possessive 's; each alias of a known entity as its canonical name plus a kind token
/// ("who is kim gun" → "who is kim gunn entperson"), so what was learnt about one official, company or document
/// carries over to the others of its kind; every number followed by a shared token ("2019" → "2019 numyear"); no
/// punctuation but the question mark, kept as the word "qmark" (a question is seldom a greeting or a thank-you);
/// Cyrillic and Hangul spelled in Latin letters (<see cref="Transliteration"/>).
/// <see cref="Featurize"/> adds the words' meaning from the <see cref="WordVectors"/> table, taken from the words as
/// typed (before the alias rewriting), so "bye" and "farewell" land near each other whatever the examples say.
/// </summary>
public sealed class IntentTextNormalizer
{
    // Places get no kind token: "Korea" and "Kazakhstan" are in nearly every topical question and would only add noise.
    private const string UntaggedKind = "place";

    private readonly Dictionary<string, AliasPhrase[]> _aliasesByFirstWord;
    private readonly WordVectors _vectors;
    private readonly IReadOnlyDictionary<string, string> _contractions;

    private sealed record AliasPhrase(string[] Words, string Replacement);

    /// <summary>
    /// Builds the alias table from the entities (an alias two entities share goes to the one first by name) and
    /// spells out <paramref name="contractions"/> ("what's" → "what is"; the lexicon's list).
    /// </summary>
    public IntentTextNormalizer(IEnumerable<IntentEntity> entities, IReadOnlyDictionary<string, string>? contractions = null, WordVectors? vectors = null)
    {
        _vectors = vectors ?? WordVectors.Empty;
        _contractions = contractions ?? new Dictionary<string, string>();
        var phrases = new Dictionary<string, AliasPhrase>(StringComparer.Ordinal);
        foreach (var entity in entities.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var canonical = string.Join(' ', Words(entity.Name));
            var kind = entity.Kind.Trim().ToLowerInvariant();
            var replacement = kind.Length == 0 || kind == UntaggedKind ? canonical : $"{canonical} ent{kind}";
            foreach (var name in entity.Aliases.Prepend(entity.Name))
            {
                var words = Words(name);
                if (words.Count > 0)
                {
                    phrases.TryAdd(string.Join(' ', words), new AliasPhrase([.. words], replacement));
                }
            }
        }
        _aliasesByFirstWord = phrases.Values
            .GroupBy(p => p.Words[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Words.Length).ThenBy(p => string.Join(' ', p.Words), StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        Fingerprint = string.Join('\n', phrases.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}\t{p.Value.Replacement}"))
            + string.Concat(_contractions.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"\ncontraction {c.Key}\t{c.Value}"))
            + $"\nword vectors {_vectors.Fingerprint}";
    }

    /// <summary>No entities, no contractions and no word vectors: only case, possessives, punctuation, numbers and scripts are normalized.</summary>
    public static IntentTextNormalizer Plain { get; } = new([]);

    /// <summary>The same contractions without entities or word vectors: what tells near-duplicate examples apart.</summary>
    public IntentTextNormalizer WithoutEntities() => new([], _contractions);

    /// <summary>Every alias and what it becomes, one per line, the contractions and the word-vector table's hash: part of the training-data hash, so an edited alias or a rebuilt table makes the model stale.</summary>
    public string Fingerprint { get; }

    public string Normalize(string? text) => Normalize(Words(text ?? string.Empty));

    /// <summary>The row the classifier reads for a message: its normalized text and its words' meaning.</summary>
    public IntentExample Featurize(string? text, string label = "")
    {
        var row = new IntentExample { Label = label };
        FeaturizeInto(text, row);
        return row;
    }

    /// <summary><see cref="Featurize"/> into a row the caller reuses: its text is replaced and its meaning vector overwritten in place (sized on first use).</summary>
    public void FeaturizeInto(string? text, IntentExample row)
    {
        var words = Words(text ?? string.Empty);
        row.Text = Normalize(words);
        if (row.Meaning.Length != WordVectors.Dimensions)
        {
            row.Meaning = new float[WordVectors.Dimensions];
        }
        _vectors.EmbedInto(words, IntentPipeline.MeaningLength, row.Meaning);
    }

    private string Normalize(List<string> words)
    {
        var output = new StringBuilder(words.Count * 8 + 16);
        for (var i = 0; i < words.Count; i++)
        {
            if (output.Length > 0)
            {
                output.Append(' ');
            }
            if (_aliasesByFirstWord.TryGetValue(words[i], out var phrases) && Longest(phrases, words, i) is { } alias)
            {
                output.Append(alias.Replacement);
                i += alias.Words.Length - 1;
                continue;
            }
            var word = words[i];
            output.Append(word);
            if (word.All(char.IsAsciiDigit))
            {
                output.Append(word.Length == 4 && word[..2] is "19" or "20" ? " numyear" : " numnum");
            }
        }
        return output.ToString();
    }

    /// <summary>The rows featurized (<see cref="Featurize"/>, labels kept): what the pipeline is fitted on and scores.</summary>
    public IReadOnlyList<IntentExample> NormalizeAll(IEnumerable<IntentExample> rows) =>
        rows.Select(r => Featurize(r.Text, r.Label)).ToList();

    private static AliasPhrase? Longest(AliasPhrase[] phrases, List<string> words, int at)
    {
        foreach (var phrase in phrases)
        {
            if (at + phrase.Words.Length > words.Count)
            {
                continue;
            }
            var k = 1; // the first word matched already: the phrases are filed under it
            while (k < phrase.Words.Length && string.Equals(phrase.Words[k], words[at + k], StringComparison.Ordinal))
            {
                k++;
            }
            if (k == phrase.Words.Length)
            {
                return phrase;
            }
        }
        return null;
    }

    /// <summary>Lower-case words and numbers, Cyrillic and Hangul in Latin letters; an emoji or other symbol is a word of its own, and so is "?"; other punctuation only separates words.</summary>
    private List<string> Words(string text)
    {
        var words = new List<string>(16);
        var word = new StringBuilder(16);
        var lower = text.ToLowerInvariant().Replace('’', '\'').Replace('‘', '\'');
        for (var i = 0; i < lower.Length; i++)
        {
            var c = lower[i];
            if (char.IsLetterOrDigit(c))
            {
                Transliteration.Append(word, c);
                continue;
            }
            // An apostrophe inside a word: a contraction ("what's") or a possessive ("korea's").
            if (c == '\'' && word.Length > 0 && i + 1 < lower.Length && char.IsLetter(lower[i + 1]))
            {
                var end = i + 1;
                while (end < lower.Length && char.IsLetter(lower[end]))
                {
                    end++;
                }
                var whole = word + lower[i..end];
                if (_contractions.TryGetValue(whole, out var expanded))
                {
                    words.AddRange(expanded.Split(' '));
                    word.Clear();
                    i = end - 1;
                    continue;
                }
                if (end - i == 2 && lower[i + 1] == 's')
                {
                    i = end - 1; // possessive: "korea's" is "korea"
                    continue;
                }
            }
            Flush(word, words);
            if (char.IsHighSurrogate(c) && i + 1 < lower.Length && char.IsLowSurrogate(lower[i + 1]))
            {
                words.Add(lower.Substring(i, 2));
                i++;
            }
            else if (c == '?')
            {
                words.Add("qmark");
            }
            else if (char.GetUnicodeCategory(c) is UnicodeCategory.OtherSymbol or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol)
            {
                words.Add(c.ToString());
            }
        }
        Flush(word, words);
        return words;
    }

    private static void Flush(StringBuilder word, List<string> words)
    {
        if (word.Length > 0)
        {
            words.Add(word.ToString());
            word.Clear();
        }
    }
}
