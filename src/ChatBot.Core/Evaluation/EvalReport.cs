using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Evaluation;

/// <summary>
/// The outcome of <c>chatbot eval</c>: accuracy over questions that expect a cited answer, the refusal rate over
/// out-of-scope ones, the answers that were wrong without a word of doubt, the conversations right at every turn,
/// and every question that went wrong (as Rasa's intent_errors.json lists them).
/// </summary>
public sealed record EvalReport(
    string Set,
    int Questions,
    int Answerable,
    int Correct,
    int OutOfScope,
    int Refused,
    int Conversational,
    IReadOnlyDictionary<string, IntentScore> PerIntent,
    IReadOnlyList<EvalOutcome> Misses)
{
    public double Accuracy => Answerable == 0 ? 1 : (double)Correct / Answerable;

    public double RefusalRate => OutOfScope == 0 ? 1 : (double)Refused / OutOfScope;

    /// <summary>Answerable and out-of-scope questions answered with a citation that is not right and no uncertainty wording.</summary>
    public int ConfidentlyWrong { get; init; }

    /// <summary>
    /// The strict reading, where only the question writer's own place counts (no <see cref="DevQuestion.Also"/>):
    /// answerable questions right, confidently wrong answers, conversations right at every turn.
    /// </summary>
    public int CorrectStrictly { get; init; }

    /// <inheritdoc cref="CorrectStrictly"/>
    public int ConfidentlyWrongStrictly { get; init; }

    /// <inheritdoc cref="CorrectStrictly"/>
    public int ConversationsRightStrictly { get; init; }

    /// <summary><see cref="ConfidentlyWrong"/> as a share of every scored question (answerable and out of scope).</summary>
    public double ConfidentlyWrongRate => Answerable + OutOfScope == 0 ? 0 : (double)ConfidentlyWrong / (Answerable + OutOfScope);

    /// <summary>Out-of-scope questions the set marks as near misses (the subject is in the documents, what is asked is not).</summary>
    public int NearMisses { get; init; }

    public int NearMissesRefused { get; init; }

    public double NearMissRefusalRate => NearMisses == 0 ? 1 : (double)NearMissesRefused / NearMisses;

    public int Conversations { get; init; }

    /// <summary>Conversations whose every turn was right (an out-of-scope turn refused).</summary>
    public int ConversationsRight { get; init; }

    public double ConversationRate => Conversations == 0 ? 1 : (double)ConversationsRight / Conversations;

    public int Turns { get; init; }

    public int TurnsRight { get; init; }

    public int TurnsConfidentlyWrong { get; init; }

    /// <summary>Every conversation that went wrong at some turn, with the turn where it broke first.</summary>
    public IReadOnlyList<ConversationOutcome> BrokenConversations { get; init; } = [];

    /// <summary>Questions whose expected phrase is not in the seed where the set says: the set needs fixing, not the bot.</summary>
    public IReadOnlyList<string> DataProblems { get; init; } = [];
}

/// <summary>How one intent's questions fared.</summary>
public sealed record IntentScore(int Questions, int Correct)
{
    public double Accuracy => Questions == 0 ? 1 : (double)Correct / Questions;
}

/// <summary>One question's result: what was expected, what the bot did, and how sure it was.</summary>
public sealed record EvalOutcome(
    string Question,
    string? After,
    string Intent,
    bool Holdout,
    string Expected,
    string Got,
    string Kind,
    double Confidence,
    bool Right)
{
    /// <summary>Right with only the writer's own place counted (see <see cref="DevQuestion.Also"/>); the same as <see cref="Right"/> without one.</summary>
    public bool RightStrictly { get; init; } = true;

    /// <summary>Whether the reply cited any seed lines.</summary>
    public bool Cited { get; init; }

    /// <summary>Whether the reply refuses, hedges or asks back in the bot's own words (<see cref="UncertaintyWording"/>).</summary>
    public bool Hedged { get; init; }

    /// <summary>What kind of miss this is (<see cref="MissKinds"/>); null when right.</summary>
    public string? Miss { get; init; }

    /// <summary>Cited, not right, and nothing in the reply says the bot is unsure.</summary>
    public bool ConfidentlyWrong => Cited && !Right && !Hedged;
}

/// <summary>The kinds of miss the report counts apart.</summary>
public static class MissKinds
{
    public const string NotAnswered = "refused but answerable";
    public const string WrongFact = "wrong fact";
    public const string OutOfScopeAnswered = "out of scope answered";
    public const string BadExpectation = "expected phrase not in the seed";
}
