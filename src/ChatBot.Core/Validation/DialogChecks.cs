using ChatBot.Core.Intents;

namespace ChatBot.Core.Validation;

/// <summary>The dialogs/ files: each one parses and loads (<see cref="DialogCatalog"/>'s checks), and no example is under two intents.</summary>
internal sealed class DialogChecks(ChatBotPaths paths)
{
    /// <summary>The intents of the dialog files that parse, by file name: what facts and dev questions may name.</summary>
    public HashSet<string> Intents { get; } = new(StringComparer.Ordinal);

    public IEnumerable<DataIssue> Check()
    {
        var issues = new List<DataIssue>();
        var files = DialogCatalog.Files(paths.Dialogs).Where(f => Path.GetFileName(f) != "responses.yaml").ToList();
        if (files.Count == 0)
        {
            issues.Add(new DataIssue("dialogs", 1, "no dialogs/*.yaml files", "add one file per intent: intent, description, handler, examples, followUps"));
            return issues;
        }
        var seen = new Dictionary<string, (string Intent, string File, int Line)>(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var file = SourceFile.Read(paths, path);
            if (file.ParseError is { } error)
            {
                issues.Add(error);
                continue;
            }
            var intent = Path.GetFileNameWithoutExtension(path);
            Intents.Add(intent);
            foreach (var example in SourceFile.Items(SourceFile.Field(file.Root, "examples")))
            {
                if (SourceFile.Text(example) is not { Length: > 0 } text)
                {
                    continue;
                }
                var line = SourceFile.Line(example);
                if (seen.TryGetValue(text.ToLowerInvariant(), out var first) && first.Intent != intent)
                {
                    issues.Add(new DataIssue(file.Name, line, $"'{text}' is an example of {intent} and of {first.Intent} ({first.File}:{first.Line})",
                        "keep it under the one intent it means and delete it from the other file; then run `chatbot train`"));
                }
                else
                {
                    seen.TryAdd(text.ToLowerInvariant(), (intent, file.Name, line));
                }
            }
        }
        issues.AddRange(CatalogProblems(files));
        return issues;
    }

    /// <summary>What <see cref="DialogCatalog"/> refuses besides the duplicates reported above: a missing intent, an unknown handler, no examples.</summary>
    private IEnumerable<DataIssue> CatalogProblems(IReadOnlyList<string> files)
    {
        DialogCatalog catalog;
        try
        {
            catalog = DialogCatalog.Load(paths.Dialogs);
        }
        catch (DialogDataException ex)
        {
            return ex.Problems.Where(p => !p.Contains("is an example of", StringComparison.Ordinal) && !p.Contains("not valid YAML", StringComparison.Ordinal))
                .Select(p => Locate(files, p, isError: true)).ToList();
        }
        return catalog.Warnings.Select(w => Locate(files, w, isError: false)).ToList();
    }

    /// <summary>A DialogCatalog message starts with the file's name; the line is the field it is about, when the message names one.</summary>
    private DataIssue Locate(IReadOnlyList<string> files, string problem, bool isError)
    {
        var colon = problem.IndexOf(": ", StringComparison.Ordinal);
        var fileName = colon > 0 ? problem[..colon] : "";
        var path = files.FirstOrDefault(f => Path.GetFileName(f) == fileName);
        var message = colon > 0 ? problem[(colon + 2)..].TrimEnd('.') : problem;
        if (path is null)
        {
            return new DataIssue("dialogs", 1, message, "see docs/intents.md", isError);
        }
        var file = SourceFile.Read(paths, path);
        var field = new[] { "handler", "intent", "examples" }.FirstOrDefault(f => message.Contains(f, StringComparison.Ordinal));
        var line = field is null ? 1 : file.LineOf(field + ":");
        var fix = message.Contains("handler", StringComparison.Ordinal) ? $"set 'handler:' to one of {string.Join(", ", HandlerKinds.Names)}"
            : message.Contains("examples", StringComparison.Ordinal) ? "list more ways users ask this under 'examples:', then run `chatbot train`"
            : message.Contains("intent", StringComparison.Ordinal) ? "make 'intent:' and the file name the same"
            : "see docs/intents.md";
        return new DataIssue(file.Name, line, message, fix, isError);
    }
}
