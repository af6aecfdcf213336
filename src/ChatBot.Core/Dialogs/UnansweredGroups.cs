using ChatBot.Core.Intents;
using System.Text.RegularExpressions;

namespace ChatBot.Core.Dialogs;

/// <summary>One question the bot could not answer, as the grouping reads it (from the curator store): never the raw conversation id.</summary>
public sealed record UnansweredEntry(DateTimeOffset Time, string Conversation, string Text, string Kind, IReadOnlyList<IntentScore> TopIntents);

/// <summary>Unanswered turns that ask the same thing in different words, and the wording most of them used.</summary>
public sealed record UnansweredGroup(string Representative, IReadOnlyList<UnansweredEntry> Entries);

/// <summary>
/// Groups unanswered questions by word overlap (Jaccard over lower-cased words, the ignored words kept out: the
/// lexicon's stop and question words), greedily around the most frequent wordings, so curators see the biggest gaps first.
/// </summary>
public static partial class UnansweredGroups
{
    public const double Similarity = 0.5;

    public static IReadOnlyList<UnansweredGroup> Group(IEnumerable<UnansweredEntry> entries, IReadOnlySet<string> ignoredWords)
    {
        var wordings = entries.GroupBy(e => Normalize(e.Text), StringComparer.Ordinal)
            .Select(g => (Words: Words(g.Key, ignoredWords), Entries: g.ToList()))
            .OrderByDescending(w => w.Entries.Count).ThenBy(w => w.Entries[0].Text, StringComparer.Ordinal).ToList();
        var groups = new List<(HashSet<string> Words, List<UnansweredEntry> Entries, string Representative)>();
        foreach (var wording in wordings)
        {
            var home = groups.FirstOrDefault(g => Jaccard(g.Words, wording.Words) >= Similarity);
            if (home.Entries is null)
            {
                groups.Add((wording.Words, [.. wording.Entries], wording.Entries[0].Text));
            }
            else
            {
                home.Entries.AddRange(wording.Entries);
            }
        }
        return [.. groups.OrderByDescending(g => g.Entries.Count).Select(g => new UnansweredGroup(g.Representative, g.Entries))];
    }

    private static string Normalize(string text) => string.Join(' ', Word().Matches(text.ToLowerInvariant()).Select(m => m.Value));

    private static HashSet<string> Words(string normalized, IReadOnlySet<string> ignoredWords)
    {
        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var content = words.Where(w => !ignoredWords.Contains(w)).ToHashSet(StringComparer.Ordinal);
        return content.Count > 0 ? content : words;
    }

    private static double Jaccard(HashSet<string> a, HashSet<string> b) =>
        a.Count + b.Count == 0 ? 1 : a.Intersect(b).Count() / (double)a.Union(b).Count();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
