using System.Text;
using ChatBot.Core.Intents;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Dialogs;

/// <summary>
/// The last stage of a turn: words an <see cref="AnswerDecision"/> as the <see cref="BotAnswer"/> the channel
/// shows — its text from <c>dialogs/responses.yaml</c> (or the fact's own answer), its citations, and the questions
/// to suggest next. The only place a reply is shaped.
/// </summary>
public sealed class ReplyRenderer(KnowledgeBase knowledge, FollowUpPlanner followUps, DialogCatalog dialogs, SourceCatalog sources, ReplyTexts texts)
{
    /// <summary>The welcome a new conversation gets: the greeting, with the greeting dialog's example questions.</summary>
    public BotAnswer Welcome()
    {
        var greeting = dialogs.Dialogs.FirstOrDefault(d => d.Handler == HandlerKind.Greeting)?.Intent ?? "greeting";
        return SmallTalk(greeting, 1, "hello");
    }

    /// <summary>"I lost the thread": the conversation's state could not be read.</summary>
    public BotAnswer LostThread() => new(texts.Say("lost_thread"), [], [], ReplyReasons.LostThread, 0, AnswerKind.LostThread);

    /// <summary>The reply, with the facts it states and the ones the question came nearest to, from the decision itself.</summary>
    public BotAnswer Render(AnswerDecision decision) => Word(decision) with
    {
        FactIds = [.. decision.Facts.Select(f => f.Id).Distinct(StringComparer.Ordinal)],
        Nearest = [.. (decision.Knowledge?.Retrieval.Facts ?? []).Take(NearestShown).Select(r => r.Fact.Id)],
    };

    /// <summary>How many of the nearest facts a reply carries for the curators.</summary>
    private const int NearestShown = 3;

    private BotAnswer Word(AnswerDecision decision)
    {
        var known = decision.Knowledge;
        return decision.Reason switch
        {
            ReplyReasons.Fact => FactAnswer(known!.Fact!, known.Retrieval, decision.Message.Question, decision.Intent, known.Confidence),
            ReplyReasons.Timeline => TimelineAnswer(known!),
            ReplyReasons.Passage => PassageAnswer(known!.Passage!),
            ReplyReasons.NoFact => new BotAnswer(
                texts.Say("no_fact", ("reason", texts.Say(decision.RefusalText))),
                [], followUps.Examples(known!.Retrieval.Facts.Select(r => r.Fact.Topic)), "out_of_scope", decision.Confidence, AnswerKind.Fallback),
            ReplyReasons.NearMiss => NearMiss(decision, known!),
            ReplyReasons.OutOfScope => OutOfScope(decision),
            ReplyReasons.Clarify => Clarify(decision),
            ReplyReasons.WhereFrom => WhereFrom(decision),
            ReplyReasons.NothingMore => new BotAnswer(
                texts.Say("nothing_more", ("topic", TopicTitle(decision.Intent))), [], [], decision.Intent, 1, AnswerKind.SmallTalk),
            ReplyReasons.Sources => Sources(decision),
            ReplyReasons.SmallTalk => SmallTalk(decision.Intent, decision.Confidence, decision.Message.Text),
            _ => throw new InvalidOperationException($"No reply for the decision '{decision.Reason}'."),
        };
    }

    /// <summary>The text of one ask-back button.</summary>
    private string ChoiceLabel(PendingChoice choice) =>
        texts.Say("clarify_choice", ("topic", Title(choice.Intent)), ("question", choice.Question));

    /// <summary>A fact as an answer: its text, every place it is stated, and follow-up questions that lead to facts.</summary>
    private BotAnswer FactAnswer(Fact fact, FactRetrieval retrieval, string question, string intent, double confidence) => new(
        fact.Answer,
        [.. fact.Locations.Select(l => new Citation(l.Source, l.FirstLine, l.LastLine, l.Quote))],
        followUps.After(fact, retrieval.Facts.Skip(1), question),
        intent,
        confidence,
        AnswerKind.Fact);

    /// <summary>"I don't know that for 2031: ... What they do give:" and the facts they hold, each cited, none as the answer.</summary>
    private BotAnswer NearMiss(AnswerDecision decision, KnowledgeDecision known)
    {
        var text = new StringBuilder(texts.Say("near_miss", ("constraint", known.Constraint ?? string.Empty))).Append('\n');
        for (var i = 0; i < known.Held.Count; i++)
        {
            text.Append("\n- ").Append(known.Held[i].Answer).Append(" [").Append(i + 1).Append(']');
        }
        return new BotAnswer(text.ToString(), [.. known.Held.Select(f => f.Citation)], [], "out_of_scope", decision.Confidence, AnswerKind.NearMiss);
    }

    private BotAnswer TimelineAnswer(KnowledgeDecision known)
    {
        var topic = known.Topic!;
        var text = new StringBuilder(texts.Say("timeline", ("topic", TopicTitle(topic)))).Append('\n');
        var entries = known.Timeline;
        for (var i = 0; i < entries.Count; i++)
        {
            text.Append("\n- **").Append(entries[i].AsOf).Append("**: ").Append(entries[i].Fact.Answer).Append(" [").Append(i + 1).Append(']');
        }
        return new BotAnswer(
            text.ToString(),
            [.. entries.Select(e => e.Fact.Citation)],
            followUps.Examples([]).Where(q => !TimelineBuilder.IsTimelineQuestion(q)).Take(2).ToList(),
            topic,
            known.Confidence,
            AnswerKind.Timeline);
    }

    private BotAnswer PassageAnswer(PassageMatch match) => new(
        texts.Say("passage", ("source", match.Passage.Source), ("passage", match.Passage.Text)),
        [new Citation(match.Passage.Source, match.Passage.Lines.First, match.Passage.Lines.Last, match.Passage.Text)],
        [],
        "passage",
        match.Confidence,
        AnswerKind.Passage);

    /// <summary>The honest refusal, with three topics the documents do cover — the nearest by the classifier's ranking — each offered as a question known to get an answer.</summary>
    private BotAnswer OutOfScope(AnswerDecision decision)
    {
        var near = (decision.Ranking?.Ranked ?? []).Select(s => s.Intent).Where(i => knowledge.Facts.Any(f => f.Topic == i)).ToList();
        var topics = near.Concat(knowledge.Facts.GroupBy(f => f.Topic).OrderByDescending(g => g.Count()).Select(g => g.Key))
            .Distinct(StringComparer.Ordinal).Take(3).Select(TopicTitle).ToList();
        var listed = string.Join(", ", topics.Take(topics.Count - 1)) + (topics.Count > 1 ? " and " : "") + topics.LastOrDefault();
        var text = texts.Say("out_of_scope", ("reason", texts.Say(decision.RefusalText)), ("topics", listed));
        return new BotAnswer(text, [], followUps.Examples(near), decision.Intent, decision.Confidence, AnswerKind.OutOfScope);
    }

    private BotAnswer Clarify(AnswerDecision decision)
    {
        var (first, second) = (decision.Choices[0], decision.Choices[1]);
        return new BotAnswer(
            texts.Say("clarify", ("first", Title(first.Intent)), ("second", Title(second.Intent))),
            [], [.. decision.Choices.Select(ChoiceLabel)], decision.Intent, decision.Confidence, AnswerKind.Clarify);
    }

    private BotAnswer WhereFrom(AnswerDecision decision)
    {
        var citations = decision.Replayed;
        var text = new StringBuilder(texts.Say(citations.Count == 1 ? "where_from_one" : "where_from_many"));
        for (var i = 0; i < citations.Count; i++)
        {
            text.Append(citations.Count == 1 ? " " : "\n\n- ")
                .Append(citations[i].Label).Append(": “").Append(citations[i].Quote).Append("” [").Append(i + 1).Append(']');
        }
        return new BotAnswer(text.ToString(), citations, [], decision.Intent, 1, AnswerKind.Passage);
    }

    private BotAnswer Sources(AnswerDecision decision)
    {
        var text = new StringBuilder(texts.Say("sources", ("document_count", DocumentCount))).Append('\n');
        foreach (var document in sources.Documents)
        {
            text.Append("\n- **").Append(document.File).Append("**");
            if (document.Description.Length > 0)
            {
                text.Append(" — ").Append(document.Description);
            }
        }
        return new BotAnswer(text.ToString(), [], Suggestions(decision.Intent), decision.Intent, decision.Confidence, AnswerKind.SmallTalk);
    }

    /// <summary>Greeting, help and chit-chat in one persona: brief, friendly, always saying what the bot knows and where from.</summary>
    private BotAnswer SmallTalk(string intent, double confidence, string message)
    {
        var whatIKnow = texts.Say("what_i_know", ("document_count", DocumentCount));
        var text = dialogs.Find(intent)?.Handler switch
        {
            HandlerKind.Greeting => texts.Say("greeting", ("what_i_know", whatIKnow)),
            HandlerKind.Help => texts.Say("help", ("what_i_know", whatIKnow), ("topics", string.Join(", ", DocumentTopics()))),
            _ when intent == texts.PartingIntent => Parting(message),
            _ => texts.Say("chitchat", ("what_i_know", whatIKnow)),
        };
        return new BotAnswer(text, [], Suggestions(intent), intent, confidence, AnswerKind.SmallTalk);
    }

    /// <summary>The reply to a thank-you, a goodbye or an acknowledgement.</summary>
    private string Parting(string message)
    {
        var words = IntentTextNormalizer.Plain.Normalize(message).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // Three letters or fewer must be the whole word ("ty", "see"), not the start of one ("type", "seems").
        bool Has(IReadOnlyList<string> starts) => words.Any(w => starts.Any(s => s.Length <= 3 ? w == s : w.StartsWith(s, StringComparison.Ordinal)));
        return texts.Say(Has(texts.ThanksWords) ? "thanks" : Has(texts.GoodbyeWords) ? "goodbye" : "acknowledged");
    }

    /// <summary>"five": how many documents, in words for a small number.</summary>
    private string DocumentCount => sources.Documents.Count is var n and >= 1 and <= 10
        ? (string[])["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"] is var words ? words[n - 1] : ""
        : sources.Documents.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private IReadOnlyList<string> Suggestions(string intent) => [.. (dialogs.Find(intent)?.FollowUps ?? []).Take(3)];

    /// <summary>The topical intents in plain words, from the dialogs that answer from the documents.</summary>
    private IEnumerable<string> DocumentTopics() =>
        dialogs.Dialogs.Where(d => HandlerKinds.AnswersFromDocuments(d.Handler)).Select(d => Title(d.Intent));

    private string TopicTitle(string topic) => knowledge.Topics.Find(topic)?.Title ?? Title(topic);

    private static string Title(string intent) => intent.Replace('_', ' ');
}
