namespace ChatBot.Core.Knowledge.Evaluation;

/// <summary>
/// One question of <c>tests/data/questions.yaml</c>: what a user types, the intent it belongs to, and what a right
/// answer cites — the expected fact ids, or else the seed file and a verbatim phrase the cited lines must contain.
/// </summary>
public sealed record DevQuestion(
    string Q,
    string Intent,
    string? Source,
    string? Expect,
    bool Holdout,
    string? After,
    IReadOnlyList<string> Facts)
{
    public const string OutOfScope = "out_of_scope";

    /// <summary>Whether a right answer is a refusal.</summary>
    public bool IsOutOfScope => Intent == OutOfScope;

    /// <summary>Whether the question names what a right answer cites (greetings and the like do not).</summary>
    public bool ExpectsCitation => Facts.Count > 0 || Source is not null && Expect is not null;
}
