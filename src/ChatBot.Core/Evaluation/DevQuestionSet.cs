using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Evaluation;

/// <summary>Reads the dev question set, refusing an entry without a question or intent with its position in the file.</summary>
public static class DevQuestionSet
{
    public static IReadOnlyList<DevQuestion> Load(string path)
    {
        var model = YamlFile.Read<QuestionFileModel>(path);
        var questions = new List<DevQuestion>();
        foreach (var (entry, index) in (model.Questions ?? []).Select((q, i) => (q, i)))
        {
            if (string.IsNullOrWhiteSpace(entry.Q) || string.IsNullOrWhiteSpace(entry.Intent))
            {
                throw new ChatBotDataException($"{path}: question #{index + 1} ({entry.Q ?? "no text"}) needs both 'q' and 'intent'.");
            }
            questions.Add(new DevQuestion(
                entry.Q.Trim(), entry.Intent.Trim(),
                string.IsNullOrWhiteSpace(entry.Source) ? null : entry.Source.Trim(),
                string.IsNullOrWhiteSpace(entry.Expect) ? null : entry.Expect.Trim(),
                entry.Holdout, string.IsNullOrWhiteSpace(entry.After) ? null : entry.After.Trim(),
                [.. (entry.Facts ?? []).Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim())]));
        }
        if (questions.Count == 0)
        {
            throw new ChatBotDataException($"{path}: no questions (expected a 'questions:' list).");
        }
        return questions;
    }
}

internal sealed class QuestionFileModel
{
    public List<QuestionModel>? Questions { get; set; }
}

internal sealed class QuestionModel
{
    public string? Q { get; set; }
    public string? Intent { get; set; }
    public string? Source { get; set; }
    public string? Expect { get; set; }
    public bool Holdout { get; set; }
    public string? After { get; set; }
    public List<string>? Facts { get; set; }
}
