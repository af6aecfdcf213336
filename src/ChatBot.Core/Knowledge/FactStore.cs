namespace ChatBot.Core.Knowledge;

/// <summary>
/// The curated facts and skip entries of <c>models/facts.yaml</c> (or several part files), with every entry that
/// cannot be used kept aside as a <see cref="DataProblem"/> instead of stopping the load.
/// </summary>
public sealed class FactStore
{
    private readonly Dictionary<string, Fact> _byId;

    public FactStore(IReadOnlyList<Fact> facts, IReadOnlyList<SkipEntry> skips, IReadOnlyList<DataProblem> problems)
    {
        Facts = facts;
        Skips = skips;
        Problems = problems;
        _byId = new Dictionary<string, Fact>(StringComparer.Ordinal);
        foreach (var fact in facts)
        {
            _byId.TryAdd(fact.Id, fact);
        }
    }

    public IReadOnlyList<Fact> Facts { get; }

    public IReadOnlyList<SkipEntry> Skips { get; }

    /// <summary>Entries left out because a required field is missing or unreadable.</summary>
    public IReadOnlyList<DataProblem> Problems { get; }

    public Fact? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The facts of these ids that the store holds, in their order.</summary>
    public IEnumerable<Fact> FindAll(IEnumerable<string> ids) => ids.Select(Find).OfType<Fact>();

    /// <summary>The names the facts hold (<see cref="Fact.Entities"/>), each once whatever its case, in order.</summary>
    public static IReadOnlyList<string> EntitiesOf(IEnumerable<Fact> facts) =>
        [.. facts.SelectMany(f => f.Entities).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>Reads and merges fact files in order; a YAML syntax error stops the load with the file and line.</summary>
    public static FactStore Load(params IEnumerable<string> files)
    {
        var facts = new List<Fact>();
        var skips = new List<SkipEntry>();
        var problems = new List<DataProblem>();
        foreach (var file in files)
        {
            var model = YamlFile.Read<FactFileModel>(file);
            var name = Path.GetFileName(file);
            foreach (var (entry, index) in (model.Facts ?? []).Select((f, i) => (f, i)))
            {
                if (ToFact(name, entry, index, problems) is { } fact)
                {
                    facts.Add(fact);
                }
            }
            foreach (var entry in model.Skip ?? [])
            {
                var lines = LineRange.TryParse(entry.Lines);
                if (string.IsNullOrWhiteSpace(entry.Source) || lines is null)
                {
                    problems.Add(new DataProblem(name, $"skip {entry.Source}:{entry.Lines}", "a skip entry needs a source and lines like \"35\" or \"41-44\""));
                    continue;
                }
                skips.Add(new SkipEntry(entry.Source.Trim(), lines.Value.First, lines.Value.Last, entry.Reason?.Trim() ?? ""));
            }
        }
        return new FactStore(facts, skips, problems);
    }

    private static Fact? ToFact(string file, FactModel entry, int index, List<DataProblem> problems)
    {
        var id = string.IsNullOrWhiteSpace(entry.Id) ? $"#{index + 1}" : entry.Id.Trim();
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(entry.Id)) missing.Add("id");
        if (string.IsNullOrWhiteSpace(entry.Answer)) missing.Add("answer");
        if (string.IsNullOrWhiteSpace(entry.Quote)) missing.Add("quote");
        if (string.IsNullOrWhiteSpace(entry.Source)) missing.Add("source");
        var lines = LineRange.TryParse(entry.Lines);
        if (lines is null) missing.Add("lines (\"14\" or \"41-44\")");
        if (missing.Count > 0)
        {
            problems.Add(new DataProblem(file, id, $"missing or invalid: {string.Join(", ", missing)}"));
            return null;
        }
        var alsoIn = new List<FactLocation>();
        foreach (var location in entry.AlsoIn ?? [])
        {
            var range = LineRange.TryParse(location.Lines);
            if (string.IsNullOrWhiteSpace(location.Source) || range is null || string.IsNullOrWhiteSpace(location.Quote))
            {
                problems.Add(new DataProblem(file, id, $"alsoIn {location.Source}:{location.Lines} needs source, lines and quote"));
                continue;
            }
            alsoIn.Add(new FactLocation(location.Source.Trim(), range.Value.First, range.Value.Last, location.Quote.Trim()));
        }
        return new Fact(
            id,
            entry.Topic?.Trim() ?? "",
            [.. (entry.Questions ?? []).Where(q => !string.IsNullOrWhiteSpace(q)).Select(q => q.Trim())],
            entry.Answer!.Trim(),
            entry.Quote!.Trim(),
            entry.Source!.Trim(),
            lines!.Value.First,
            lines.Value.Last,
            string.IsNullOrWhiteSpace(entry.AsOf) ? null : entry.AsOf.Trim(),
            [.. (entry.Entities ?? []).Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim())],
            alsoIn);
    }
}
