using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Intents;

/// <summary>
/// What the classifier learns from: the examples of <c>dialogs/*.yaml</c>, plus the question forms of the curated
/// facts labelled with their topic, so the intent the classifier names is the topic the answering fact is filed
/// under; and the text normalizer built from the entity aliases, which training and prediction share.
/// Cross-validation folds run over the dialog examples only; the fact questions always stay in training.
/// </summary>
public sealed record IntentTrainingData(DialogCatalog Dialogs, IReadOnlyList<IntentExample> FactQuestions, IntentTextNormalizer Normalizer, string Hash)
{
    public IReadOnlyList<IntentExample> DialogExamples { get; } = Dialogs.Examples();

    public IEnumerable<IntentExample> All => DialogExamples.Concat(FactQuestions);

    /// <summary>
    /// Reads dialogs/ and, when they exist, models/facts.yaml (questions whose topic is not an intent are left out) and
    /// models/entities.yaml and models/word-vectors.bin. The hash covers them all as the model sees them, and the featurization's version.
    /// </summary>
    public static IntentTrainingData Load(ChatBotPaths paths)
    {
        // The 9 MB vector table reads on a worker meanwhile the YAML is parsed.
        var vectors = Task.Run(() => VectorsOf(paths));
        var dialogs = DialogCatalog.Load(paths.Dialogs);
        var facts = File.Exists(paths.Facts) ? FactQuestionsOf(FactStore.Load(paths.Facts), dialogs) : [];
        var normalizer = new IntentTextNormalizer(EntitiesOf(paths), vectors.GetAwaiter().GetResult());
        return new IntentTrainingData(dialogs, facts, normalizer, TrainingDataHash.Compute(paths.Dialogs, facts, IntentPipeline.Version + "\n" + normalizer.Fingerprint));
    }

    /// <summary>The normalizer of models/entities.yaml and models/word-vectors.bin, each left out when its file is missing.</summary>
    public static IntentTextNormalizer NormalizerFor(ChatBotPaths paths) => new(EntitiesOf(paths), VectorsOf(paths));

    private static EntityLexicon EntitiesOf(ChatBotPaths paths) =>
        File.Exists(paths.Entities) ? EntityLexicon.Load(paths.Entities) : EntityLexicon.Empty;

    private static WordVectors VectorsOf(ChatBotPaths paths) =>
        File.Exists(paths.WordVectors) ? WordVectors.Load(paths.WordVectors) : WordVectors.Empty;

    private static List<IntentExample> FactQuestionsOf(FactStore store, DialogCatalog dialogs)
    {
        // A question that is already a dialog example would leak into its own cross-validation fold.
        var examples = dialogs.Examples().Select(e => e.Text.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        return store.Facts
            .Where(f => dialogs.Find(f.Topic) is not null)
            .SelectMany(f => f.Questions.Select(q => new IntentExample { Text = q, Label = f.Topic }))
            .Where(e => !examples.Contains(e.Text.ToLowerInvariant()))
            .ToList();
    }
}
