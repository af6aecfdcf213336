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

    /// <summary>
    /// The dated facts of a topic, oldest first (a year sorts before the months of that year): only those that give a
    /// figure (an amount, a share, a count) when the topic has at least <paramref name="minEntries"/> of them, else all.
    /// </summary>
    public IReadOnlyList<TimelineEntry> Build(string topic, int minEntries = 2)
    {
        var dated = _datedByTopic[topic].ToList();
        var figures = dated.Where(f => Figure().IsMatch(f.Answer)).ToList();
        return [.. (figures.Count >= minEntries ? figures : dated)
            .OrderBy(f => f.AsOf, StringComparer.Ordinal).ThenBy(f => f.Id, StringComparer.Ordinal).Select(f => new TimelineEntry(f.AsOf!, f))];
    }

    public int DatedFactCount(string topic) => _datedByTopic[topic].Count();

    /// <summary>"$4.2 billion", "8%", "48 joint ventures": a figure; a bare year is not one.</summary>
    [GeneratedRegex(@"[$%]|\b(billion|million|thousand|percent)\b|\b\d{1,3}(,\d{3})*(\.\d+)?\b(?![-–]\d)")]
    private static partial Regex Figure();

    [GeneratedRegex(@"\b(chang(e|ed|es|ing)|over (the )?(years|time|decades?)|through the years|year (by|to|after) year|by year|histor(y|ical)|timeline|evol(ved?|ution)|trends?|develop(ed|ment) over)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimelineCue();
}
