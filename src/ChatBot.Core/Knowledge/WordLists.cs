using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatBot.Core.Knowledge;

/// <summary>Something wrong in a lexicon file, at a line: what <c>chatbot data validate</c> prints.</summary>
public sealed record LexiconProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

/// <summary>
/// The word lists of <c>models/lexicon.yaml</c>: stop words, question words, filler words, synonyms, two-word phrases, word forms,
/// number suffixes and contractions, read once at start. <see cref="Problems"/> lists what <c>chatbot data validate</c>
/// reports (a word listed twice, a word not in lower case, an unknown section), each with its line.
/// </summary>
public sealed class WordLists
{
    /// <summary>The sections a lexicon file may have, in the order the file lists them.</summary>
    public static readonly IReadOnlyList<string> Sections =
        ["stopWords", "questionWords", "fillerWords", "synonyms", "phrases", "wordForms", "numberSuffixes", "numberMarks", "contractions"];

    private readonly HashSet<string> _stopWords = new(StringComparer.Ordinal);
    private readonly HashSet<string> _questionWords = new(StringComparer.Ordinal);
    private readonly HashSet<string> _fillerWords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _synonyms = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), string> _phrases = [];
    private readonly Dictionary<string, string> _wordForms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _numberSuffixes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _contractions = new(StringComparer.Ordinal);
    private readonly List<LexiconProblem> _problems = [];
    private readonly string _file;

    private WordLists(string file, string text)
    {
        _file = Path.GetFileName(file);
        Text = text;
    }

    /// <summary>No words at all: nothing is a stop word, nothing is rewritten.</summary>
    public static WordLists Empty { get; } = new("(none)", string.Empty);

    /// <summary>The file's text, line endings normalized: what the intent model's hash covers.</summary>
    public string Text { get; }

    public IReadOnlySet<string> StopWords => _stopWords;

    /// <summary>Words that say what kind of answer is wanted (who, when…): kept by the retriever, ignored when grouping unanswered questions.</summary>
    public IReadOnlySet<string> QuestionWords => _questionWords;

    /// <summary>Words that do not make a training example a different utterance: what near-duplicate examples may differ by.</summary>
    public IReadOnlySet<string> FillerWords => _fillerWords;

    /// <summary>Each contraction and what it stands for ("what's" → "what is").</summary>
    public IReadOnlyDictionary<string, string> Contractions => _contractions;

    /// <summary>What is wrong in the file, by line; empty for a good file.</summary>
    public IReadOnlyList<LexiconProblem> Problems => _problems;

    public bool IsStopWord(string word) => _stopWords.Contains(word);

    /// <summary>A word in the form the documents use: its word form ("bn" → "billion"), then its synonym ("sold" → "export").</summary>
    public string Canonical(string word)
    {
        var form = _wordForms.GetValueOrDefault(word, word);
        return _synonyms.GetValueOrDefault(form, form);
    }

    /// <summary>The one word a two-word phrase means ("end up" → "settle"), or null.</summary>
    public string? Phrase(string first, string second) => _phrases.GetValueOrDefault((first, second));

    /// <summary>What letters glued to a number mean: a scale word, an empty string for an ordinal or decade mark, or null when they are a word of their own.</summary>
    public string? NumberSuffix(string letters) => _numberSuffixes.GetValueOrDefault(letters);

    /// <summary>Reads a lexicon file; a file that cannot be parsed or has problems stops the load with every problem and its line.</summary>
    /// <exception cref="ChatBotDataException">The file is missing, not YAML, or has problems.</exception>
    public static WordLists Load(string file)
    {
        var lists = Read(file);
        if (lists.Problems.Count > 0)
        {
            throw new ChatBotDataException(
                $"{file} has {lists.Problems.Count} problem(s); run `chatbot data validate` for all of them. First: {lists.Problems[0]}");
        }
        return lists;
    }

    /// <summary>Reads a lexicon file and keeps its problems in <see cref="Problems"/> instead of throwing (for <c>chatbot data validate</c>).</summary>
    /// <exception cref="ChatBotDataException">The file is missing or not YAML.</exception>
    public static WordLists Read(string file)
    {
        if (!File.Exists(file))
        {
            throw new ChatBotDataException($"{file}: file not found; the retriever and the classifier need its word lists (restore it from git).");
        }
        var text = File.ReadAllText(file).ReplaceLineEndings("\n");
        var lists = new WordLists(file, text);
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new ChatBotDataException($"{file}:{ex.Start.Line}: not valid YAML: {(ex.InnerException?.Message ?? ex.Message).Trim()}", ex);
        }
        catch (InvalidOperationException ex)
        {
            // What YamlDotNet throws, without a position, on some unclosed brackets.
            throw new ChatBotDataException($"{file}: not valid YAML (an unclosed [ or quote?): {ex.Message}", ex);
        }
        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            lists.Problem(1, $"expected the sections {string.Join(", ", Sections)}");
            return lists;
        }
        foreach (var (keyNode, value) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
            var line = Line(keyNode);
            switch (key)
            {
                case "stopWords":
                    lists.ReadSet(value, lists._stopWords, key);
                    break;
                case "questionWords":
                    lists.ReadSet(value, lists._questionWords, key);
                    break;
                case "fillerWords":
                    lists.ReadSet(value, lists._fillerWords, key);
                    break;
                case "numberMarks":
                    foreach (var (word, at) in lists.Words(value, key))
                    {
                        lists.AddOnce(lists._numberSuffixes, word, string.Empty, at, "numberSuffixes/numberMarks");
                    }
                    break;
                case "synonyms":
                    lists.ReadGroups(value, key, (canonical, word, at) => lists.AddOnce(lists._synonyms, word, canonical, at, key));
                    break;
                case "wordForms":
                    lists.ReadGroups(value, key, (canonical, word, at) => lists.AddOnce(lists._wordForms, word, canonical, at, key));
                    break;
                case "numberSuffixes":
                    lists.ReadGroups(value, key, (canonical, word, at) => lists.AddOnce(lists._numberSuffixes, word, canonical, at, "numberSuffixes/numberMarks"));
                    break;
                case "phrases":
                    lists.ReadGroups(value, key, (canonical, phrase, at) =>
                    {
                        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                        if (words.Length != 2)
                        {
                            lists.Problem(at, $"phrase '{phrase}' under '{canonical}' is not two words; a phrase maps two words to one");
                        }
                        else if (!lists._phrases.TryAdd((words[0], words[1]), canonical))
                        {
                            lists.Problem(at, $"phrase '{phrase}' is listed twice; keep it under one word");
                        }
                    });
                    break;
                case "contractions":
                    if (value is not YamlMappingNode contractions)
                    {
                        lists.Problem(Line(value), "contractions: expected lines like \"what's\": what is");
                        break;
                    }
                    foreach (var (c, expansion) in contractions.Children)
                    {
                        var contraction = Scalar(c) ?? string.Empty;
                        if (Scalar(expansion) is not { Length: > 0 } spelt)
                        {
                            lists.Problem(Line(c), $"contraction '{contraction}' has no expansion; write it as \"{contraction}\": <the words>");
                            continue;
                        }
                        lists.CheckCase(contraction, Line(c), key);
                        lists.AddOnce(lists._contractions, contraction, spelt, Line(c), key);
                    }
                    break;
                default:
                    lists.Problem(line, $"unknown section '{key}'; the sections are {string.Join(", ", Sections)}");
                    break;
            }
        }
        foreach (var word in lists._stopWords.Intersect(lists._questionWords))
        {
            lists.Problem(1, $"'{word}' is both a stop word and a question word; keep it in one of the two lists");
        }
        return lists;
    }

    private void ReadSet(YamlNode node, HashSet<string> target, string section)
    {
        foreach (var (word, line) in Words(node, section))
        {
            if (!target.Add(word))
            {
                Problem(line, $"'{word}' is listed twice in {section}; remove one");
            }
        }
    }

    /// <summary>A mapping of "canonical: [variants]"; each variant is handed to <paramref name="add"/> with its line.</summary>
    private void ReadGroups(YamlNode node, string section, Action<string, string, int> add)
    {
        if (node is not YamlMappingNode groups)
        {
            Problem(Line(node), $"{section}: expected lines like 'establish: [open, founded]' (the documents' word: the words people use)");
            return;
        }
        foreach (var (key, variants) in groups.Children)
        {
            var canonical = Scalar(key) ?? string.Empty;
            CheckCase(canonical, Line(key), section);
            foreach (var (variant, line) in Words(variants, section))
            {
                add(canonical, variant, line);
            }
        }
    }

    /// <summary>The words of a list, flattened (a list may hold lists, one per line of the file), each with its line.</summary>
    private IEnumerable<(string Word, int Line)> Words(YamlNode node, string section)
    {
        switch (node)
        {
            case YamlScalarNode scalar when scalar.Value is { Length: > 0 } word:
                CheckCase(word, Line(scalar), section);
                yield return (word, Line(scalar));
                break;
            case YamlSequenceNode sequence:
                foreach (var child in sequence.Children)
                {
                    foreach (var item in Words(child, section))
                    {
                        yield return item;
                    }
                }
                break;
            default:
                Problem(Line(node), $"{section}: expected a word or a list of words");
                break;
        }
    }

    private void AddOnce(Dictionary<string, string> target, string word, string canonical, int line, string section)
    {
        if (target.TryGetValue(word, out var first))
        {
            Problem(line, $"'{word}' is listed twice in {section} (as '{first}' and as '{canonical}'); keep one");
            return;
        }
        target[word] = canonical;
    }

    private void CheckCase(string word, int line, string section)
    {
        if (word != word.ToLowerInvariant())
        {
            Problem(line, $"'{word}' in {section} is not lower case; the tokenizer lower-cases every word, so write '{word.ToLowerInvariant()}'");
        }
    }

    private void Problem(int line, string message) => _problems.Add(new LexiconProblem(_file, line, message));

    private static string? Scalar(YamlNode node) => (node as YamlScalarNode)?.Value;

    private static int Line(YamlNode node) => (int)node.Start.Line;
}
