using Microsoft.ML;

namespace ChatBot.Core.Intents;

/// <summary>
/// Stratified k-fold cross-validation of one trainer on the dialogs/ examples: every example is scored once by a
/// model that never saw it, nor any near-duplicate of it (<see cref="NearDuplicates"/>), so the report reads like the
/// model meeting new users.
/// </summary>
public static class IntentCrossValidation
{
    public const int DefaultFolds = 5;

    /// <summary>Cross-validates on the dialog examples, the fact questions always in training, each text normalized as the classifier does.</summary>
    public static IntentReport Run(IntentTrainingData data, IntentTrainerCandidate trainer, int folds = DefaultFolds, int seed = 1, CancellationToken cancellationToken = default) =>
        Run(data.DialogExamples, trainer, data.FactQuestions, data.Normalizer, data.NearDuplicates, folds, seed, cancellationToken);

    /// <summary>
    /// Folds <paramref name="examples"/>; <paramref name="alwaysTrain"/> (the fact questions) joins every fold's
    /// training part and is never scored. Texts go through <paramref name="normalizer"/> before training and scoring;
    /// <paramref name="nearDuplicates"/> says which examples must share a fold.
    /// </summary>
    public static IntentReport Run(
        IReadOnlyList<IntentExample> examples, IntentTrainerCandidate trainer, IReadOnlyList<IntentExample>? alwaysTrain = null,
        IntentTextNormalizer? normalizer = null, NearDuplicates? nearDuplicates = null, int folds = DefaultFolds, int seed = 1,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        normalizer ??= IntentTextNormalizer.Plain;
        var fold = AssignFolds(examples, nearDuplicates ?? NearDuplicates.Plain, folds, seed);
        var scored = new List<ScoredUtterance>(examples.Count);
        for (var k = 0; k < folds; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var train = normalizer.NormalizeAll(examples.Where((_, i) => fold[i] != k).Concat(alwaysTrain ?? []));
            var test = examples.Where((_, i) => fold[i] == k).ToList();
            if (test.Count == 0)
            {
                continue;
            }
            var ml = new MLContext(seed);
            var model = IntentPipeline.BuildPipeline(ml, trainer).Fit(ml.Data.LoadFromEnumerable(train));
            var rankings = IntentModelColumns.RankBatch(ml, model, normalizer.NormalizeAll(test));
            scored.AddRange(test.Zip(rankings, (row, ranking) => ScoredUtterance.From(row.Text, row.Label, ranking)));
        }
        return IntentReport.Create(examples.Select(e => e.Label).Distinct(), scored);
    }

    /// <summary>
    /// The fold of each example: per intent, its near-duplicate groups are shuffled with a fixed seed and dealt, larger
    /// groups first, each whole to the fold that has the fewest of the intent's examples so far, so every fold holds
    /// every intent and no group is split.
    /// </summary>
    public static int[] AssignFolds(IReadOnlyList<IntentExample> examples, NearDuplicates nearDuplicates, int folds, int seed)
    {
        var random = new Random(seed);
        var group = nearDuplicates.Groups(examples);
        var fold = new int[examples.Count];
        foreach (var intent in Enumerable.Range(0, examples.Count).GroupBy(i => examples[i].Label, StringComparer.Ordinal))
        {
            var groups = intent.GroupBy(i => group[i]).Select(g => g.ToArray()).ToArray();
            random.Shuffle(groups);
            var load = new int[folds];
            foreach (var members in groups.OrderByDescending(g => g.Length))
            {
                var k = Array.IndexOf(load, load.Min());
                foreach (var i in members)
                {
                    fold[i] = k;
                }
                load[k] += members.Length;
            }
        }
        return fold;
    }
}
