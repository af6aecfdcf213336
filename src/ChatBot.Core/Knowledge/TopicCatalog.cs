using System.Text.RegularExpressions;

namespace ChatBot.Core.Knowledge;

/// <summary>An intent a fact's <c>topic</c> may name, with the handler that answers it ("facts", "timeline", ...).</summary>
public sealed record Topic(string Name, string Handler, string Description)
{
    /// <summary>A human name: "culture_diaspora" → "culture diaspora".</summary>
    public string Title => Name.Replace('_', ' ');
}

/// <summary>
/// The intents a fact's <c>topic</c> may name: one per <c>dialogs/&lt;intent&gt;.yaml</c> file, or, before those
/// exist, the rows of the table in <c>docs/intents.md</c>.
/// </summary>
public sealed partial class TopicCatalog
{
    private readonly Dictionary<string, Topic> _byName;

    public TopicCatalog(IEnumerable<Topic> topics)
    {
        Topics = [.. topics];
        _byName = Topics.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<Topic> Topics { get; }

    public bool Contains(string topic) => _byName.ContainsKey(topic);

    public Topic? Find(string topic) => _byName.GetValueOrDefault(topic);

    public static TopicCatalog Load(ChatBotPaths paths)
    {
        var files = Directory.Exists(paths.Dialogs) ? Directory.GetFiles(paths.Dialogs, "*.yaml").Order(StringComparer.Ordinal).ToList() : [];
        if (files.Count > 0)
        {
            return new TopicCatalog(files.Select(file =>
            {
                var model = YamlFile.Read<DialogFileModel>(file, ignoreUnknownFields: true);
                return new Topic(Path.GetFileNameWithoutExtension(file), model.Handler?.Trim() ?? "facts", model.Description?.Trim() ?? "");
            }));
        }
        var table = Path.Combine(paths.Root, "docs", "intents.md");
        if (!File.Exists(table))
        {
            throw new ChatBotDataException($"No intents found: {paths.Dialogs} has no .yaml files and {table} does not exist.");
        }
        return new TopicCatalog(File.ReadLines(table).Select(l => TableRow().Match(l)).Where(m => m.Success)
            .Select(m => new Topic(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value.Trim())));
    }

    [GeneratedRegex(@"^\|\s*([a-z][a-z_]+)\s*\|\s*([a-z_]+)\s*\|(.*)\|\s*$")]
    private static partial Regex TableRow();
}
