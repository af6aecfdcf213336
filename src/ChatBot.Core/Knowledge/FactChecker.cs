using System.Text.RegularExpressions;

namespace ChatBot.Core.Knowledge;

/// <summary>
/// Checks the fact store against the seeds (<c>chatbot facts check</c>): every quote found at the lines it claims,
/// unique ids, known topics and entities, dated figures in a sortable form, and every non-empty seed line covered.
/// </summary>
public sealed partial class FactChecker(SeedCorpus corpus, TopicCatalog topics, EntityLexicon entities)
{
    /// <summary>Fewer question forms than this is allowed but weakens retrieval, so it is reported.</summary>
    private const int RecommendedQuestionForms = 3;

    public FactCheckReport Check(FactStore store, string factFile = "facts.yaml")
    {
        var errors = new List<DataProblem>(store.Problems);
        var warnings = new List<DataProblem>();
        var covered = corpus.Documents.ToDictionary(d => d.FileName, d => new bool[d.LineCount + 1], StringComparer.Ordinal);

        foreach (var group in store.Facts.GroupBy(f => f.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new DataProblem(factFile, group.Key, $"the id is used by {group.Count()} facts; ids must be unique"));
        }
        foreach (var fact in store.Facts)
        {
            void Error(string message) => errors.Add(new DataProblem(factFile, fact.Id, message));
            if (!KebabCase().IsMatch(fact.Id))
            {
                warnings.Add(new DataProblem(factFile, fact.Id, "ids are kebab-case: lower-case words joined by '-'"));
            }
            if (fact.Topic.Length == 0)
            {
                Error("no topic; give one of: " + string.Join(", ", topics.Topics.Select(t => t.Name)));
            }
            else if (!topics.Contains(fact.Topic))
            {
                Error($"unknown topic '{fact.Topic}'; use one of: {string.Join(", ", topics.Topics.Select(t => t.Name))}");
            }
            if (fact.Questions.Count == 0)
            {
                Error("no question forms: add a few ways a user would ask for this fact");
            }
            else if (fact.Questions.Count < RecommendedQuestionForms)
            {
                warnings.Add(new DataProblem(factFile, fact.Id, $"only {fact.Questions.Count} question form(s); 3-6 help retrieval"));
            }
            if (fact.AsOf is not null && !DateForm().IsMatch(fact.AsOf))
            {
                Error($"asOf '{fact.AsOf}' must be YYYY, YYYY-MM or YYYY-MM-DD so the timeline can sort it");
            }
            foreach (var name in fact.Entities)
            {
                if (entities.Entities.Count > 0 && entities.Resolve(name) is null)
                {
                    Error($"entity '{name}' is not in models/entities.yaml (add it there, or use its canonical name)");
                }
            }
            foreach (var location in fact.Locations)
            {
                CheckLocation(location, fact.Id, factFile, errors, covered);
            }
        }
        foreach (var skip in store.Skips)
        {
            var entry = $"skip {skip.Source}:{skip.Lines}";
            if (SeedHolding(skip.Source, skip.Lines, factFile, entry, errors) is null)
            {
                continue;
            }
            if (skip.Reason.Length == 0)
            {
                errors.Add(new DataProblem(factFile, entry, "a skip entry needs a reason"));
            }
            Mark(covered[skip.Source], skip.Lines);
        }

        var uncovered = new List<UncoveredLine>();
        foreach (var document in corpus.Documents)
        {
            for (var line = 1; line <= document.LineCount; line++)
            {
                if (document.IsContentLine(line) && !covered[document.FileName][line])
                {
                    uncovered.Add(new UncoveredLine(document.FileName, line, document.Line(line).Trim()));
                }
            }
        }
        var perTopic = store.Facts.GroupBy(f => f.Topic, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new FactCheckReport(store.Facts.Count, store.Skips.Count, perTopic, errors, warnings, uncovered);
    }

    private void CheckLocation(FactLocation location, string id, string factFile, List<DataProblem> errors, Dictionary<string, bool[]> covered)
    {
        var where = $"{location.Source}:{location.Lines}";
        if (SeedHolding(location.Source, location.Lines, factFile, id, errors) is not { } document)
        {
            return;
        }
        if (document.Find(location.Quote, location.Lines) is null)
        {
            var elsewhere = document.Find(location.Quote);
            errors.Add(new DataProblem(factFile, id, elsewhere is { } found
                ? $"the quote is not in {where} but is at lines {found} of {location.Source}"
                : $"the quote is not in {where} (compared lower case, letters and digits only): \"{Shorten(location.Quote)}\""));
        }
        Mark(covered[location.Source], location.Lines);
    }

    /// <summary>The seed a fact location or skip entry names, when it exists and has those lines; else the problem is recorded and null returned.</summary>
    private SeedDocument? SeedHolding(string source, LineRange lines, string factFile, string entry, List<DataProblem> errors)
    {
        if (corpus.Document(source) is not { } document)
        {
            errors.Add(new DataProblem(factFile, entry, $"no seed named '{source}'"));
            return null;
        }
        if (lines.Last > document.LineCount)
        {
            errors.Add(new DataProblem(factFile, entry, $"lines {lines} are past the end of {source} ({document.LineCount} lines)"));
            return null;
        }
        return document;
    }

    private static void Mark(bool[] lines, LineRange range)
    {
        for (var line = range.First; line <= Math.Min(range.Last, lines.Length - 1); line++)
        {
            lines[line] = true;
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [GeneratedRegex(@"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")]
    private static partial Regex DateForm();
}
