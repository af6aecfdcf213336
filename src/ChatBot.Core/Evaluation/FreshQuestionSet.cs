using ChatBot.Core.Knowledge;
using YamlDotNet.Serialization;

namespace ChatBot.Core.Evaluation;

/// <summary>
/// Reads a question set in the format of <c>tests/data/fresh/</c>: <c>answerable</c> questions (q, source, lines,
/// answer, quote), <c>out_of_scope</c> ones (q, kind, why) and <c>conversations</c> of turns of either shape (an
/// out-of-scope turn says <c>out_of_scope: true</c>). An entry that cannot be judged is refused with its position.
/// </summary>
public static class FreshQuestionSet
{
    /// <summary>The intent given to an answerable question: the fresh sets name no intent, only what a right answer cites.</summary>
    public const string Answerable = "answerable";

    /// <summary>Whether a file is in this format rather than the dev set's <c>questions:</c> list.</summary>
    public static bool IsFreshFormat(string path)
    {
        var model = YamlFile.Read<FreshFileModel>(path, ignoreUnknownFields: true);
        return model.Answerable is not null || model.OutOfScope is not null || model.Conversations is not null;
    }

    public static EvalSet Load(string path)
    {
        var model = YamlFile.Read<FreshFileModel>(path);
        if (model.Questions is not null)
        {
            throw new ChatBotDataException($"{path}: mixes the dev set's 'questions:' list with a fresh set's lists; keep them in separate files.");
        }
        var questions = new List<DevQuestion>();
        foreach (var (entry, index) in (model.Answerable ?? []).Select((q, i) => (q, i)))
        {
            questions.Add(AnswerableQuestion(entry, $"{path}: answerable #{index + 1}"));
        }
        foreach (var (entry, index) in (model.OutOfScope ?? []).Select((q, i) => (q, i)))
        {
            var where = $"{path}: out_of_scope #{index + 1}";
            questions.Add(new DevQuestion(Text(entry.Q, where), DevQuestion.OutOfScope, null, null, false, null, [])
            {
                Category = string.IsNullOrWhiteSpace(entry.Kind) ? null : entry.Kind.Trim(),
            });
        }
        var conversations = new List<EvalConversation>();
        foreach (var (entry, index) in (model.Conversations ?? []).Select((c, i) => (c, i)))
        {
            var where = $"{path}: conversation #{index + 1}";
            if (entry.Turns is not { Count: > 0 })
            {
                throw new ChatBotDataException($"{where} has no turns.");
            }
            conversations.Add(new EvalConversation(index + 1, [.. entry.Turns.Select((t, i) => t.OutOfScope
                ? new DevQuestion(Text(t.Q, $"{where}, turn {i + 1}"), DevQuestion.OutOfScope, null, null, false, null, []) { Category = "in_context" }
                : AnswerableQuestion(t, $"{where}, turn {i + 1}"))]));
        }
        if (questions.Count == 0 && conversations.Count == 0)
        {
            throw new ChatBotDataException($"{path}: no questions (expected 'answerable:', 'out_of_scope:' or 'conversations:' lists).");
        }
        return new EvalSet(questions, conversations);
    }

    private static DevQuestion AnswerableQuestion(FreshQuestionModel entry, string where)
    {
        var q = Text(entry.Q, where);
        if (string.IsNullOrWhiteSpace(entry.Source) || string.IsNullOrWhiteSpace(entry.Quote) || entry.Lines is not [var first, var last] || first < 1 || last < first)
        {
            throw new ChatBotDataException($"{where} ({q}) needs 'source', 'lines: [first, last]' and 'quote', or 'out_of_scope: true'.");
        }
        var also = new List<ExpectedPlace>();
        foreach (var place in entry.Also ?? [])
        {
            if (string.IsNullOrWhiteSpace(place.Source) || string.IsNullOrWhiteSpace(place.Quote) || place.Lines is not [var from, var to] || from < 1 || to < from)
            {
                throw new ChatBotDataException($"{where} ({q}): each 'also' place needs 'source', 'lines: [first, last]' and 'quote'.");
            }
            also.Add(new ExpectedPlace(place.Source.Trim(), place.Quote.Trim(), new LineRange(from, to)));
        }
        return new DevQuestion(q, Answerable, entry.Source.Trim(), entry.Quote.Trim(), false, null, []) { Lines = new LineRange(first, last), Also = also };
    }

    private static string Text(string? q, string where) =>
        string.IsNullOrWhiteSpace(q) ? throw new ChatBotDataException($"{where} has no 'q'.") : q.Trim();
}

internal sealed class FreshFileModel
{
    public List<FreshQuestionModel>? Answerable { get; set; }

    [YamlMember(Alias = "out_of_scope", ApplyNamingConventions = false)]
    public List<FreshQuestionModel>? OutOfScope { get; set; }

    public List<FreshConversationModel>? Conversations { get; set; }

    /// <summary>The dev set's list: read so that <see cref="FreshQuestionSet.IsFreshFormat"/> can tell the formats apart.</summary>
    public List<QuestionModel>? Questions { get; set; }
}

internal sealed class FreshConversationModel
{
    public List<FreshQuestionModel>? Turns { get; set; }
}

internal sealed class FreshQuestionModel
{
    /// <summary>A conversation turn marked out of scope in its context.</summary>
    [YamlMember(Alias = "out_of_scope", ApplyNamingConventions = false)]
    public bool OutOfScope { get; set; }

    public string? Q { get; set; }
    public string? Source { get; set; }
    public List<int>? Lines { get; set; }
    public string? Answer { get; set; }
    public string? Quote { get; set; }
    public List<FreshPlaceModel>? Also { get; set; }
    public string? Kind { get; set; }
    public string? Why { get; set; }
}

internal sealed class FreshPlaceModel
{
    public string? Source { get; set; }
    public List<int>? Lines { get; set; }
    public string? Quote { get; set; }
}
