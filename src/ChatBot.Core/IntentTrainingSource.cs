using ChatBot.Core.Intents;
using ChatBot.Core.Meaning;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core;

/// <summary>
/// Builds the classifier's training data from the repository, outside Intents so the classifier knows no fact store:
/// dialogs/, the question forms of models/facts.yaml as plain (text, topic) rows, the aliases of models/entities.yaml,
/// the contractions and filler words of models/lexicon.yaml and models/word-vectors.bin — each file but dialogs/ and the
/// lexicon left out when missing. Used by the host, <c>chatbot train</c>, <c>chatbot data validate</c> and the tests alike.
/// </summary>
public static class IntentTrainingSource
{
    /// <summary>Reads the data; the hash covers dialogs/, the fact questions, the aliases, the lexicon's text and the vector table.</summary>
    public static IntentTrainingData Load(ChatBotPaths paths)
    {
        // The 9 MB vector table reads on a worker meanwhile the YAML is parsed.
        var vectors = Task.Run(() => File.Exists(paths.WordVectors) ? WordVectors.Load(paths.WordVectors) : WordVectors.Empty);
        var dialogs = DialogCatalog.Load(paths.Dialogs);
        var words = WordLists.Load(paths.Lexicon);
        var questions = File.Exists(paths.Facts)
            ? FactStore.Load(paths.Facts).Facts.SelectMany(f => f.Questions.Select(q => new IntentExample { Text = q, Label = f.Topic })).ToList()
            : [];
        var normalizer = new IntentTextNormalizer(Entities(paths), words.Contractions, vectors.GetAwaiter().GetResult());
        var nearDuplicates = new NearDuplicates(words.FillerWords, normalizer.WithoutEntities());
        return IntentTrainingData.Create(dialogs, paths.Dialogs, questions, normalizer, nearDuplicates, "lexicon\n" + words.Text);
    }

    /// <summary>The committed classifier, checked against the data it must match (<see cref="IntentModelLoader"/>: it never retrains).</summary>
    /// <exception cref="IntentModelException">The model is missing, stale or unreadable; the message names <c>chatbot train</c>.</exception>
    public static IntentClassifier LoadClassifier(ChatBotPaths paths, CancellationToken cancellationToken = default) =>
        new IntentModelLoader().Load(paths.IntentModel, () => Load(paths), cancellationToken);

    /// <summary>The entities as the classifier sees them: name, kind and every alias (the yearless forms included).</summary>
    private static IEnumerable<IntentEntity> Entities(ChatBotPaths paths) =>
        (File.Exists(paths.Entities) ? EntityLexicon.Load(paths.Entities) : EntityLexicon.Empty).Entities
            .Select(e => new IntentEntity(e.Name, e.Kind, e.Aliases));
}
