using Microsoft.ML;

namespace ChatBot.Core.Intents;

/// <summary>
/// Stratified k-fold cross-validation of one trainer on the dialogs/ examples: every example is scored once by a
/// model that never saw it, so the report reads like the model meeting new users.
/// </summary>
public static class IntentCrossValidation
{
    public const int DefaultFolds = 5;

    /// <summary>
    /// Folds <paramref name="examples"/>; <paramref name="alwaysTrain"/> (the fact questions) joins every fold's
    /// training part and is never scored.
    /// </summary>
    public static IntentReport Run(
        IReadOnlyList<IntentExample> examples, IntentTrainerCandidate trainer, IReadOnlyList<IntentExample>? alwaysTrain = null,
        int folds = DefaultFolds, int seed = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var fold = AssignFolds(examples, folds, seed);
        var scored = new List<ScoredUtterance>(examples.Count);
        for (var k = 0; k < folds; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var train = examples.Where((_, i) => fold[i] != k).Concat(alwaysTrain ?? []).ToList();
            var test = examples.Where((_, i) => fold[i] == k).ToList();
            if (test.Count == 0)
            {
                continue;
            }
            var ml = new MLContext(seed);
            var model = IntentPipeline.BuildPipeline(ml, trainer).Fit(ml.Data.LoadFromEnumerable(train));
            var rankings = IntentModelColumns.RankBatch(ml, model, test);
            scored.AddRange(test.Zip(rankings, (row, ranking) => ScoredUtterance.From(row.Text, row.Label, ranking)));
        }
        return IntentReport.Create(examples.Select(e => e.Label).Distinct(), scored);
    }

    /// <summary>Shuffles each intent's examples with a fixed seed and deals them round-robin, so each fold holds every intent.</summary>
    private static int[] AssignFolds(IReadOnlyList<IntentExample> examples, int folds, int seed)
    {
        var random = new Random(seed);
        var fold = new int[examples.Count];
        foreach (var group in Enumerable.Range(0, examples.Count).GroupBy(i => examples[i].Label, StringComparer.Ordinal))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            for (var n = 0; n < members.Length; n++)
            {
                fold[members[n]] = n % folds;
            }
        }
        return fold;
    }
}
