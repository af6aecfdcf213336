namespace ChatBot.Core.Knowledge.Evaluation;

/// <summary>
/// One conversation's result: each turn judged as a single question would be, and the first turn that went wrong
/// with what kind of turn it was.
/// </summary>
public sealed record ConversationOutcome(int Number, IReadOnlyList<EvalOutcome> Turns)
{
    /// <summary>Whether every turn was right.</summary>
    public bool Right => Turns.All(t => t.Right);

    /// <summary>The 1-based turn where the conversation first went wrong; null when it held.</summary>
    public int? BrokeAtTurn => Turns.Select((t, i) => (t, i)).Where(x => !x.t.Right).Select(x => (int?)(x.i + 1)).FirstOrDefault();

    /// <summary>What kind of turn it broke at (<see cref="TurnKinds.Of"/>); null when it held.</summary>
    public string? BrokeAtKind => BrokeAtTurn is { } turn ? TurnKinds.Of(turn, Turns[turn - 1]) : null;
}

/// <summary>
/// Names the kind of a conversation turn by its position and its form only (never by the bot's reply), so misses
/// can be counted by kind: the first turn, a follow-up that is elliptical, one that refers back, one that stands
/// alone, or a turn out of scope in its context.
/// </summary>
public static class TurnKinds
{
    private static readonly string[] EllipsisOpenings = ["and ", "what about ", "how about ", "or ", "but ", "also ", "then "];

    private static readonly HashSet<string> ReferringWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "that", "this", "those", "these", "there", "then",
        "same", "both",
    };

    public static string Of(int turn, EvalOutcome outcome)
    {
        if (turn == 1)
        {
            return outcome.Intent == DevQuestion.OutOfScope ? "first turn, out of scope" : "first turn";
        }
        if (outcome.Intent == DevQuestion.OutOfScope)
        {
            return "follow-up, out of scope in context";
        }
        var text = outcome.Question.ToLowerInvariant().Trim();
        if (EllipsisOpenings.Any(text.StartsWith) || text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 2)
        {
            return "follow-up, ellipsis";
        }
        var words = text.Split([' ', '?', ',', '.', '!', '\''], StringSplitOptions.RemoveEmptyEntries);
        return words.Any(ReferringWords.Contains) || text.Contains("the other", StringComparison.Ordinal)
            ? "follow-up, refers back"
            : "follow-up, self-contained";
    }
}
