using System.Text;
using System.Text.RegularExpressions;
using ChatBot.Core.Dialogs;

namespace ChatBot.Core.Knowledge;

/// <summary>
/// Answers from the documents alone: the best curated fact (or a dated timeline, or a clearly matching seed
/// passage), always with its citation; below the confidence threshold it says it does not know and offers three
/// questions it can answer. Remembers each conversation's last question so that "and in 2022?" can follow up.
/// </summary>
public sealed partial class KnowledgeAnswerer(KnowledgeBase knowledge, FollowUpPlanner followUps, IStorage storage) : IQuestionAnswerer
{
    /// <summary>How much of the conversation a follow-up carries: enough for a question and its follow-up.</summary>
    private const int MaxContextLength = 300;

    public KnowledgeAnswerer(KnowledgeBase knowledge, IStorage storage)
        : this(knowledge, new FollowUpPlanner(knowledge), storage)
    {
    }

    public async Task<BotAnswer> AnswerAsync(string conversationId, string text, CancellationToken cancellationToken)
    {
        var question = text.Trim();
        var previous = await ReadContextAsync(conversationId, cancellationToken).ConfigureAwait(false);
        var (answer, context) = Answer(question, previous);
        if (context is not null)
        {
            await WriteContextAsync(conversationId, context, cancellationToken).ConfigureAwait(false);
        }
        return answer;
    }

    /// <summary>The answer to a question, given the conversation's previous question; and the context to remember, if any.</summary>
    public (BotAnswer Answer, string? Context) Answer(string question, string? previous = null) => Answer(question, previous, null);

    /// <summary>
    /// The answer to a question; <paramref name="followUp"/>, when the question leans on the previous one, gives the
    /// last answer's topic as a prior and the facts just shown, which a follow-up rarely asks for again.
    /// </summary>
    public (BotAnswer Answer, string? Context) Answer(string question, string? previous, FollowUpPrior? followUp)
    {
        var (answer, context, _) = AnswerWithCandidates(question, previous, followUp);
        return (answer, context);
    }

    /// <summary>
    /// <see cref="Answer(string, string?, FollowUpPrior?)"/>, and the candidates it scored (the question with its
    /// timeline cue left out, with <paramref name="previous"/> as context), so a caller can re-rank them with another
    /// prior instead of scanning the facts again; null when the question was declined before any retrieval of it.
    /// </summary>
    public (BotAnswer Answer, string? Context, FactCandidates? Candidates) AnswerWithCandidates(string question, string? previous, FollowUpPrior? followUp)
    {
        var options = knowledge.Options;
        if (AsksAboutThePresent(question))
        {
            return (DoNotKnow(knowledge.Retriever.Retrieve(question), DocumentsEndBeforeNow), null, null);
        }
        var timeline = TimelineBuilder.IsTimelineQuestion(question);
        var query = timeline ? TimelineBuilder.WithoutCue(question) : question;
        var boost = followUp is { Reask: true } ? options.ReaskPriorBoost : (double?)null;
        // One scan gives both readings: the question alone, and with the previous question as context.
        var candidates = knowledge.Retriever.Candidates(query, previous);
        var retrieval = candidates.Rank(followUp?.Topic, shown: followUp?.Shown, priorBoost: boost);
        var context = question;
        var leans = followUp is not null || IsFollowUp(question);
        if (previous is not null && (leans || retrieval.Confidence < options.AnswerThreshold))
        {
            var withContext = candidates.Rank(followUp?.Topic, withContext: true, shown: followUp?.Shown, priorBoost: boost);
            if (withContext.Confidence >= options.AnswerThreshold && withContext.OwnCoverage >= options.MinOwnCoverage
                && (leans || withContext.Confidence > retrieval.Confidence))
            {
                retrieval = withContext;
                context = Truncate(previous + " " + question);
            }
        }
        if (retrieval.Best is { } best && retrieval.Confidence >= options.AnswerThreshold)
        {
            var topic = best.Fact.Topic;
            return timeline && knowledge.Timeline.DatedFactCount(topic) >= options.TimelineMinFacts
                ? (TimelineAnswer(topic, retrieval.Confidence), context, candidates)
                : (FactAnswer(best.Fact, retrieval, question), context, candidates);
        }
        if (knowledge.Passages.Find(question) is { } passage && passage.Confidence >= options.PassageThreshold)
        {
            return (PassageAnswer(passage), question, candidates);
        }
        return (DoNotKnow(retrieval), null, candidates);
    }

    public BotAnswer Welcome() => new(
        "Hello! I answer questions about the relations between Kazakhstan and the Republic of Korea from five documents " +
        "(interviews, a foreign ministry press release and a book chapter, 2008–2022): diplomatic ties, visits, agreements, " +
        "trade, investment, energy, culture and more. Every answer names its source file and lines.",
        [], followUps.Examples([]), "greeting", 1, AnswerKind.SmallTalk);

    /// <summary>A fact as an answer: its text, every place it is stated, and follow-up questions that lead to facts.</summary>
    public BotAnswer FactAnswer(Fact fact, FactRetrieval retrieval, string question) => new(
        fact.Answer,
        [.. fact.Locations.Select(l => new Citation(l.Source, l.FirstLine, l.LastLine, l.Quote))],
        followUps.After(fact, retrieval.Facts.Skip(1), question),
        fact.Topic,
        retrieval.Confidence,
        AnswerKind.Fact);

    private BotAnswer TimelineAnswer(string topic, double confidence)
    {
        var entries = knowledge.Timeline.Build(topic, knowledge.Options.TimelineMinFacts);
        var text = new StringBuilder($"Here is how {knowledge.Topics.Find(topic)?.Title ?? topic} developed over time in my documents, oldest first:\n");
        for (var i = 0; i < entries.Count; i++)
        {
            text.Append("\n- **").Append(entries[i].AsOf).Append("**: ").Append(entries[i].Fact.Answer).Append(" [").Append(i + 1).Append(']');
        }
        return new BotAnswer(
            text.ToString(),
            [.. entries.Select(e => e.Fact.Citation)],
            followUps.Examples([]).Where(q => !TimelineBuilder.IsTimelineQuestion(q)).Take(2).ToList(),
            topic,
            confidence,
            AnswerKind.Timeline);
    }

    private static BotAnswer PassageAnswer(PassageMatch match) => new(
        $"I have no curated answer to that, but this passage of {match.Passage.Source} looks relevant: “{match.Passage.Text}”",
        [new Citation(match.Passage.Source, match.Passage.Lines.First, match.Passage.Lines.Last, match.Passage.Text)],
        [],
        "passage",
        match.Confidence,
        AnswerKind.Passage);

    private BotAnswer DoNotKnow(FactRetrieval retrieval, string? reason = null)
    {
        var examples = followUps.Examples(retrieval.Facts.Select(r => r.Fact.Topic));
        return new BotAnswer(
            (reason ?? "I don't know that from my documents.") + " They cover relations between Kazakhstan and the Republic of Korea; " +
            "you could ask me one of these instead:",
            [], examples, "out_of_scope", retrieval.Confidence, AnswerKind.Fallback);
    }

    private const string DocumentsEndBeforeNow =
        "I don't know that from my documents: they were written between 2008 and 2022, so they cannot tell what holds now or what will happen.";

    /// <summary>
    /// "now", "today", "currently", "tomorrow": the documents are dated, so presenting what they say as today's
    /// state would be inventing. Such questions are declined whatever their words match.
    /// </summary>
    private static bool AsksAboutThePresent(string question) => PresentTime().IsMatch(question);

    /// <summary>"and in 2022?", "what about kia?", "when did he die": a question that leans on the one before.</summary>
    public static bool IsFollowUp(string question) =>
        question.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 7 && FollowUpCue().IsMatch(question);

    private static string Truncate(string context) => context.Length <= MaxContextLength ? context : context[^MaxContextLength..];

    private async Task<string?> ReadContextAsync(string conversationId, CancellationToken cancellationToken)
    {
        try
        {
            return (await storage.ReadAsync(ContextKey(conversationId), cancellationToken).ConfigureAwait(false))?.Value;
        }
        catch (StorageUnavailableException)
        {
            return null; // a follow-up then reads as a new question; nothing else depends on it
        }
    }

    private async Task WriteContextAsync(string conversationId, string context, CancellationToken cancellationToken)
    {
        try
        {
            await storage.WriteAsync(ContextKey(conversationId), context, eTag: null, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageUnavailableException)
        {
            // Losing the context only weakens the next follow-up.
        }
    }

    private static string ContextKey(string conversationId) => $"knowledge/{conversationId}/previous";

    [GeneratedRegex(@"\b(now|nowadays|today|tonight|tomorrow|currently|current|right now|at the moment|these days|this (week|weekend|month|year)|next (week|month|year)|latest)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PresentTime();

    [GeneratedRegex(@"^\s*(and|what about|how about|also|so|then|but|in|by)\b|\b(he|him|his|she|her|it|its|they|them|their|there|that|this|those|these)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FollowUpCue();
}
