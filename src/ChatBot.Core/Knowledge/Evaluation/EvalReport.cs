namespace ChatBot.Core.Knowledge.Evaluation;

/// <summary>
/// The outcome of <c>chatbot eval</c>: accuracy over questions that expect a cited answer, the refusal rate over
/// out-of-scope ones, and every question that went wrong (as Rasa's intent_errors.json lists them).
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
    bool Right);
