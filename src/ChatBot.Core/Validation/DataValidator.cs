using ChatBot.Core.Dialogs;
using ChatBot.Core.Intents;
using ChatBot.Core.Meaning;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Validation;

/// <summary>
/// <c>chatbot data validate</c>: every data file a curator edits, checked the way <c>rasa data validate</c> checks its
/// data, each problem with its file, line and fix — dialogs/ (an example under two intents, a broken file), the
/// lexicon, the facts against the seeds (<see cref="FactChecker"/>: quotes verbatim at their lines, topics that are
/// intents, every seed line covered), the entities, the dev questions (intents and fact ids that exist), and whether
/// the committed intent model and word-vector table can be used with this data.
/// </summary>
public sealed class DataValidator(ChatBotPaths paths)
{
    /// <summary>The dev question set, when there is one.</summary>
    public string DevQuestions => Path.Combine(paths.Root, "tests", "data", "questions.yaml");

    /// <summary>The reply texts (issue 12, item 3), when they exist.</summary>
    public string Responses => Path.Combine(paths.Dialogs, "responses.yaml");

    public DataValidationReport Validate()
    {
        var issues = new List<DataIssue>();
        var dialogs = new DialogChecks(paths);
        issues.AddRange(dialogs.Check());
        issues.AddRange(Lexicon());
        var facts = new FactChecks(paths, dialogs.Intents);
        issues.AddRange(facts.Check());
        issues.AddRange(EntityChecks.Check(paths));
        issues.AddRange(NearMissCheck(facts.Store));
        if (File.Exists(DevQuestions))
        {
            issues.AddRange(facts.CheckDevQuestions(DevQuestions));
        }
        issues.AddRange(ResponsesCheck());
        // The model and the vector table are judged against data that loads: a broken file above is the problem to fix first.
        if (!issues.Any(i => i.IsError))
        {
            issues.AddRange(WordVectorTable());
            issues.AddRange(IntentModel());
            issues.AddRange(FactVectorsCheck());
            issues.AddRange(AnswerModelCheck());
        }
        return new DataValidationReport(issues);
    }

    private IEnumerable<DataIssue> Lexicon()
    {
        var name = Relative(paths.Lexicon);
        if (!File.Exists(paths.Lexicon))
        {
            return [new DataIssue(name, 1, "the lexicon is missing", "restore models/lexicon.yaml from git")];
        }
        try
        {
            return WordLists.Read(paths.Lexicon).Problems.Select(p => new DataIssue(name, p.Line, p.Message, FixFor(p.Message))).ToList();
        }
        catch (ChatBotDataException ex)
        {
            return [new DataIssue(name, 1, ex.Message, "correct the YAML at the line named")];
        }

        static string FixFor(string message) =>
            message.Contains("twice", StringComparison.Ordinal) ? "delete one of the two entries"
            : message.Contains("lower case", StringComparison.Ordinal) ? "write the word in lower case"
            : message.Contains("unknown section", StringComparison.Ordinal) ? "rename the section to one of those listed, or remove it"
            : "see the comments at the top of models/lexicon.yaml";
    }

    /// <summary>
    /// <c>models/near-misses.yaml</c>: each near miss names a fact of <paramref name="store"/> (the one the fact check
    /// loaded; none when the facts are broken, which that check reports) and is no fact's question form.
    /// </summary>
    private IEnumerable<DataIssue> NearMissCheck(FactStore? store)
    {
        if (store is null)
        {
            return [];
        }
        var name = Relative(paths.NearMisses);
        try
        {
            return NearMissForms.Problems(NearMissForms.Load(paths.NearMisses), store.Facts)
                .Select(p => new DataIssue(name, p.Line, p.Message, p.Fix)).ToList();
        }
        catch (ChatBotDataException ex)
        {
            return [new DataIssue(name, 1, ex.Message, "correct the YAML at the line named")];
        }
    }

    private IEnumerable<DataIssue> WordVectorTable()
    {
        var name = Relative(paths.WordVectors);
        const string Rebuild = "rebuild it with `dotnet run --project src/ChatBot.Vectors`, then run `chatbot train` and commit both";
        if (!File.Exists(paths.WordVectors))
        {
            return [new DataIssue(name, 1, "the word-vector table is missing (the classifier would lose its word meanings)", Rebuild)];
        }
        try
        {
            var table = WordVectors.Load(paths.WordVectors);
            return table.Count == 0 ? [new DataIssue(name, 1, "the word-vector table holds no words", Rebuild)] : [];
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or EndOfStreamException or ChatBotDataException or IntentModelException)
        {
            return [new DataIssue(name, 1, $"the word-vector table cannot be read ({ex.Message})", Rebuild)];
        }
    }

    private IEnumerable<DataIssue> IntentModel()
    {
        var name = Relative(IntentTrainer.HashFileFor(paths.IntentModel));
        try
        {
            IntentTrainingSource.LoadClassifier(paths);
            return [];
        }
        catch (Exception ex) when (ex is IntentModelException or ChatBotDataException)
        {
            // The hash covers dialogs/, the fact questions, the entity aliases, the lexicon and the vector table: after
            // an edit to any of them (or a rebuilt table) the committed model no longer matches.
            return [new DataIssue(name, 1, ex.Message.Replace($" {IntentModelLoader.TrainHint}", "", StringComparison.Ordinal).TrimEnd('.'),
                "run `chatbot train` (dotnet run --project src/ChatBot.Cli -- train) and commit models/intent-classifier.zip and .sha256")];
        }
    }

    /// <summary>
    /// <c>dialogs/responses.yaml</c>, the bot's reply texts, checked as the host loads them: every reply key present,
    /// no unknown key, no placeholder the renderer does not fill, both parting-word lists (see <see cref="ReplyTexts"/>).
    /// </summary>
    private IEnumerable<DataIssue> ResponsesCheck()
    {
        var name = Relative(Responses);
        var (texts, problems) = ReplyTexts.Read(Responses);
        if (texts is not null && !File.Exists(Path.Combine(Path.GetDirectoryName(Responses)!, texts.PartingIntent + ".yaml")))
        {
            problems = [.. problems, $"{name}: 'partingWords' names the intent '{texts.PartingIntent}', which has no dialogs/ file"];
        }
        var lines = File.Exists(Responses) ? File.ReadAllLines(Responses) : [];
        foreach (var problem in problems)
        {
            // "dialogs/responses.yaml:12: reason" (a parse error) or "dialogs/responses.yaml: 'key' …" (a checked text).
            var rest = problem[(problem.IndexOf(':') + 1)..];
            var line = 1;
            if (rest.Split(':', 2) is [var number, var after] && int.TryParse(number, out var at))
            {
                (line, rest) = (at, after);
            }
            else if (System.Text.RegularExpressions.Regex.Match(rest, "'(?<key>[a-z_]+)'") is { Success: true } key)
            {
                var found = Array.FindIndex(lines, l => l.TrimStart().StartsWith(key.Groups["key"].Value + ":", StringComparison.Ordinal));
                line = found >= 0 ? found + 1 : 1;
            }
            yield return new DataIssue(name, line, rest.Trim().TrimEnd('.'), "keep every reply key of the file with only the placeholders its comment lists; see docs/curating.md, \"Change or add a reply\"");
        }
    }

    /// <summary>The committed fact vectors (<c>models/fact-vectors.bin</c>) fit the facts and the encoder, as the host checks them at start.</summary>
    private IEnumerable<DataIssue> FactVectorsCheck()
    {
        const string Fix = "run `chatbot train` (or `chatbot train --answer-model-only`) and commit models/fact-vectors.bin and .sha256";
        try
        {
            var knowledge = KnowledgeBase.Load(paths, meaning: false);
            FactMeaning.Load(paths, knowledge.Facts);
            return [];
        }
        catch (ChatBotDataException ex)
        {
            return [new DataIssue(Relative(paths.FactVectors), 1, ex.Message.Replace(" Run `chatbot train` and commit models/.", "", StringComparison.Ordinal).TrimEnd('.'), Fix)];
        }
    }

    /// <summary>The committed answer model fits this data (its hash covers models/ and dialogs/), as the host checks it at start.</summary>
    private IEnumerable<DataIssue> AnswerModelCheck()
    {
        try
        {
            AnswerModel.Load(paths.AnswerModel, AnswerModelTrainer.Hash(paths));
            return [];
        }
        catch (AnswerModelException ex)
        {
            return [new DataIssue(Relative(paths.AnswerModel), 1, ex.Message.TrimEnd('.'),
                "run `chatbot train` (or `chatbot train --answer-model-only`) and commit models/answer-model.zip, .json and .sha256")];
        }
    }

    private string Relative(string path) => Path.GetRelativePath(paths.Root, path).Replace('\\', '/');
}
