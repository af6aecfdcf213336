using System.Text;
using System.Text.RegularExpressions;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Dialogs;

/// <summary>
/// Answers follow-ups from the conversation state: re-asks the last question with a new year or name, names the
/// person the last answer was about, brings the next fact of the same topic, or shows the full quotes of the last answer.
/// </summary>
public sealed partial class FollowUpResponder(KnowledgeBase knowledge, DocumentAnswerHandler documents)
{
    private const int MoreCandidates = 30;

    /// <summary>The reply, or null when the state has nothing to follow up on (the message is then routed as a new question).</summary>
    public DialogReply? Respond(FollowUp followUp, DialogTurn turn)
    {
        var state = turn.State;
        return followUp.Kind switch
        {
            FollowUpKind.WhereFrom when state.LastCitations.Count > 0 => WhereFrom(state),
            FollowUpKind.More when state.LastIntent is not null && state.LastQuestion is not null => More(turn),
            FollowUpKind.WhoIsThatPerson when LastPerson(state) is { } person =>
                documents.Handle(turn with { Question = $"who is {person}", Intent = "ambassadors_officials", Previous = null }),
            FollowUpKind.Reask when state.LastIntent is not null && state.LastQuestion is not null && followUp.Addition.Length > 0 =>
                documents.Handle(turn with { Question = ReaskOrAsIs(state.LastQuestion, followUp.Addition, turn.Question), Intent = state.LastIntent, Previous = state.LastQuestion, FollowUp = new FollowUpPrior(state.LastIntent, []) { Reask = true } }),
            _ => null,
        };
    }

    /// <summary>"trade in 2022" + "in 2019" → "trade in 2019"; without a year to swap, the addition is asked with the last question as context.</summary>
    public static string Reask(string lastQuestion, string addition)
    {
        var newYear = Year().Match(addition);
        if (newYear.Success && Year().IsMatch(lastQuestion))
        {
            return Year().Replace(lastQuestion, newYear.Value, 1);
        }
        return addition;
    }

    /// <summary>The last question with the new year; without a year, the message as typed ("and of imports?"), which the answerer reads with the last question as context.</summary>
    private static string ReaskOrAsIs(string lastQuestion, string addition, string asTyped)
    {
        var reasked = Reask(lastQuestion, addition);
        return ReferenceEquals(reasked, addition) ? asTyped : reasked;
    }

    private DialogReply WhereFrom(ConversationState state)
    {
        var text = new StringBuilder(state.LastCitations.Count == 1 ? "That comes from " : "That comes from these passages:");
        foreach (var (citation, i) in state.LastCitations.Select((c, i) => (c, i)))
        {
            text.Append(state.LastCitations.Count == 1 ? "" : "\n\n- ")
                .Append(citation.Label).Append(": “").Append(citation.Quote).Append("” [").Append(i + 1).Append(']');
        }
        var answer = new BotAnswer(text.ToString(), state.LastCitations, [], state.LastIntent ?? "sources", 1, AnswerKind.Passage);
        return new DialogReply(answer, state.LastFactIds, state.LastEntities);
    }

    private DialogReply More(DialogTurn turn)
    {
        var state = turn.State;
        var topic = state.LastIntent!;
        var shown = state.ShownFactIds.Concat(state.LastFactIds).ToHashSet(StringComparer.Ordinal);
        var retrieval = knowledge.Retriever.Retrieve(state.LastQuestion!, topic, top: MoreCandidates);
        // The most relevant unseen fact of the topic; when relevance runs out, the topic's other facts in store order.
        var next = retrieval.Facts.Select(r => r.Fact).Where(f => f.Topic == topic && !shown.Contains(f.Id))
            .Concat(knowledge.Facts.Where(f => f.Topic == topic && !shown.Contains(f.Id)))
            .FirstOrDefault(f => !SameAnswerShown(f, shown));
        if (next is null)
        {
            var title = knowledge.Topics.Find(topic)?.Title ?? topic;
            return DialogReply.Of(new BotAnswer($"That's everything my documents say about {title}. Ask me about another topic?", [], [], topic, 1, AnswerKind.SmallTalk));
        }
        return documents.Remember(documents.FactAnswer(next, retrieval, state.LastQuestion!) with { Intent = topic });
    }

    private bool SameAnswerShown(Fact fact, HashSet<string> shown) =>
        shown.Select(knowledge.Store.Find).Any(f => f is not null && f.Answer == fact.Answer);

    private string? LastPerson(ConversationState state) =>
        state.LastEntities.FirstOrDefault(e => string.Equals(knowledge.Entities.Resolve(e)?.Kind, "person", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"\b(19|20)\d{2}\b")]
    private static partial Regex Year();
}
