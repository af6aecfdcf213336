namespace ChatBot.Core.Knowledge;

/// <summary>
/// What the intent classifier said about a question, as plain numbers for the answer model (Knowledge knows no
/// classifier): its top intent and that intent's score, and the score of "not about the documents".
/// <see cref="Fixed"/> when the conversation, not the classifier, set the topic (a chosen button, a re-ask).
/// </summary>
public sealed record IntentEvidence(string TopIntent, double TopScore, double OutOfScopeScore, bool Fixed = false)
{
    /// <summary>No classifier reading at all.</summary>
    public static IntentEvidence None { get; } = new(string.Empty, 0, 0);

    /// <summary>The conversation fixes the topic: as sure as a classifier can be, and nothing says "out of scope".</summary>
    public static IntentEvidence FixedTo(string topic) => new(topic, 1, 0, Fixed: true);
}
