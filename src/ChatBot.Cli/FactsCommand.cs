using System.CommandLine;
using ChatBot.Core.Knowledge;

namespace ChatBot.Cli;

/// <summary><c>chatbot facts check</c>: every quote found at its lines, ids unique, topics known, every seed line covered.</summary>
internal static class FactsCommand
{
    public static Command Create()
    {
        var root = CliOptions.Root();
        var facts = new Option<string[]>("--facts") { Description = "Fact files to check instead of models/facts.yaml (repeatable)" };
        var entities = new Option<string[]>("--entities") { Description = "Entity files instead of models/entities.yaml (repeatable)" };
        var warnings = new Option<bool>("--warnings") { Description = "Also list the warnings (they do not fail the check)" };
        var check = new Command("check", "Check models/facts.yaml against the seeds; exits non-zero on any error or uncovered line.") { root, facts, entities, warnings };
        check.SetAction((result, _) => CliErrors.Guard(() => Task.FromResult(Check(result, root, facts, entities, warnings))));
        return new Command("facts", "Work with the curated fact store.") { check };
    }

    private static int Check(ParseResult result, Option<string?> root, Option<string[]> factsOption, Option<string[]> entitiesOption, Option<bool> showWarnings)
    {
        var paths = CliOptions.Paths(result, root);
        var factFiles = result.GetValue(factsOption) is { Length: > 0 } given ? given : [paths.Facts];
        var entityFiles = result.GetValue(entitiesOption) is { Length: > 0 } named ? named : File.Exists(paths.Entities) ? [paths.Entities] : [];
        var corpus = SeedCorpus.Load(paths.Seeds);
        var store = FactStore.Load(factFiles);
        var checker = new FactChecker(corpus, TopicCatalog.Load(paths), entityFiles.Length > 0 ? EntityLexicon.Load(entityFiles) : EntityLexicon.Empty);
        var report = checker.Check(store, string.Join(", ", factFiles.Select(Path.GetFileName)));

        Console.WriteLine($"{report.FactCount} facts, {report.SkipCount} skip entries, {corpus.Documents.Count} seeds");
        Console.WriteLine("facts per topic: " + string.Join(", ", report.FactsPerTopic.Select(p => $"{p.Key} {p.Value}")));
        foreach (var error in report.Errors)
        {
            Console.WriteLine($"error: {error}");
        }
        foreach (var line in report.Uncovered)
        {
            Console.WriteLine($"uncovered: {line.Source}:{line.Line}: {Shorten(line.Text)}");
        }
        if (result.GetValue(showWarnings))
        {
            foreach (var warning in report.Warnings)
            {
                Console.WriteLine($"warning: {warning}");
            }
        }
        Console.WriteLine(report.Passed
            ? $"OK: every quote checks out and every seed line is covered ({report.Warnings.Count} warning(s))."
            : $"FAILED: {report.Errors.Count} error(s), {report.Uncovered.Count} uncovered line(s), {report.Warnings.Count} warning(s).");
        return report.Passed ? 0 : CliErrors.Failed;
    }

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..97] + "...";
}
