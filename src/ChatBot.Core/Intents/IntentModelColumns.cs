using Microsoft.ML;
using Microsoft.ML.Data;

namespace ChatBot.Core.Intents;

/// <summary>Reads the intent names of a scored schema: the slot names of its Score column, in score order.</summary>
public static class IntentModelColumns
{
    public static IReadOnlyList<string> ScoreLabels(DataViewSchema outputSchema)
    {
        var score = outputSchema[nameof(IntentPrediction.Score)];
        VBuffer<ReadOnlyMemory<char>> names = default;
        score.GetSlotNames(ref names);
        return names.DenseValues().Select(n => n.ToString()).ToList();
    }

    /// <summary>Scores a batch through Transform (thread-safe, unlike a shared PredictionEngine).</summary>
    public static IReadOnlyList<IntentRanking> RankBatch(MLContext ml, ITransformer model, IEnumerable<IntentExample> rows)
    {
        var scored = model.Transform(ml.Data.LoadFromEnumerable(rows));
        var labels = ScoreLabels(scored.Schema);
        return ml.Data.CreateEnumerable<IntentPrediction>(scored, reuseRowObject: false)
            .Select(p => IntentRanking.FromScores(labels, p.Score))
            .ToList();
    }
}
