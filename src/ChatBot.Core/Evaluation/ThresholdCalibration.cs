using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Evaluation;

/// <summary>One point of a threshold sweep: how many answerable questions stay right and how many out-of-scope ones are refused.</summary>
public sealed record ThresholdPoint(double Threshold, double Accuracy, double RefusalRate);

/// <summary>
/// Picks the confidence threshold from outcomes of a run where the bot answered everything (threshold 0): the
/// lowest threshold that still refuses every out-of-scope question, with a small safety margin.
/// </summary>
public static class ThresholdCalibration
{
    public const double Margin = 0.02;

    /// <param name="kinds">Which answer kinds the threshold governs ("Fact" and "Timeline", or "Passage").</param>
    public static (double Threshold, IReadOnlyList<ThresholdPoint> Sweep) Calibrate(
        IReadOnlyList<DevQuestion> questions, IReadOnlyList<EvalOutcome> outcomes, IReadOnlySet<string> kinds)
    {
        var answerable = new List<(double Confidence, bool Right)>();
        var outOfScope = new List<double>();
        for (var i = 0; i < questions.Count; i++)
        {
            var outcome = outcomes[i];
            var governed = kinds.Contains(outcome.Kind);
            if (questions[i].IsOutOfScope)
            {
                outOfScope.Add(governed ? outcome.Confidence : 0);
            }
            else if (questions[i].ExpectsCitation)
            {
                answerable.Add((governed ? outcome.Confidence : 0, outcome.Right && governed));
            }
        }
        var threshold = Math.Round((outOfScope.Count == 0 ? 0 : outOfScope.Max()) + Margin, 3);
        var sweep = Enumerable.Range(2, 17).Select(i => i * 0.05).Append(threshold).Order()
            .Select(t => new ThresholdPoint(
                t,
                answerable.Count == 0 ? 1 : answerable.Count(a => a.Right && a.Confidence >= t) / (double)answerable.Count,
                outOfScope.Count == 0 ? 1 : outOfScope.Count(c => c < t) / (double)outOfScope.Count))
            .ToList();
        return (threshold, sweep);
    }
}
