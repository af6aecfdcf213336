namespace ChatBot.Core.Evaluation;

/// <summary>
/// The words with which the bot's own replies refuse, hedge or ask back, taken from its reply texts: a cited answer
/// that says none of them presents itself as sure, so when it is wrong it is "confidently wrong".
/// </summary>
public static class UncertaintyWording
{
    /// <summary>
    /// One phrase per reply of <c>dialogs/responses.yaml</c> that is not a plain answer: the refusals
    /// (<c>dont_know</c>, <c>after_documents</c>), the ask-back (<c>clarify</c>, "Do you mean A or B?"), the raw
    /// passage fallback (<c>passage</c>, "I have no curated answer to that…") and the lost conversation state
    /// (<c>lost_thread</c>). A test checks each of those texts still says one of them.
    /// </summary>
    public static IReadOnlyList<string> Phrases { get; } =
    [
        "I don't know",
        "I do not know",
        "Do you mean",
        "I have no curated answer",
        "I lost the thread",
    ];

    /// <summary>Whether a reply refuses, hedges or asks back in any of the bot's own words.</summary>
    public static bool IsIn(string reply)
    {
        var text = reply.Replace('\u2019', '\'');
        return Phrases.Any(p => text.Contains(p, StringComparison.OrdinalIgnoreCase));
    }
}
