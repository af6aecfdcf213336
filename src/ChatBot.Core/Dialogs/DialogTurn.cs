using ChatBot.Core.Intents;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Dialogs;

/// <summary>One message as a handler sees it: the question to answer, the intent it was routed by, and the conversation so far.</summary>
public sealed record DialogTurn(string Question, string Intent, double Confidence, ConversationState State, string? Previous = null)
{
    public IntentRanking? Ranking { get; init; }

    /// <summary>
    /// Set when the message leans on the last answer ("and 2011?", "who did he meet"): the last topic as the prior (not
    /// the classifier's reading) and the facts just shown.
    /// </summary>
    public FollowUpPrior? FollowUp { get; init; }
}

/// <summary>A handler's answer and what the conversation should remember of it.</summary>
public sealed record DialogReply(BotAnswer Answer, IReadOnlyList<string> FactIds, IReadOnlyList<string> Entities)
{
    /// <summary>True for fallback and out-of-scope replies: the turn goes to the unanswered log.</summary>
    public bool Unanswered => Answer.Kind is AnswerKind.Fallback or AnswerKind.OutOfScope;

    public static DialogReply Of(BotAnswer answer) => new(answer, [], []);
}

/// <summary>Answers the intents whose dialog names this handler's kind.</summary>
public interface IDialogHandler
{
    IReadOnlyList<HandlerKind> Kinds { get; }

    DialogReply Handle(DialogTurn turn);
}
