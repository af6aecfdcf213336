namespace ChatBot.Core.Dialogs;

/// <summary>
/// The dialog router's knobs, bound from the "Router" section of appsettings.json. The defaults are calibrated on
/// the dev questions of tests/data/questions.yaml that are not held out.
/// </summary>
public sealed record RouterOptions
{
    public const string Section = "Router";

    /// <summary>
    /// Below this classifier confidence the intent is not trusted: the documents are searched without an intent prior
    /// and, unless a fact clearly answers, the bot gives the out-of-scope reply.
    /// </summary>
    public double MinConfidence { get; init; } = 0.50;

    /// <summary>When the top two topical intents are closer than this and lead to different facts, the bot asks which one was meant.</summary>
    public double ClarifyMargin { get; init; } = 0.10;
}
