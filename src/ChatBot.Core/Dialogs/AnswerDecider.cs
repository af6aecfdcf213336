using ChatBot.Core.Intents;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Dialogs;

/// <summary>
/// The middle of a turn, each step once: classify the resolved message (when the conversation does not fix its
/// intent), retrieve its candidates once, and decide — answer, timeline, passage, ask back, or refuse — by re-ranking
/// those candidates with the intent as a prior. Pure: reads the state, writes nothing.
/// </summary>
public sealed class AnswerDecider(
    KnowledgeBase knowledge,
    KnowledgeDecider decider,
    IntentClassifier classifier,
    DialogCatalog dialogs,
    RouterOptions options)
{
    /// <summary>How far down a topic "tell me more" looks for a fact not shown yet.</summary>
    private const int MoreCandidates = 30;

    public AnswerDecision Decide(ResolvedMessage message, ConversationState state)
    {
        switch (message.Mode)
        {
            case MessageMode.Empty:
                return SmallTalk(message, dialogs.Dialogs.FirstOrDefault(d => d.Handler == HandlerKind.Help)?.Intent ?? "help", 1);
            case MessageMode.WhereFrom:
                return new AnswerDecision(AnswerKind.Passage, ReplyReasons.WhereFrom, state.LastIntent ?? "sources", 1)
                {
                    Message = message,
                    Replayed = state.LastCitations,
                };
            case MessageMode.More:
                return More(message, state);
        }

        var candidates = knowledge.Retriever.Candidates(KnowledgeDecider.RetrievalText(message.Question), message.Previous);
        if (message.Mode is MessageMode.TopicChoice or MessageMode.WhoIsThatPerson or MessageMode.Reask)
        {
            return Documents(message, candidates, message.Intent!, 1, ranking: null);
        }

        // A question leaning on the last answer is classified as resolved ("how did the Korean diaspora end up in
        // Kazakhstan", not "how did they end up there"): its own words name no topic.
        var ranking = classifier.Classify(message.Mode == MessageMode.LeaningOnLast ? message.Question : message.Text);
        if (message.Mode == MessageMode.LeaningOnLast)
        {
            var leaning = Documents(message, candidates, message.Intent!, 1, ranking);
            if (leaning.Kind is AnswerKind.Fact or AnswerKind.Timeline)
            {
                return leaning;
            }
            // The last topic led nowhere: the message is read as a question of its own.
            message = message with { FollowUp = null, Remembered = message.Text };
        }

        var (top, runnerUp) = (ranking.Top, ranking.RunnerUp);
        var dialog = dialogs.Find(top.Intent);
        // "how much was that up" after an answer asks about it, whatever small talk its few words resemble ("thanks",
        // "help"): a question that leaned on the last answer and found nothing there is answered or refused, not chatted to.
        var questionNotChat = message.Mode == MessageMode.LeaningOnLast && dialog is not null && !HandlerKinds.AnswersFromDocuments(dialog.Handler)
            && (AnswerTypes.Of(message.Text) != AnswerType.None || message.Text.TrimEnd().EndsWith('?'));
        if (dialog is null || top.Score < options.MinConfidence || dialog.Handler == HandlerKind.OutOfScope || questionNotChat)
        {
            // Unsure, or "not about the documents": answer only if a fact clearly does, else say so.
            var documents = Documents(message, candidates, string.Empty, top.Score, ranking);
            if (documents.Kind is AnswerKind.Fact or AnswerKind.Timeline or AnswerKind.NearMiss)
            {
                return documents;
            }
            return new AnswerDecision(AnswerKind.OutOfScope, ReplyReasons.OutOfScope, "out_of_scope", top.Score)
            {
                Message = message,
                Ranking = ranking,
                Knowledge = documents.Knowledge,
                RefusalText = documents.Kind == AnswerKind.Fallback ? documents.RefusalText : "dont_know",
            };
        }
        if (!HandlerKinds.AnswersFromDocuments(dialog.Handler))
        {
            return dialog.Handler == HandlerKind.Sources
                ? new AnswerDecision(AnswerKind.SmallTalk, ReplyReasons.Sources, top.Intent, top.Score) { Message = message, Ranking = ranking }
                : SmallTalk(message, top.Intent, top.Score) with { Ranking = ranking };
        }
        var decision = Documents(message, candidates, top.Intent, top.Score, ranking);
        if (decision.Kind == AnswerKind.Fact && runnerUp.Score >= options.MinConfidence && ranking.Margin < options.ClarifyMargin
            && dialogs.Find(runnerUp.Intent) is { } other && HandlerKinds.AnswersFromDocuments(other.Handler)
            && decider.FactFor(candidates, top.Intent, IntentEvidence.FixedTo(top.Intent)) is { } first
            && decider.FactFor(candidates, runnerUp.Intent, IntentEvidence.FixedTo(runnerUp.Intent)) is { } second
            && first.Id != second.Id)
        {
            // Two close topics are worth a question back only when each leads to a fact of its own, judged as its
            // button's turn will be (the topic fixed by the choice, not guessed by the classifier).
            return new AnswerDecision(AnswerKind.Clarify, ReplyReasons.Clarify, top.Intent, top.Score)
            {
                Message = message,
                Ranking = ranking,
                Choices = [new PendingChoice(string.Empty, top.Intent, message.Text), new PendingChoice(string.Empty, runnerUp.Intent, message.Text)],
            };
        }
        return decision;
    }

    /// <summary>The documents' answer under <paramref name="intent"/>: the knowledge decision, re-ranked with the intent as a prior.</summary>
    private AnswerDecision Documents(ResolvedMessage message, FactCandidates candidates, string intent, double confidence, IntentRanking? ranking)
    {
        var evidence = Evidence(ranking, message.Intent);
        var known = decider.Decide(message.Question, candidates, message.FollowUp, message.Leans, evidence);
        if (message.FollowUp is null)
        {
            known = decider.WithTopicPrior(known, candidates, intent, evidence, chose: message.Mode == MessageMode.TopicChoice);
        }
        var (kind, reason) = known.Verdict switch
        {
            KnowledgeVerdict.Fact => (AnswerKind.Fact, ReplyReasons.Fact),
            KnowledgeVerdict.Timeline => (AnswerKind.Timeline, ReplyReasons.Timeline),
            KnowledgeVerdict.Passage => (AnswerKind.Passage, ReplyReasons.Passage),
            KnowledgeVerdict.NearMiss => (AnswerKind.NearMiss, ReplyReasons.NearMiss),
            _ => (AnswerKind.Fallback, ReplyReasons.NoFact),
        };
        var answeredIntent = known.Verdict switch
        {
            KnowledgeVerdict.Fact => known.Fact!.Topic,
            KnowledgeVerdict.Timeline => known.Topic!,
            KnowledgeVerdict.Passage => "passage",
            _ => "out_of_scope",
        };
        return new AnswerDecision(kind, reason, answeredIntent, known.Confidence)
        {
            Message = message,
            Knowledge = known,
            Ranking = ranking,
            RefusalText = known.Verdict == KnowledgeVerdict.AfterTheDocuments ? "after_documents" : "dont_know",
        };
    }

    /// <summary>What the classifier said, for the answer model; a topic the conversation fixed when it did not ask the classifier.</summary>
    private IntentEvidence Evidence(IntentRanking? ranking, string? fixedIntent)
    {
        if (ranking is null)
        {
            return fixedIntent is null ? IntentEvidence.None : IntentEvidence.FixedTo(fixedIntent);
        }
        var outOfScope = ranking.Ranked.FirstOrDefault(r => dialogs.Find(r.Intent)?.Handler == HandlerKind.OutOfScope)?.Score ?? 0;
        return new IntentEvidence(ranking.Top.Intent, ranking.Top.Score, outOfScope);
    }

    /// <summary>"tell me more": the most relevant fact of the last topic not shown yet; when relevance runs out, the topic's others in store order.</summary>
    private AnswerDecision More(ResolvedMessage message, ConversationState state)
    {
        var topic = state.LastIntent!;
        var shown = state.ShownFactIds.Concat(state.LastFactIds).ToHashSet(StringComparer.Ordinal);
        var retrieval = knowledge.Retriever.Candidates(message.Question).Rank(topic, top: MoreCandidates);
        var next = retrieval.Facts.Select(r => r.Fact).Where(f => f.Topic == topic && !shown.Contains(f.Id))
            .Concat(knowledge.Facts.Where(f => f.Topic == topic && !shown.Contains(f.Id)))
            .FirstOrDefault(f => !SameAnswerShown(f, shown));
        if (next is null)
        {
            return new AnswerDecision(AnswerKind.SmallTalk, ReplyReasons.NothingMore, topic, 1) { Message = message };
        }
        return new AnswerDecision(AnswerKind.Fact, ReplyReasons.Fact, topic, retrieval.Confidence)
        {
            Message = message,
            Knowledge = KnowledgeDecider.FactDecision(next, retrieval, retrieval.Confidence),
        };
    }

    private bool SameAnswerShown(Fact fact, HashSet<string> shown) =>
        shown.Select(knowledge.Store.Find).Any(f => f is not null && f.Answer == fact.Answer);

    private static AnswerDecision SmallTalk(ResolvedMessage message, string intent, double confidence) =>
        new(AnswerKind.SmallTalk, ReplyReasons.SmallTalk, intent, confidence) { Message = message };
}
