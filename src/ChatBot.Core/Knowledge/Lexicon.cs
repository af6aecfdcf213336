namespace ChatBot.Core.Knowledge;

/// <summary>
/// The vocabulary of the documents, the facts and the entity aliases, fixed at load: maps words to stemmed term ids,
/// alias phrases ("ROK", "Republic of Korea", "KHNP") to one entity term, and corrects a question's typos against the
/// vocabulary (edit distance 1 for words of 5–7 letters, 2 for longer ones).
/// </summary>
public sealed class Lexicon
{
    private const string EntityPrefix = "@";

    /// <summary>Shorter words are left alone: "love", "tall" and "taxi" are words, not typos of "lose", "talk" and "tax".</summary>
    private const int MinCorrectedLength = 5;

    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly List<string> _terms = [];
    private readonly Dictionary<string, int> _wordFrequency = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _stems = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Length, char First), string[]> _candidates;
    private readonly Dictionary<string, AliasPhrase[]> _aliasesByFirstWord;
    private readonly Dictionary<int, int> _standsFor = []; // entity term → the entity term it may stand for

    private readonly WordLists _words;
    private readonly Tokenizer _tokenizer;

    private sealed record AliasPhrase(string[] Words, int Term);

    /// <summary>
    /// Builds the vocabulary from every text the retriever will index, and the aliases of <paramref name="entities"/>;
    /// words are read with the stop words, synonyms and word forms of <paramref name="wordLists"/>.
    /// </summary>
    public Lexicon(IEnumerable<string> texts, EntityLexicon entities, WordLists wordLists)
    {
        _words = wordLists;
        _tokenizer = new Tokenizer(wordLists);
        var aliasPhrases = new List<(string[] Words, int Term)>();
        foreach (var entity in entities.Entities)
        {
            var term = Intern(EntityTerm(entity.Name));
            foreach (var name in entity.Aliases.Prepend(entity.Name))
            {
                var words = _tokenizer.Tokenize(name);
                Count(words);
                if (words.Count > 0 && !(words.Count == 1 && _words.IsStopWord(words[0])))
                {
                    aliasPhrases.Add(([.. words], term));
                }
            }
        }
        foreach (var entity in entities.Entities)
        {
            if (entity.StandsFor is { } broader && entities.Resolve(broader) is { } target)
            {
                _standsFor[_termIds[EntityTerm(entity.Name)]] = _termIds[EntityTerm(target.Name)];
            }
        }
        foreach (var text in texts)
        {
            Count(_tokenizer.Tokenize(text));
        }
        foreach (var word in _wordFrequency.Keys)
        {
            if (IsContentWord(word))
            {
                var stem = Stemmer.Stem(word);
                _stems[word] = stem;
                Intern(stem);
            }
        }
        // Typo candidates by length and first letter: a typo rarely hits the first letter, and the buckets stay small.
        _candidates = _wordFrequency.Keys.Where(w => w.Length >= MinCorrectedLength - 2 && w.All(char.IsLetter))
            .GroupBy(w => (w.Length, w[0])).ToDictionary(g => g.Key, g => g.ToArray());
        _aliasesByFirstWord = aliasPhrases
            .DistinctBy(p => (string.Join(' ', p.Words), p.Term))
            .GroupBy(p => p.Words[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Words.Length).Select(p => new AliasPhrase(p.Words, p.Term)).ToArray(), StringComparer.Ordinal);
    }

    public int TermCount => _terms.Count;

    /// <summary>The word lists this vocabulary reads with.</summary>
    public WordLists Words => _words;

    /// <summary>The text of a term id (a stem, or "@name" for an entity): for diagnostics and tests.</summary>
    public string Term(int id) => _terms[id];

    /// <summary>Whether a term id stands for an entity (a canonical name reached through any of its aliases).</summary>
    public bool IsEntity(int term) => _terms[term].StartsWith(EntityPrefix, StringComparison.Ordinal);

    /// <summary>The entity term an entity term may stand for in a question ("Seoul" for the ROK), or -1.</summary>
    public int StandsFor(int term) => _standsFor.GetValueOrDefault(term, -1);

    /// <summary>The term id of an entity's canonical name, or -1.</summary>
    public int EntityTermId(string canonicalName) => _termIds.GetValueOrDefault(EntityTerm(canonicalName), -1);

    /// <summary>The term id of a word as a question would use it ("Investments" → the id of "invest"), or -1.</summary>
    public int TermId(string word)
    {
        var tokens = _tokenizer.Tokenize(word);
        return tokens.Count == 1 && IsContentWord(tokens[0]) ? _termIds.GetValueOrDefault(Stemmer.Stem(tokens[0]), -1) : -1;
    }

    /// <summary>
    /// Analyzes a text into <paramref name="result"/>. With <paramref name="correctTypos"/> (questions), unknown words
    /// are corrected against the vocabulary; without it (the documents themselves) words are taken as they are.
    /// </summary>
    public void Analyze(string text, bool correctTypos, AnalyzedText result)
    {
        result.Clear();
        var words = _tokenizer.Tokenize(text);
        Span<bool> corrected = words.Count <= 256 ? stackalloc bool[words.Count] : new bool[words.Count];
        if (correctTypos)
        {
            for (var i = 0; i < words.Count; i++)
            {
                if (!_wordFrequency.ContainsKey(words[i]) && Correct(words[i]) is { } fix)
                {
                    words[i] = fix;
                    corrected[i] = true;
                }
            }
        }
        var aliasEnd = 0; // words before this index belong to an alias phrase already matched
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (i >= aliasEnd && _aliasesByFirstWord.TryGetValue(word, out var phrases))
            {
                foreach (var phrase in phrases)
                {
                    if (Matches(words, i, phrase.Words))
                    {
                        Add(result, phrase.Term, corrected[i], inAlias: false);
                        aliasEnd = i + phrase.Words.Length;
                        break;
                    }
                }
            }
            if (!IsContentWord(word))
            {
                continue;
            }
            var stem = _stems.TryGetValue(word, out var known) ? known : Stemmer.Stem(word);
            if (_termIds.TryGetValue(stem, out var id))
            {
                Add(result, id, corrected[i], inAlias: i < aliasEnd);
            }
            else
            {
                result.Unknown.Add(word);
            }
        }
    }

    private static void Add(AnalyzedText result, int term, bool corrected, bool inAlias)
    {
        result.Terms.Add(term);
        result.Corrected.Add(corrected);
        result.InAlias.Add(inAlias);
    }

    private static bool Matches(List<string> words, int at, string[] phrase)
    {
        if (at + phrase.Length > words.Count)
        {
            return false;
        }
        for (var k = 0; k < phrase.Length; k++)
        {
            if (!string.Equals(words[at + k], phrase[k], StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The vocabulary word closest to an unknown one with the same first letter, or null: ties go to the more frequent word.</summary>
    private string? Correct(string word)
    {
        if (word.Length < MinCorrectedLength || !word.All(char.IsLetter) || _words.IsStopWord(word) || _termIds.ContainsKey(Stemmer.Stem(word)))
        {
            return null;
        }
        var max = word.Length <= 7 ? 1 : 2;
        string? best = null;
        var bestDistance = max + 1;
        var bestFrequency = 0;
        for (var length = word.Length - max; length <= word.Length + max; length++)
        {
            if (!_candidates.TryGetValue((length, word[0]), out var candidates))
            {
                continue;
            }
            foreach (var candidate in candidates)
            {
                var distance = EditDistance.Bounded(word, candidate, Math.Min(max, bestDistance));
                if (distance > max)
                {
                    continue;
                }
                var frequency = _wordFrequency[candidate];
                if (distance < bestDistance || distance == bestDistance && frequency > bestFrequency)
                {
                    (best, bestDistance, bestFrequency) = (candidate, distance, frequency);
                }
            }
        }
        return best;
    }

    private bool IsContentWord(string word) =>
        !_words.IsStopWord(word) && (word.Length > 1 || char.IsDigit(word[0]));

    private static string EntityTerm(string canonicalName) => EntityPrefix + canonicalName.ToLowerInvariant();

    private int Intern(string term)
    {
        if (!_termIds.TryGetValue(term, out var id))
        {
            id = _terms.Count;
            _terms.Add(term);
            _termIds[term] = id;
        }
        return id;
    }

    private void Count(List<string> words)
    {
        foreach (var word in words)
        {
            _wordFrequency[word] = _wordFrequency.GetValueOrDefault(word) + 1;
        }
    }
}
