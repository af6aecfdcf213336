namespace ChatBot.Core.Knowledge;

/// <summary>
/// Picks the follow-up questions offered after an answer, and the example questions of the welcome and of a
/// refusal. Every question it offers was checked at load to lead back to its own fact, so a tap always gets an answer.
/// </summary>
public sealed class FollowUpPlanner
{
    private const int MaxSuggestions = 3;
    private readonly KnowledgeBase _knowledge;
    private readonly Dictionary<string, string> _askable = new(StringComparer.Ordinal); // fact id → a question form that retrieves it
    private readonly List<string> _topicsBySize;

    public FollowUpPlanner(KnowledgeBase knowledge)
    {
        _knowledge = knowledge;
        foreach (var fact in knowledge.Facts)
        {
            foreach (var question in fact.Questions)
            {
                var retrieval = knowledge.Retriever.Retrieve(question, top: 1);
                if (retrieval.Best?.Fact.Id == fact.Id && retrieval.Confidence >= knowledge.Options.AnswerThreshold)
                {
                    _askable[fact.Id] = AsQuestion(question);
                    break;
                }
            }
        }
        _topicsBySize = [.. knowledge.Facts.GroupBy(f => f.Topic, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key)];
    }

    /// <summary>A question that leads to this fact, or null when none of its forms does.</summary>
    public string? AskableQuestion(Fact fact) => _askable.GetValueOrDefault(fact.Id);

    /// <summary>"How has trade changed over the years?" for a topic answered with a timeline, else null.</summary>
    public string? TimelineQuestion(string topic) =>
        _knowledge.Topics.Find(topic)?.Handler == "timeline" && _knowledge.Timeline.DatedFactCount(topic) >= _knowledge.Options.TimelineMinFacts
            ? $"How has {_knowledge.Topics.Find(topic)!.Title} changed over the years?"
            : null;

    /// <summary>Up to three questions to ask after <paramref name="answered"/>: its timeline, then the next-best and neighbouring facts.</summary>
    public IReadOnlyList<string> After(Fact answered, IEnumerable<RankedFact> runnersUp, string? asked = null)
    {
        var suggestions = new List<string>(MaxSuggestions);
        void Offer(string? question)
        {
            if (question is not null && suggestions.Count < MaxSuggestions && !suggestions.Contains(question, StringComparer.OrdinalIgnoreCase)
                && !string.Equals(question.TrimEnd('?'), asked?.Trim().TrimEnd('?'), StringComparison.OrdinalIgnoreCase))
            {
                suggestions.Add(question);
            }
        }
        foreach (var runnerUp in runnersUp.Where(r => r.Fact.Topic == answered.Topic && r.Fact.Id != answered.Id && r.Fact.Answer != answered.Answer).Take(1))
        {
            Offer(AskableQuestion(runnerUp.Fact));
        }
        if (answered.AsOf is not null)
        {
            Offer(TimelineQuestion(answered.Topic));
        }
        // Neighbours in the store: facts curated next to each other tell the rest of the same story.
        var topicFacts = _knowledge.Facts.Where(f => f.Topic == answered.Topic).ToList();
        var at = topicFacts.FindIndex(f => f.Id == answered.Id);
        foreach (var fact in topicFacts.Skip(at + 1).Concat(topicFacts.Take(Math.Max(0, at))))
        {
            if (fact.Answer != answered.Answer)
            {
                Offer(AskableQuestion(fact));
            }
        }
        return suggestions;
    }

    /// <summary>Three example questions from three topics, the given ones first, then the topics with the most facts.</summary>
    public IReadOnlyList<string> Examples(IEnumerable<string> preferredTopics)
    {
        var examples = new List<string>(MaxSuggestions);
        foreach (var topic in preferredTopics.Concat(_topicsBySize).Distinct(StringComparer.Ordinal))
        {
            var question = TimelineQuestion(topic) ?? _knowledge.Facts.Where(f => f.Topic == topic).Select(AskableQuestion).FirstOrDefault(q => q is not null);
            if (question is not null)
            {
                examples.Add(question);
            }
            if (examples.Count == MaxSuggestions)
            {
                break;
            }
        }
        return examples;
    }

    private static string AsQuestion(string form)
    {
        var text = form.Trim().TrimEnd('?', '.', '!');
        return char.ToUpperInvariant(text[0]) + text[1..] + "?";
    }
}
