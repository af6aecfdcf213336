namespace ChatBot.Core.Intents;

/// <summary>An intent with the classifier's confidence in it (0–1; all intents of one message sum to 1).</summary>
public sealed record IntentScore(string Intent, double Score);

/// <summary>Every intent for one message, most likely first.</summary>
public sealed record IntentRanking(IReadOnlyList<IntentScore> Ranked)
{
    public IntentScore Top => Ranked.Count > 0 ? Ranked[0] : new IntentScore(string.Empty, 0);

    public IntentScore RunnerUp => Ranked.Count > 1 ? Ranked[1] : new IntentScore(string.Empty, 0);

    /// <summary>How far the top intent is ahead of the runner-up; small means the message is ambiguous.</summary>
    public double Margin => Top.Score - RunnerUp.Score;

    /// <summary>Ranks raw scores whose order is given by <paramref name="intents"/>; scores are scaled to sum to 1.</summary>
    public static IntentRanking FromScores(IReadOnlyList<string> intents, ReadOnlySpan<float> scores)
    {
        var count = Math.Min(intents.Count, scores.Length);
        double sum = 0;
        for (var i = 0; i < count; i++)
        {
            sum += Math.Max(0, scores[i]);
        }
        var ranked = new IntentScore[count];
        for (var i = 0; i < count; i++)
        {
            ranked[i] = new IntentScore(intents[i], sum > 0 ? Math.Max(0, scores[i]) / sum : 0);
        }
        Array.Sort(ranked, static (a, b) => b.Score.CompareTo(a.Score));
        return new IntentRanking(ranked);
    }
}
