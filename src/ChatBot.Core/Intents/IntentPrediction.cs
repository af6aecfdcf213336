namespace ChatBot.Core.Intents;

/// <summary>What the trained pipeline writes for one utterance: the winning intent and a score per intent.</summary>
public sealed class IntentPrediction
{
    public string PredictedLabel { get; set; } = string.Empty;

    /// <summary>One score per intent, in the order of the Score column's slot names.</summary>
    public float[] Score { get; set; } = [];
}
