namespace ChatBot.Core.Intents;

/// <summary>One utterance the classifier scored in an evaluation: what it should be, what it was, and how sure.</summary>
public sealed record ScoredUtterance(string Text, string Expected, string Predicted, double Confidence)
{
    /// <summary>The second most likely intent and its confidence, for calibrating the clarify margin.</summary>
    public IntentScore RunnerUp { get; init; } = new(string.Empty, 0);

    public static ScoredUtterance From(string text, string expected, IntentRanking ranking) =>
        new(text, expected, ranking.Top.Intent, ranking.Top.Score) { RunnerUp = ranking.RunnerUp };

    public bool Correct => Expected == Predicted;
}
