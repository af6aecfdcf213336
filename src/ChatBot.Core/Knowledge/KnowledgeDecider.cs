using System.Text.RegularExpressions;

namespace ChatBot.Core.Knowledge;

/// <summary>
/// Decides from the documents alone whether, and with what, a question can be answered: the candidate fact the
/// <see cref="AnswerJudge"/> finds most probable, when its probability reaches the answer model's threshold (or a
/// dated timeline, or a clearly matching seed passage), else "no fact". It reads the turn's one
/// <see cref="FactCandidates"/> and scans nothing itself; wording the reply is someone else's job.
/// </summary>
public sealed partial class KnowledgeDecider(KnowledgeBase knowledge, AnswerJudge judge)
{
    /// <summary>The text a question is retrieved by: a timeline cue ("over the years") says how to answer, not what about.</summary>
    public static string RetrievalText(string question) =>
        TimelineBuilder.IsTimelineQuestion(question) ? TimelineBuilder.WithoutCue(question) : question;

    public AnswerJudge Judge => judge;

    /// <summary>
    /// The decision for <paramref name="question"/> from <paramref name="candidates"/> (scored from
    /// <see cref="RetrievalText"/> of it, with the previous question as context when there was one).
    /// <paramref name="followUp"/>, when the question leans on the previous one, gives the last answer's topic as a
    /// prior and the facts just shown; <paramref name="leans"/> says the question reads as a follow-up, so the
    /// context is preferred over the question alone; <paramref name="intent"/> is what the classifier said.
    /// </summary>
    public KnowledgeDecision Decide(string question, FactCandidates candidates, FollowUpPrior? followUp = null, bool leans = false, IntentEvidence? intent = null)
    {
        intent ??= IntentEvidence.None;
        var options = knowledge.Options;
        if (AsksAboutThePresent(question))
        {
            var plain = candidates.Rank();
            return new KnowledgeDecision(KnowledgeVerdict.AfterTheDocuments, plain, 0);
        }
        var boost = followUp is { Reask: true } ? options.ReaskPriorBoost : (double?)null;
        var retrieval = candidates.Rank(followUp?.Topic, shown: followUp?.Shown, priorBoost: boost);
        var judged = judge.Judge(question, retrieval, intent, usedContext: false);
        var usedContext = false;
        leans |= followUp is not null;
        if (candidates.HasContext && (leans || !judged.Answers))
        {
            var withContext = candidates.Rank(followUp?.Topic, withContext: true, shown: followUp?.Shown, priorBoost: boost);
            var judgedWith = judge.Judge(question, withContext, intent, usedContext: true);
            if (judgedWith.Answers && withContext.Facts[judgedWith.Index].OwnCoverage >= options.MinOwnCoverage
                && (leans || judgedWith.Probability > judged.Probability))
            {
                (retrieval, judged, usedContext) = (withContext, judgedWith, true);
            }
        }
        if (!judged.Answers && TopicAnswers(question, retrieval, judged) is { } topicWide)
        {
            judged = topicWide;
        }
        if (judged.Answers)
        {
            var best = retrieval.Facts[judged.Index];
            var topic = best.Fact.Topic;
            if (TimelineBuilder.IsTimelineQuestion(question) && knowledge.Timeline.DatedFactCount(topic) >= options.TimelineMinFacts)
            {
                return new KnowledgeDecision(KnowledgeVerdict.Timeline, retrieval, judged.Probability)
                {
                    Topic = topic,
                    Timeline = knowledge.Timeline.Build(topic, options.TimelineMinFacts),
                    UsedContext = usedContext,
                    Judgement = judged,
                };
            }
            return FactDecision(best.Fact, retrieval, judged.Probability, usedContext) with { Judgement = judged };
        }
        if (judge.NearMiss(question, retrieval, intent, usedContext, knowledge.Meaning) is { } near)
        {
            return new KnowledgeDecision(KnowledgeVerdict.NearMiss, retrieval, judged.Probability)
            {
                Constraint = near.Constraint,
                Held = near.Held,
                Judgement = judged,
            };
        }
        if (knowledge.Passages.Find(question) is { } passage && passage.Confidence >= options.PassageThreshold)
        {
            return new KnowledgeDecision(KnowledgeVerdict.Passage, retrieval, passage.Confidence) { Passage = passage, Judgement = judged };
        }
        return new KnowledgeDecision(KnowledgeVerdict.NoFact, retrieval, judged.Probability) { Judgement = judged };
    }

    /// <summary>
    /// The decision re-read with an intent prior: a fact of <paramref name="topic"/> that the model finds more probable
    /// replaces the fact found without it, never a less probable one; any other decision stands, unless the user
    /// <paramref name="chose"/> the topic (a clarifying question's button): then a fact of it the model answers with
    /// replaces a refusal too, as the button promised.
    /// </summary>
    public KnowledgeDecision WithTopicPrior(KnowledgeDecision decision, FactCandidates candidates, string topic, IntentEvidence? intent = null, bool chose = false)
    {
        var replaceable = decision.Verdict == KnowledgeVerdict.Fact
            || chose && decision.Verdict is KnowledgeVerdict.NoFact or KnowledgeVerdict.NearMiss or KnowledgeVerdict.Passage;
        if (!replaceable || !knowledge.Topics.Contains(topic))
        {
            return decision;
        }
        var retrieval = candidates.Rank(topic, withContext: decision.UsedContext, top: AnswerJudge.Candidates);
        if (!retrieval.Facts.Any(r => r.Fact.Topic == topic && r.Fact.Id != decision.Fact?.Id))
        {
            return decision; // nothing the prior could replace the fact with: no need to ask the model
        }
        var judged = judge.Judge(candidates.Question, retrieval, intent ?? IntentEvidence.None, decision.UsedContext);
        if (!judged.Answers)
        {
            return decision;
        }
        var best = retrieval.Facts[judged.Index];
        return best.Fact.Topic == topic && (judged.Probability > decision.Confidence || decision.Fact is null) && best.Fact.Id != decision.Fact?.Id
            ? FactDecision(best.Fact, retrieval, judged.Probability, decision.UsedContext) with { Judgement = judged }
            : decision;
    }

    /// <summary>The fact <paramref name="topic"/> as a prior leads to, when the model would answer with one of that topic.</summary>
    public Fact? FactFor(FactCandidates candidates, string topic, IntentEvidence? intent = null)
    {
        var retrieval = candidates.Rank(topic, top: AnswerJudge.Candidates);
        var judged = judge.Judge(candidates.Question, retrieval, intent ?? IntentEvidence.None, usedContext: false);
        return judged.Answers && retrieval.Facts[judged.Index].Fact is { } fact && fact.Topic == topic ? fact : null;
    }

    /// <summary>
    /// "how has trade changed over the years", "how much do they trade": a question any fact of one topic answers (a
    /// timeline, or the latest figure of an undated figure question) spreads the model's probability over that topic's
    /// close candidates, none alone reaching the threshold. The candidates are rival answers, so the chance that the
    /// topic answers is their sum; when it reaches the threshold, the first-ranked fact (the latest figure) answers.
    /// </summary>
    private Judgement? TopicAnswers(string question, FactRetrieval retrieval, Judgement judged)
    {
        if (judged.Probabilities.Count < 2 || retrieval.Facts.Count == 0)
        {
            return null;
        }
        var first = retrieval.Facts[0].Fact;
        var anyOfTopic = TimelineBuilder.IsTimelineQuestion(question)
            || first.AsOf is not null && !AnswerTypes.NamesATime(question) && AnswerTypes.Of(question) == AnswerType.Figure;
        if (!anyOfTopic)
        {
            return null;
        }
        var sum = 0.0;
        for (var i = 0; i < judged.Probabilities.Count; i++)
        {
            sum += retrieval.Facts[i].Fact.Topic == first.Topic ? judged.Probabilities[i] : 0;
        }
        return sum >= judged.Threshold ? judged with { Index = 0, Probability = Math.Min(1, sum), Answers = true } : null;
    }

    /// <summary>A fact as the decision, with the retrieval it came from and how sure the decision is.</summary>
    public static KnowledgeDecision FactDecision(Fact fact, FactRetrieval retrieval, double confidence, bool usedContext = false) =>
        new(KnowledgeVerdict.Fact, retrieval, confidence) { Fact = fact, UsedContext = usedContext };

    /// <summary>
    /// "now", "today", "currently", "tomorrow": the documents are dated, so presenting what they say as today's
    /// state would be inventing. Such questions are declined whatever their words match.
    /// </summary>
    private static bool AsksAboutThePresent(string question) => PresentTime().IsMatch(question);

    [GeneratedRegex(@"\b(now|nowadays|today|tonight|tomorrow|currently|current|right now|at the moment|these days|this (week|weekend|month|year)|next (week|month|year)|latest)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PresentTime();
}
