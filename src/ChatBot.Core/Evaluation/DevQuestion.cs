using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Evaluation;

/// <summary>
/// One question of <c>tests/data/questions.yaml</c> (or of a fresh set, see <see cref="FreshQuestionSet"/>): what a
/// user types, the intent it belongs to, and what a right answer cites — the expected fact ids, or else the seed file
/// and a verbatim phrase the cited lines must contain.
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

    /// <summary>Where in <see cref="Source"/> the expected phrase must be found (a fresh set gives it); anywhere when null.</summary>
    public LineRange? Lines { get; init; }

    /// <summary>
    /// Other places that give the same answer equally well (a fresh set's <c>also:</c>, from a seeds-only label
    /// review): citing one of them is right too. The writer's own place alone is the strict reading.
    /// </summary>
    public IReadOnlyList<ExpectedPlace> Also { get; init; } = [];

    /// <summary>What kind of out-of-scope question this is ("near_miss", "unrelated"), when the set says.</summary>
    public string? Category { get; init; }

    /// <summary>Whether this out-of-scope question is a near miss: the documents hold its subject but not what it asks.</summary>
    public bool IsNearMiss => IsOutOfScope && Category == "near_miss";

    /// <summary>Whether a right answer is a refusal.</summary>
    public bool IsOutOfScope => Intent == OutOfScope;

    /// <summary>Whether the question names what a right answer cites (greetings and the like do not).</summary>
    public bool ExpectsCitation => Facts.Count > 0 || Source is not null && Expect is not null;
}

/// <summary>A seed file, a verbatim phrase and the lines it must be found at: one place that answers a question.</summary>
public sealed record ExpectedPlace(string Source, string Quote, LineRange Lines);
