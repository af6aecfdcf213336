using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChatBot.Core.Intents;

/// <summary>
/// Every intent of <c>dialogs/*.yaml</c>, checked the way <c>rasa data validate</c> checks its data: a broken file,
/// an unknown handler or an example under two intents stops the load with a message naming file and fix.
/// </summary>
public sealed class DialogCatalog
{
    /// <summary>Fewer examples than this still load, but <see cref="Warnings"/> says the intent is thin.</summary>
    public const int RecommendedExamples = 30;

    private readonly Dictionary<string, DialogDefinition> _byIntent;

    public DialogCatalog(IReadOnlyList<DialogDefinition> dialogs, IReadOnlyList<string>? warnings = null)
    {
        Dialogs = dialogs;
        Warnings = warnings ?? [];
        _byIntent = dialogs.ToDictionary(d => d.Intent, StringComparer.Ordinal);
    }

    public IReadOnlyList<DialogDefinition> Dialogs { get; }

    /// <summary>Problems that do not stop the bot but deserve a curator's look (thin intents).</summary>
    public IReadOnlyList<string> Warnings { get; }

    public IEnumerable<string> Intents => Dialogs.Select(d => d.Intent);

    public DialogDefinition? Find(string intent) => _byIntent.GetValueOrDefault(intent);

    /// <summary>The training rows: every example of every intent, in file order.</summary>
    public IReadOnlyList<IntentExample> Examples() =>
        Dialogs.SelectMany(d => d.Examples.Select(e => new IntentExample { Text = e, Label = d.Intent })).ToList();

    /// <summary>The file beside the dialogs that holds the bot's reply texts; it is no intent and no training data.</summary>
    public const string ResponsesFile = "responses.yaml";

    /// <summary>The dialog files of a folder (every <c>*.yaml</c> but <see cref="ResponsesFile"/>), sorted by name so hashing and training see them in one order.</summary>
    public static IReadOnlyList<string> Files(string dialogsFolder) =>
        Directory.Exists(dialogsFolder)
            ? Directory.GetFiles(dialogsFolder, "*.yaml")
                .Where(f => !string.Equals(Path.GetFileName(f), ResponsesFile, StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>Loads and checks every <c>*.yaml</c> of the folder.</summary>
    /// <exception cref="DialogDataException">The folder is missing or empty, or a file is broken.</exception>
    public static DialogCatalog Load(string dialogsFolder)
    {
        var files = Files(dialogsFolder);
        if (files.Count == 0)
        {
            throw new DialogDataException([$"{dialogsFolder}: no dialogs/*.yaml files. Add one file per intent (intent, description, handler, examples, followUps)."]);
        }
        var problems = new List<string>();
        var warnings = new List<string>();
        var dialogs = new List<DialogDefinition>();
        foreach (var file in files)
        {
            if (Parse(file, problems) is { } dialog)
            {
                dialogs.Add(dialog);
                if (dialog.Examples.Count < RecommendedExamples)
                {
                    warnings.Add($"{Path.GetFileName(file)}: only {dialog.Examples.Count} examples; {RecommendedExamples} or more make the intent reliable.");
                }
            }
        }
        problems.AddRange(DuplicateExamples(dialogs));
        if (problems.Count > 0)
        {
            throw new DialogDataException(problems);
        }
        return new DialogCatalog(dialogs, warnings);
    }

    private static DialogDefinition? Parse(string file, List<string> problems)
    {
        var name = Path.GetFileName(file);
        DialogYaml? yaml;
        try
        {
            yaml = Yaml.Deserialize<DialogYaml>(File.ReadAllText(file));
        }
        catch (YamlException ex)
        {
            problems.Add($"{name}: not valid YAML at line {ex.Start.Line}: {ex.InnerException?.Message ?? ex.Message}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // What YamlDotNet throws, without a position, on some unclosed brackets.
            problems.Add($"{name}: not valid YAML (an unclosed [ or quote?); `chatbot data validate` shows the line.");
            return null;
        }
        if (yaml is null)
        {
            problems.Add($"{name}: the file is empty; give it intent, description, handler and examples.");
            return null;
        }
        var before = problems.Count;
        var expected = Path.GetFileNameWithoutExtension(file);
        if (string.IsNullOrWhiteSpace(yaml.Intent))
        {
            problems.Add($"{name}: no 'intent:'; add 'intent: {expected}'.");
        }
        else if (yaml.Intent.Trim() != expected)
        {
            problems.Add($"{name}: 'intent: {yaml.Intent}' does not match the file name; rename the file to {yaml.Intent.Trim()}.yaml or the intent to {expected}.");
        }
        if (!HandlerKinds.TryParse(yaml.Handler, out var handler))
        {
            problems.Add($"{name}: handler '{yaml.Handler}' is not one of {string.Join(", ", HandlerKinds.Names)}.");
        }
        var examples = (yaml.Examples ?? []).Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).ToList();
        if (examples.Count == 0)
        {
            problems.Add($"{name}: no examples; list the ways users ask this under 'examples:'.");
        }
        if (problems.Count > before)
        {
            return null;
        }
        var followUps = (yaml.FollowUps ?? []).Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()).ToList();
        return new DialogDefinition(expected, yaml.Description?.Trim() ?? string.Empty, handler, examples, followUps, name);
    }

    private static IEnumerable<string> DuplicateExamples(IEnumerable<DialogDefinition> dialogs) =>
        dialogs
            .SelectMany(d => d.Examples.Select(e => (Key: e.ToLowerInvariant(), Example: e, d.Intent, d.File)))
            .GroupBy(x => x.Key)
            .Where(g => g.Select(x => x.Intent).Distinct().Count() > 1)
            .Select(g => $"'{g.First().Example}' is an example of {string.Join(" and ", g.Select(x => $"{x.Intent} ({x.File})").Distinct())}; keep it under one intent.");

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    private sealed class DialogYaml
    {
        public string? Intent { get; set; }
        public string? Description { get; set; }
        public string? Handler { get; set; }
        public List<string>? Examples { get; set; }
        public List<string>? FollowUps { get; set; }
    }
}
