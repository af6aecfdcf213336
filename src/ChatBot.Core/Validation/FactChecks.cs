using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Validation;

/// <summary>
/// models/facts.yaml against the seeds through <see cref="FactChecker"/> (each problem placed at its fact's
/// <c>- id:</c> line), and the dev questions' intents and fact ids.
/// </summary>
internal sealed class FactChecks(ChatBotPaths paths, IReadOnlySet<string> intents)
{
    private FactStore? _store;

    /// <summary>The fact store <see cref="Check"/> loaded, or null when it could not.</summary>
    public FactStore? Store => _store;

    public IEnumerable<DataIssue> Check()
    {
        if (!File.Exists(paths.Facts))
        {
            return [new DataIssue("models/facts.yaml", 1, "the fact store is missing", "restore models/facts.yaml from git")];
        }
        var file = SourceFile.Read(paths, paths.Facts);
        if (file.ParseError is { } error)
        {
            return [error];
        }
        var issues = new List<DataIssue>();
        try
        {
            _store = FactStore.Load(paths.Facts);
            var entities = File.Exists(paths.Entities) ? EntityLexicon.Load(paths.Entities) : EntityLexicon.Empty;
            var report = new FactChecker(SeedCorpus.Load(paths.Seeds), TopicCatalog.Load(paths), entities).Check(_store, file.Name);
            issues.AddRange(report.Errors.Select(p => Place(file, p, isError: true)));
            issues.AddRange(report.Warnings.Select(p => Place(file, p, isError: false)));
            issues.AddRange(report.Uncovered.Select(u => new DataIssue($"seeds/{u.Source}", u.Line, $"no fact covers this line: \"{Shorten(u.Text)}\"",
                "add a fact that quotes it to models/facts.yaml, or a skip entry with the reason it holds no fact")));
        }
        catch (ChatBotDataException ex)
        {
            issues.Add(new DataIssue(file.Name, 1, ex.Message, "correct the entry named"));
        }
        return issues;
    }

    /// <summary>Each dev question's intent has a dialogs/ file, and each fact id it expects is in the store.</summary>
    public IEnumerable<DataIssue> CheckDevQuestions(string path)
    {
        var file = SourceFile.Read(paths, path);
        if (file.ParseError is { } error)
        {
            return [error];
        }
        var issues = new List<DataIssue>();
        foreach (var question in SourceFile.Items(SourceFile.Field(file.Root, "questions")))
        {
            var line = SourceFile.Line(question);
            var text = SourceFile.Text(SourceFile.Field(question, "q"));
            var intentNode = SourceFile.Field(question, "intent");
            var intent = SourceFile.Text(intentNode);
            if (string.IsNullOrEmpty(text) || string.IsNullOrEmpty(intent))
            {
                issues.Add(new DataIssue(file.Name, line, "a question needs both 'q' and 'intent'", "add the missing field"));
                continue;
            }
            if (!intents.Contains(intent))
            {
                issues.Add(new DataIssue(file.Name, SourceFile.Line(intentNode!), $"'{text}' has intent '{intent}', which has no dialogs/ file",
                    $"use one of the intents of dialogs/*.yaml, or add dialogs/{intent}.yaml and run `chatbot train`"));
            }
            foreach (var id in SourceFile.Items(SourceFile.Field(question, "facts")))
            {
                if (_store is not null && SourceFile.Text(id) is { Length: > 0 } factId && _store.Find(factId) is null)
                {
                    issues.Add(new DataIssue(file.Name, SourceFile.Line(id), $"'{text}' expects fact '{factId}', which is not in models/facts.yaml",
                        "correct the id, or add the fact"));
                }
            }
        }
        return issues;
    }

    private static DataIssue Place(SourceFile file, DataProblem problem, bool isError)
    {
        var line = problem.Entry.StartsWith("skip ", StringComparison.Ordinal)
            ? file.LineOf("source: " + problem.Entry[5..].Split(':')[0], file.LineOf("skip:"))
            : file.LineOf("id: " + problem.Entry);
        var message = $"{problem.Entry}: {problem.Message}";
        var fix = problem.Message switch
        {
            var m when m.Contains("quote", StringComparison.Ordinal) =>
                "copy the quote verbatim from the seed at the lines given, or correct 'lines:' to where the quote is",
            var m when m.Contains("topic", StringComparison.Ordinal) =>
                "set 'topic:' to an intent of dialogs/*.yaml, or add that intent's dialogs/ file and run `chatbot train`",
            var m when m.Contains("entity", StringComparison.Ordinal) => "add the entity to models/entities.yaml, or use its canonical name",
            var m when m.Contains("unique", StringComparison.Ordinal) => "give one of the facts another id",
            _ => "see docs/facts-format.md",
        };
        return new DataIssue(file.Name, line, message, fix, isError);
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
