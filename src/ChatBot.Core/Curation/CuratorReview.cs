using System.Globalization;
using System.Text;
using ChatBot.Core.Dialogs;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Curation;

/// <summary>Unanswered questions that ask the same thing, with the facts nearest to them and a question form to paste.</summary>
public sealed record UnansweredReviewGroup(
    string Representative,
    int Count,
    DateTimeOffset LastSeen,
    IReadOnlyList<string> Examples,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<Fact> Nearest,
    string YamlForm);

/// <summary>A disliked answer: what was asked, what the bot said, from which facts, and what the user wrote.</summary>
public sealed record DislikedAnswer(DateTimeOffset Time, string Question, string? Answer, IReadOnlyList<string> FactIds, string? Comment);

/// <summary>How users rated the answers built from one fact.</summary>
public sealed record FactRating(string FactId, int Likes, int Dislikes);

/// <summary>
/// What the curator reviews, built from the store's events and the knowledge base: the page at <c>/curator</c> and
/// <c>chatbot report</c> show the same review.
/// </summary>
public sealed record CuratorReview(
    DateTimeOffset Generated,
    int RetentionDays,
    int EventCount,
    IReadOnlyList<UnansweredReviewGroup> Unanswered,
    IReadOnlyList<DislikedAnswer> Disliked,
    IReadOnlyList<FactRating> Ratings,
    IReadOnlyList<UncoveredLine> UncoveredLines,
    string? IntentConfusion)
{
    public const int ExamplesPerGroup = 5;

    public static CuratorReview Build(IReadOnlyList<CuratorEvent> events, KnowledgeBase knowledge, DateTimeOffset now, int retentionDays, string? intentConfusion = null)
    {
        var unanswered = events
            .Where(e => e.Kind is CuratorEventKind.Refusal or CuratorEventKind.NearMiss or CuratorEventKind.AskBack && e.Question.Length > 0).ToList();
        // The word-overlap grouping of the unanswered log; the entry's conversation field carries the event's index back.
        var entries = unanswered.Select((e, i) => new UnansweredEntry(e.Time, i.ToString(CultureInfo.InvariantCulture), e.Question, e.Kind.ToString(), []));
        var ignored = knowledge.Lexicon.Words.StopWords.Union(knowledge.Lexicon.Words.QuestionWords).ToHashSet(StringComparer.Ordinal);
        var groups = UnansweredGroups.Group(entries, ignored).Select(g =>
        {
            var members = g.Entries.Select(x => unanswered[int.Parse(x.Conversation, CultureInfo.InvariantCulture)]).ToList();
            var nearest = members.SelectMany(m => m.Candidates.Select((id, rank) => (id, weight: Weight(rank))))
                .GroupBy(x => x.id, StringComparer.Ordinal).OrderByDescending(x => x.Sum(y => y.weight)).ThenBy(x => x.Key, StringComparer.Ordinal)
                .Select(x => knowledge.Store.Find(x.Key)).OfType<Fact>().Take(CuratorRecorder.Candidates).ToList();
            var examples = members.Select(m => m.Question.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Take(ExamplesPerGroup).ToList();
            return new UnansweredReviewGroup(g.Representative, members.Count, members.Max(m => m.Time), examples,
                [.. members.Select(m => m.Reason ?? m.Kind.ToString()).Distinct(StringComparer.Ordinal).Take(3)], nearest,
                YamlForm(examples, nearest.FirstOrDefault()));
        }).ToList();

        var disliked = events.Where(e => e.Kind == CuratorEventKind.Dislike)
            .Select(e => new DislikedAnswer(e.Time, e.Question, e.Answer, e.FactIds, e.Comment)).ToList();
        var ratings = events.Where(e => e.Kind is CuratorEventKind.Like or CuratorEventKind.Dislike)
            .SelectMany(e => e.FactIds.Select(id => (id, like: e.Kind == CuratorEventKind.Like)))
            .GroupBy(x => x.id, StringComparer.Ordinal)
            .Select(g => new FactRating(g.Key, g.Count(x => x.like), g.Count(x => !x.like)))
            .OrderByDescending(r => r.Likes + r.Dislikes).ThenBy(r => r.FactId, StringComparer.Ordinal).ToList();
        var uncovered = new FactChecker(knowledge.Corpus, knowledge.Topics, knowledge.Entities).Check(knowledge.Store).Uncovered;
        return new CuratorReview(now, retentionDays, events.Count, groups, disliked, ratings, uncovered, intentConfusion);
    }

    /// <summary>The nearest candidate of a question counts most.</summary>
    private static double Weight(int rank) => 1.0 / (rank + 1);

    /// <summary>
    /// A form to paste into <c>models/facts.yaml</c>: the questions as extra forms of the fact they most likely belong
    /// to, or, when no fact is near, a new fact to fill in from the seeds.
    /// </summary>
    public static string YamlForm(IReadOnlyList<string> questions, Fact? fact)
    {
        var text = new StringBuilder();
        var forms = questions.Select(q => "      - " + YamlScalar(q.Trim().TrimEnd('?').Trim().ToLowerInvariant())).ToList();
        if (fact is not null)
        {
            text.Append("# models/facts.yaml, under `questions:` of id: ").Append(fact.Id).Append(" (if the fact answers them)\n");
            text.AppendJoin('\n', forms);
            return text.ToString();
        }
        text.Append("# models/facts.yaml: a new fact, if a seed states the answer (then: chatbot facts check, chatbot train, chatbot eval)\n");
        text.Append("  - id: new-fact-id\n    topic: TOPIC\n    questions:\n").AppendJoin('\n', forms);
        text.Append("\n    answer: >-\n      ANSWER\n    quote: >-\n      QUOTE FROM THE SEED\n    source: SEED_FILE.txt\n    lines: \"LINES\"");
        return text.ToString();
    }

    /// <summary>A question as a YAML plain scalar when it can be one, else double-quoted.</summary>
    private static string YamlScalar(string text) =>
        text.Length > 0 && text.All(c => char.IsLetterOrDigit(c) || c is ' ' or '\'' or '-' or ',' or '.' or '(' or ')' or '/') && !text.StartsWith('-') && !text.StartsWith('\'')
            ? text
            : "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
