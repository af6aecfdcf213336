namespace ChatBot.Core.Knowledge;

/// <summary>
/// A question on one fact's subject that no seed answers (<c>models/near-misses.yaml</c>): "how many cars a year does
/// the plant make" beside the fact that a plant was built. The answer model learns from these that a question sharing
/// a fact's subject is not yet answered by it, and the eval counts none of them.
/// </summary>
public sealed record NearMissForm(string FactId, string Question, string Why, int Line);

/// <summary>Reads <c>models/near-misses.yaml</c> and checks it against the facts.</summary>
public static class NearMissForms
{
    /// <summary>The near misses of the file; a missing file is none (a fact store may have no such list).</summary>
    public static IReadOnlyList<NearMissForm> Load(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }
        var model = YamlFile.Read<NearMissFileModel>(path);
        var lines = File.ReadAllLines(path);
        var forms = new List<NearMissForm>();
        var at = 0;
        foreach (var entry in model.NearMisses ?? [])
        {
            foreach (var question in entry.Questions ?? [])
            {
                var text = question.Q?.Trim() ?? string.Empty;
                at = LineOf(lines, text, at);
                forms.Add(new NearMissForm(entry.Fact?.Trim() ?? string.Empty, text, question.Why?.Trim() ?? string.Empty, at + 1));
            }
        }
        return forms;
    }

    /// <summary>
    /// What is wrong with the list: a fact id that does not exist, an empty question or reason, a question that is also
    /// a question form of some fact (it cannot be both answered and not), and the same question twice.
    /// </summary>
    public static IEnumerable<(int Line, string Message, string Fix)> Problems(IReadOnlyList<NearMissForm> forms, IReadOnlyList<Fact> facts)
    {
        var ids = facts.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var answered = facts.SelectMany(f => f.Questions.Select(q => (Key: MatchKey.Of(q), f.Id)))
            .GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var form in forms)
        {
            if (!ids.Contains(form.FactId))
            {
                yield return (form.Line, $"the fact '{form.FactId}' does not exist", "name the id of a fact in models/facts.yaml");
            }
            if (form.Question.Length == 0 || form.Why.Length == 0)
            {
                yield return (form.Line, "a near miss needs both 'q' and 'why'", "write the question and what the documents give instead");
            }
            else if (answered.TryGetValue(MatchKey.Of(form.Question), out var id))
            {
                yield return (form.Line, $"'{form.Question}' is also a question form of the fact '{id}'", "remove it from one of the two files");
            }
            else if (!seen.Add(MatchKey.Of(form.Question)))
            {
                yield return (form.Line, $"'{form.Question}' is listed twice", "delete one of the two entries");
            }
        }
    }

    private static int LineOf(string[] lines, string text, int from)
    {
        for (var i = from; i < lines.Length && text.Length > 0; i++)
        {
            if (lines[i].Contains(text, StringComparison.Ordinal) || lines[i].Contains(text.Replace("'", "''"), StringComparison.Ordinal))
            {
                return i;
            }
        }
        return from;
    }
}

internal sealed class NearMissFileModel
{
    public List<NearMissEntryModel>? NearMisses { get; set; }
}

internal sealed class NearMissEntryModel
{
    public string? Fact { get; set; }
    public List<NearMissQuestionModel>? Questions { get; set; }
}

internal sealed class NearMissQuestionModel
{
    public string? Q { get; set; }
    public string? Why { get; set; }
}
