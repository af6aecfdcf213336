using System.Text.RegularExpressions;

namespace ChatBot.Core.Knowledge;

/// <summary>One dated line of a timeline: when, what, and the fact that cites it.</summary>
public sealed record TimelineEntry(string AsOf, Fact Fact);

/// <summary>
/// Answers "how has trade changed?": recognises questions about change over time, and lists every dated fact of a
/// topic in date order, each line keeping its own citation; figures of different dates are never blended.
/// </summary>
public sealed partial class TimelineBuilder
{
    private readonly ILookup<string, Fact> _datedByTopic;

    public TimelineBuilder(IEnumerable<Fact> facts)
    {
        _datedByTopic = facts.Where(f => f.AsOf is not null).ToLookup(f => f.Topic, StringComparer.Ordinal);
    }

    /// <summary>Whether the question asks how something developed over time rather than for one figure.</summary>
    public static bool IsTimelineQuestion(string question) => TimelineCue().IsMatch(question);

    /// <summary>The question without its "over the years"-like words: what to retrieve the topic with.</summary>
    public static string WithoutCue(string question) => TimelineCue().Replace(question, " ");

    /// <summary>The dated facts of a topic, oldest first (a year sorts before the months of that year).</summary>
    public IReadOnlyList<TimelineEntry> Build(string topic) =>
        [.. _datedByTopic[topic].OrderBy(f => f.AsOf, StringComparer.Ordinal).ThenBy(f => f.Id, StringComparer.Ordinal).Select(f => new TimelineEntry(f.AsOf!, f))];

    public int DatedFactCount(string topic) => _datedByTopic[topic].Count();

    [GeneratedRegex(@"\b(chang(e|ed|es|ing)|over (the )?(years|time|decades?)|through the years|year (by|to|after) year|by year|histor(y|ical)|timeline|evol(ved?|ution)|trends?|develop(ed|ment) over)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimelineCue();
}
