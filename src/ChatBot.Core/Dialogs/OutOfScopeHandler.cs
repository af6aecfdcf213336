using ChatBot.Core.Intents;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Dialogs;

/// <summary>
/// The honest "I don't know that from my documents", with three topics the documents do cover — the ones nearest to
/// what was asked, by the classifier's ranking — each offered as a question that is known to get an answer.
/// </summary>
public sealed class OutOfScopeHandler(KnowledgeBase knowledge, FollowUpPlanner followUps) : IDialogHandler
{
    public const string DoNotKnow = "I don't know that from my documents.";

    public IReadOnlyList<HandlerKind> Kinds { get; } = [HandlerKind.OutOfScope];

    public DialogReply Handle(DialogTurn turn) => DialogReply.Of(Reply(turn, AnswerKind.OutOfScope, null));

    /// <summary>The reply for a fallback (a topical question no fact answers) or an out-of-scope question.</summary>
    public BotAnswer Reply(DialogTurn turn, AnswerKind kind, string? reason)
    {
        var near = (turn.Ranking?.Ranked ?? []).Select(s => s.Intent).Where(i => knowledge.Facts.Any(f => f.Topic == i));
        var topics = near.Concat(knowledge.Facts.GroupBy(f => f.Topic).OrderByDescending(g => g.Count()).Select(g => g.Key))
            .Distinct(StringComparer.Ordinal).Take(3).Select(t => knowledge.Topics.Find(t)?.Title ?? t.Replace('_', ' ')).ToList();
        var text = (reason ?? DoNotKnow) + " They cover relations between Kazakhstan and the Republic of Korea — for example "
            + string.Join(", ", topics.Take(topics.Count - 1)) + (topics.Count > 1 ? " and " : "") + topics.LastOrDefault() + ". You could ask:";
        return new BotAnswer(text, [], followUps.Examples(near), turn.Intent, turn.Confidence, kind);
    }
}
