namespace ChatBot.Core.Intents;

/// <summary>
/// What the classifier learns from: the examples of <c>dialogs/*.yaml</c>, plus plain (text, topic) rows — the question
/// forms of the curated facts, read by the caller — so the intent the classifier names is the topic the answering fact
/// is filed under; the text normalizer (entity aliases, contractions) that training and prediction share; and which
/// examples are near-duplicates. The classifier reads no fact, entity or lexicon file itself: the composition root
/// (<c>IntentTrainingSource</c>) hands it rows and aliases. Cross-validation folds run over the dialog examples only;
/// the extra rows always stay in training.
/// </summary>
public sealed record IntentTrainingData(
    DialogCatalog Dialogs, IReadOnlyList<IntentExample> FactQuestions, IntentTextNormalizer Normalizer, NearDuplicates NearDuplicates, string Hash)
{
    public IReadOnlyList<IntentExample> DialogExamples { get; } = Dialogs.Examples();

    public IEnumerable<IntentExample> All => DialogExamples.Concat(FactQuestions);

    /// <summary>
    /// The training data of <paramref name="dialogs"/> (read from <paramref name="dialogsFolder"/>) and the extra
    /// <paramref name="topicQuestions"/>: a row whose label is no intent, or whose text is already a dialog example, is
    /// left out. The hash covers the dialog files, the rows kept, the pipeline version, the normalizer's fingerprint and
    /// <paramref name="otherData"/> (the text of any other file the caller read the data with).
    /// </summary>
    public static IntentTrainingData Create(
        DialogCatalog dialogs, string dialogsFolder, IEnumerable<IntentExample> topicQuestions, IntentTextNormalizer normalizer,
        NearDuplicates nearDuplicates, string otherData = "")
    {
        // A question that is already a dialog example would leak into its own cross-validation fold.
        var examples = dialogs.Examples().Select(e => e.Text.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var rows = topicQuestions
            .Where(q => dialogs.Find(q.Label) is not null && !examples.Contains(q.Text.ToLowerInvariant()))
            .ToList();
        var featurization = IntentPipeline.Version + "\n" + normalizer.Fingerprint + (otherData.Length > 0 ? "\n" + otherData : "");
        return new IntentTrainingData(dialogs, rows, normalizer, nearDuplicates, TrainingDataHash.Compute(dialogsFolder, rows, featurization));
    }
}
