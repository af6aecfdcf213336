namespace ChatBot.Core.Knowledge;

/// <summary>
/// Everything the bot knows, loaded and indexed once at start: the seeds, the facts whose quotes check out, the
/// entity lexicon, and the retrievers built on them. Facts that fail their quote check are left out (and listed in
/// <see cref="Problems"/>), so the bot never cites a quote its source does not contain.
/// </summary>
public sealed class KnowledgeBase
{
    private KnowledgeBase(
        SeedCorpus corpus, FactStore store, IReadOnlyList<Fact> facts, EntityLexicon entities, TopicCatalog topics,
        Lexicon lexicon, RetrievalOptions options, IReadOnlyList<DataProblem> problems, FactMeaning? meaning)
    {
        Meaning = meaning;
        Corpus = corpus;
        Store = store;
        Facts = facts;
        Entities = entities;
        Topics = topics;
        Lexicon = lexicon;
        Options = options;
        Problems = problems;
        Retriever = new FactRetriever(facts, lexicon, entities, options, meaning);
        Passages = new PassageFinder(corpus, store.Skips, lexicon, options);
        Timeline = new TimelineBuilder(facts);
        _countries = new Lazy<IReadOnlyList<NamedEntity>>(FindCountries);
    }

    private readonly Lazy<IReadOnlyList<NamedEntity>> _countries;

    /// <summary>
    /// The vocabulary a question is read with: every word of the seeds and of the facts' question forms, answers and
    /// quotes. Training builds it again without the forms it holds out, so a held-out form meets the unknown words and
    /// typos a user's question would.
    /// </summary>
    public static Lexicon LexiconOf(SeedCorpus corpus, IEnumerable<Fact> facts, EntityLexicon entities, WordLists words) =>
        new(corpus.Documents.SelectMany(d => Enumerable.Range(1, d.LineCount).Select(d.Line))
            .Concat(facts.SelectMany(f => f.Questions.Append(f.Answer).Concat(f.Locations.Select(l => l.Quote)))), entities, words);

    public SeedCorpus Corpus { get; }

    /// <summary>The fact store as read, including facts left out of <see cref="Facts"/>.</summary>
    public FactStore Store { get; }

    /// <summary>The facts the bot answers from: each one's quote was found at its lines.</summary>
    public IReadOnlyList<Fact> Facts { get; }

    public EntityLexicon Entities { get; }

    public TopicCatalog Topics { get; }

    public Lexicon Lexicon { get; }

    public RetrievalOptions Options { get; }

    public FactRetriever Retriever { get; }

    /// <summary>The facts' vectors and the question encoder (<c>models/fact-vectors.bin</c>), or null when the data has none.</summary>
    public FactMeaning? Meaning { get; }

    public PassageFinder Passages { get; }

    public TimelineBuilder Timeline { get; }

    /// <summary>
    /// The countries the documents are about, found in the data: the places (not a city standing for one) that at
    /// least a quarter of the facts name — here Kazakhstan and the ROK.
    /// </summary>
    public IReadOnlyList<NamedEntity> Countries => _countries.Value;

    private IReadOnlyList<NamedEntity> FindCountries()
    {
        var mentions = Facts.SelectMany(f => f.Entities.Select(e => Entities.Resolve(e)?.Name ?? e))
            .GroupBy(n => n, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        return [.. Entities.Entities.Where(e => e.Kind == "place" && e.StandsFor is null && mentions.GetValueOrDefault(e.Name) >= Facts.Count / 4)];
    }

    /// <summary>What was left out at load, and why (the host logs these; <c>chatbot facts check</c> fails on them).</summary>
    public IReadOnlyList<DataProblem> Problems { get; }

    /// <summary>Loads the product's data: <c>models/facts.yaml</c>, <c>models/entities.yaml</c> and <c>models/lexicon.yaml</c> under <paramref name="paths"/>.</summary>
    /// <remarks>
    /// With <paramref name="meaning"/> (the default) <c>models/fact-vectors.bin</c> is read when it exists, and a stale
    /// one stops the load naming <c>chatbot train</c>; <c>chatbot train</c> loads without it, to build it.
    /// </remarks>
    public static KnowledgeBase Load(ChatBotPaths paths, RetrievalOptions? options = null, bool meaning = true) =>
        Load(paths, KnowledgeFiles.Of(paths), options, meaning);

    public static KnowledgeBase Load(ChatBotPaths paths, KnowledgeFiles files, RetrievalOptions? options = null, bool meaning = true)
    {
        options ??= new RetrievalOptions();
        var corpus = SeedCorpus.Load(paths.Seeds);
        var missing = files.FactFiles.Count == 0 ? paths.Facts : files.FactFiles.FirstOrDefault(f => !File.Exists(f));
        if (missing is not null)
        {
            throw new ChatBotDataException($"The fact store {missing} does not exist; the bot has nothing to answer from.");
        }
        var store = FactStore.Load(files.FactFiles);
        var entities = files.EntityFiles.Where(File.Exists).ToList() is { Count: > 0 } entityFiles ? EntityLexicon.Load(entityFiles) : EntityLexicon.Empty;
        var topics = TopicCatalog.Load(paths);

        var problems = new List<DataProblem>(store.Problems);
        var facts = new List<Fact>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var file = string.Join(", ", files.FactFiles.Select(Path.GetFileName));
        foreach (var fact in store.Facts)
        {
            if (!ids.Add(fact.Id))
            {
                problems.Add(new DataProblem(file, fact.Id, "duplicate id; only the first fact with it is used"));
            }
            else if (corpus.Find(fact.Source, fact.Quote, fact.FirstLine, fact.LastLine) is null)
            {
                problems.Add(new DataProblem(file, fact.Id, $"the quote is not found in {fact.Source} lines {fact.Lines}; the fact is not used"));
            }
            else
            {
                // An alsoIn whose quote is not where it claims is dropped, so every citation shown checks out.
                facts.Add(fact with { AlsoIn = [.. fact.AlsoIn.Where(l => corpus.Find(l.Source, l.Quote, l.FirstLine, l.LastLine) is not null)] });
            }
        }
        var lexicon = LexiconOf(corpus, facts, entities, WordLists.Load(paths.Lexicon));
        var factMeaning = meaning && File.Exists(paths.FactVectors) ? FactMeaning.Load(paths, facts) : null;
        return new KnowledgeBase(corpus, store, facts, entities, topics, lexicon, options, problems, factMeaning);
    }
}
