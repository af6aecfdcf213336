using System.Text.RegularExpressions;

namespace ChatBot.Core.Knowledge;

/// <summary>
/// Decides from the documents alone whether, and with what, a question can be answered: the best curated fact above
/// the confidence threshold (or a dated timeline, or a clearly matching seed passage), else "no fact". It reads the
/// turn's one <see cref="FactCandidates"/> and scans nothing itself; wording the reply is someone else's job.
/// </summary>
public sealed partial class KnowledgeDecider(KnowledgeBase knowledge)
{
    /// <summary>The text a question is retrieved by: a timeline cue ("over the years") says how to answer, not what about.</summary>
    public static string RetrievalText(string question) =>
        TimelineBuilder.IsTimelineQuestion(question) ? TimelineBuilder.WithoutCue(question) : question;

    /// <summary>
    /// The decision for <paramref name="question"/> from <paramref name="candidates"/> (scored from
    /// <see cref="RetrievalText"/> of it, with the previous question as context when there was one).
    /// <paramref name="followUp"/>, when the question leans on the previous one, gives the last answer's topic as a
    /// prior and the facts just shown; <paramref name="leans"/> says the question reads as a follow-up, so the
    /// context is preferred over the question alone.
    /// </summary>
    public KnowledgeDecision Decide(string question, FactCandidates candidates, FollowUpPrior? followUp = null, bool leans = false)
    {
        var options = knowledge.Options;
        if (AsksAboutThePresent(question))
        {
            var plain = candidates.Rank();
            return new KnowledgeDecision(KnowledgeVerdict.AfterTheDocuments, plain, plain.Confidence);
        }
        var boost = followUp is { Reask: true } ? options.ReaskPriorBoost : (double?)null;
        var retrieval = candidates.Rank(followUp?.Topic, shown: followUp?.Shown, priorBoost: boost);
        var usedContext = false;
        leans |= followUp is not null;
        if (candidates.HasContext && (leans || retrieval.Confidence < options.AnswerThreshold))
        {
            var withContext = candidates.Rank(followUp?.Topic, withContext: true, shown: followUp?.Shown, priorBoost: boost);
            if (withContext.Confidence >= options.AnswerThreshold && withContext.OwnCoverage >= options.MinOwnCoverage
                && (leans || withContext.Confidence > retrieval.Confidence))
            {
                (retrieval, usedContext) = (withContext, true);
            }
        }
        if (retrieval.Best is { } best && retrieval.Confidence >= options.AnswerThreshold)
        {
            var topic = best.Fact.Topic;
            if (TimelineBuilder.IsTimelineQuestion(question) && knowledge.Timeline.DatedFactCount(topic) >= options.TimelineMinFacts)
            {
                return new KnowledgeDecision(KnowledgeVerdict.Timeline, retrieval, retrieval.Confidence)
                {
                    Topic = topic,
                    Timeline = knowledge.Timeline.Build(topic, options.TimelineMinFacts),
                    UsedContext = usedContext,
                };
            }
            return FactDecision(best.Fact, retrieval, usedContext);
        }
        if (knowledge.Passages.Find(question) is { } passage && passage.Confidence >= options.PassageThreshold)
        {
            return new KnowledgeDecision(KnowledgeVerdict.Passage, retrieval, passage.Confidence) { Passage = passage };
        }
        return new KnowledgeDecision(KnowledgeVerdict.NoFact, retrieval, retrieval.Confidence);
    }

    /// <summary>
    /// The decision re-read with an intent prior: a fact of <paramref name="topic"/> that matches the question better
    /// (higher confidence) replaces the fact found without it, never a weaker one; any other decision stands.
    /// </summary>
    public KnowledgeDecision WithTopicPrior(KnowledgeDecision decision, FactCandidates candidates, string topic)
    {
        if (decision.Verdict != KnowledgeVerdict.Fact || !knowledge.Topics.Contains(topic))
        {
            return decision;
        }
        var retrieval = candidates.Rank(topic, withContext: decision.UsedContext);
        return retrieval.Best is { } best && retrieval.Confidence >= knowledge.Options.AnswerThreshold && best.Fact.Topic == topic
            && retrieval.Confidence > decision.Confidence && best.Fact.Id != decision.Fact!.Id
            ? FactDecision(best.Fact, retrieval, decision.UsedContext)
            : decision;
    }

    /// <summary>The fact <paramref name="topic"/> as a prior leads to, when one of that topic answers the question confidently.</summary>
    public Fact? FactFor(FactCandidates candidates, string topic)
    {
        var retrieval = candidates.Rank(topic, top: 1);
        return retrieval.Best is { } best && best.Fact.Topic == topic && retrieval.Confidence >= knowledge.Options.AnswerThreshold ? best.Fact : null;
    }

    /// <summary>A fact as the decision, with the retrieval it came from.</summary>
    public static KnowledgeDecision FactDecision(Fact fact, FactRetrieval retrieval, bool usedContext = false) =>
        new(KnowledgeVerdict.Fact, retrieval, retrieval.Confidence) { Fact = fact, UsedContext = usedContext };

    /// <summary>
    /// "now", "today", "currently", "tomorrow": the documents are dated, so presenting what they say as today's
    /// state would be inventing. Such questions are declined whatever their words match.
    /// </summary>
    private static bool AsksAboutThePresent(string question) => PresentTime().IsMatch(question);

    [GeneratedRegex(@"\b(now|nowadays|today|tonight|tomorrow|currently|current|right now|at the moment|these days|this (week|weekend|month|year)|next (week|month|year)|latest)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PresentTime();
}
