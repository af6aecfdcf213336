namespace ChatBot.Core.Knowledge.Evaluation;

/// <summary>
/// The words with which the bot's own replies refuse, hedge or ask back, taken from its reply texts: a cited answer
/// that says none of them presents itself as sure, so when it is wrong it is "confidently wrong".
/// </summary>
public static class UncertaintyWording
{
    /// <summary>
    /// One phrase per reply that is not a plain answer: the refusal and the out-of-scope reply ("I don't know that
    /// from my documents", <c>OutOfScopeHandler</c> and <c>KnowledgeAnswerer</c>), the ask-back ("Do you mean A or
    /// B?", <c>DialogRouter</c>), the raw passage fallback ("I have no curated answer to that, but this passage…
    /// looks relevant", <c>KnowledgeAnswerer</c>) and the lost conversation state (<c>DialogRouter.LostThread</c>).
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
