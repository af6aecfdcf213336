using System.Text;
using System.Text.RegularExpressions;
using ChatBot.Core.Intents;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChatBot.Core.Dialogs;

/// <summary>
/// The bot's reply texts from <c>dialogs/responses.yaml</c>, each with its <c>{placeholders}</c>, and the parting
/// words that tell a thank-you from a goodbye. Checked when loaded: every key the renderer uses is there, and no text
/// names a placeholder the renderer does not fill.
/// </summary>
public sealed partial class ReplyTexts
{
    /// <summary>Each reply key and the placeholders its text may use.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Keys = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["what_i_know"] = ["document_count"],
        ["greeting"] = ["what_i_know"],
        ["help"] = ["what_i_know", "topics"],
        ["chitchat"] = ["what_i_know"],
        ["thanks"] = [],
        ["goodbye"] = [],
        ["acknowledged"] = [],
        ["sources"] = ["document_count"],
        ["dont_know"] = [],
        ["after_documents"] = [],
        ["no_fact"] = ["reason"],
        ["out_of_scope"] = ["reason", "topics"],
        ["clarify"] = ["first", "second"],
        ["clarify_choice"] = ["topic", "question"],
        ["timeline"] = ["topic"],
        ["passage"] = ["source", "passage"],
        ["where_from_one"] = [],
        ["where_from_many"] = [],
        ["nothing_more"] = ["topic"],
        ["near_miss"] = ["constraint"],
        ["lost_thread"] = [],
    };

    private readonly IReadOnlyDictionary<string, string> _texts;

    private ReplyTexts(IReadOnlyDictionary<string, string> texts, string partingIntent, IReadOnlyList<string> thanksWords, IReadOnlyList<string> goodbyeWords)
    {
        _texts = texts;
        PartingIntent = partingIntent;
        ThanksWords = thanksWords;
        GoodbyeWords = goodbyeWords;
    }

    /// <summary>The intent whose messages get a parting (thanks, goodbye, acknowledged) rather than the chitchat reply.</summary>
    public string PartingIntent { get; }

    /// <summary>Words, or word starts, of a thank-you.</summary>
    public IReadOnlyList<string> ThanksWords { get; }

    /// <summary>Words, or word starts, of a goodbye.</summary>
    public IReadOnlyList<string> GoodbyeWords { get; }

    /// <summary>The text of <paramref name="key"/> with its placeholders filled; a placeholder not given stays as written.</summary>
    public string Say(string key, params (string Name, string Value)[] values)
    {
        if (!_texts.TryGetValue(key, out var text))
        {
            throw new ArgumentException($"No reply text '{key}' in dialogs/{DialogCatalog.ResponsesFile}.", nameof(key));
        }
        if (values.Length == 0)
        {
            return text;
        }
        return Placeholder().Replace(text, m =>
        {
            foreach (var (name, value) in values)
            {
                if (name == m.Groups["name"].Value)
                {
                    return value;
                }
            }
            return m.Value;
        });
    }

    /// <summary>Reads and checks <c>dialogs/responses.yaml</c>.</summary>
    /// <exception cref="DialogDataException">The file is missing or broken, a key is missing, or a text names an unknown placeholder.</exception>
    public static ReplyTexts Load(string dialogsFolder)
    {
        var path = Path.Combine(dialogsFolder, DialogCatalog.ResponsesFile);
        var (texts, problems) = Read(path);
        if (problems.Count > 0)
        {
            throw new DialogDataException(problems);
        }
        return texts!;
    }

    /// <summary>The texts and every problem of the file, each naming the file, the key and the fix; null texts when any.</summary>
    public static (ReplyTexts? Texts, IReadOnlyList<string> Problems) Read(string path)
    {
        var name = $"dialogs/{DialogCatalog.ResponsesFile}";
        if (!File.Exists(path))
        {
            return (null, [$"{name}: file not found. It holds every reply text the bot says (see docs/curating.md)."]);
        }
        ResponsesYaml? yaml;
        try
        {
            yaml = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
                .Deserialize<ResponsesYaml>(File.ReadAllText(path));
        }
        catch (YamlException ex)
        {
            return (null, [$"{name}:{ex.Start.Line}: {(ex.InnerException?.Message ?? ex.Message).Trim()}"]);
        }
        var problems = new List<string>();
        var texts = yaml?.Responses ?? [];
        foreach (var (key, allowed) in Keys)
        {
            if (!texts.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text))
            {
                problems.Add($"{name}: no text for '{key}' under responses:; add one{(allowed.Length > 0 ? $" (it may use {string.Join(", ", allowed.Select(a => "{" + a + "}"))})" : "")}.");
                continue;
            }
            foreach (Match m in Placeholder().Matches(text))
            {
                if (!allowed.Contains(m.Groups["name"].Value))
                {
                    problems.Add($"{name}: '{key}' uses {m.Value}, which is not filled for it; use {(allowed.Length > 0 ? string.Join(", ", allowed.Select(a => "{" + a + "}")) : "no placeholder")}.");
                }
            }
        }
        foreach (var key in texts.Keys.Where(k => !Keys.ContainsKey(k)))
        {
            problems.Add($"{name}: '{key}' is no reply the bot makes; remove it or fix its name (known: {string.Join(", ", Keys.Keys)}).");
        }
        var thanks = Words(yaml?.PartingWords?.Thanks);
        var goodbye = Words(yaml?.PartingWords?.Goodbye);
        if (thanks.Count == 0 || goodbye.Count == 0)
        {
            problems.Add($"{name}: partingWords needs both thanks: and goodbye: word lists.");
        }
        var partingIntent = yaml?.PartingWords?.Intent?.Trim() ?? "";
        if (partingIntent.Length == 0)
        {
            problems.Add($"{name}: partingWords needs intent: (the intent whose messages get a parting, e.g. thanks_goodbye).");
        }
        if (problems.Count > 0)
        {
            return (null, problems);
        }
        var trimmed = texts.ToDictionary(kv => kv.Key, kv => kv.Value.Trim(), StringComparer.Ordinal);
        return (new ReplyTexts(trimmed, partingIntent, thanks, goodbye), []);
    }

    private static List<string> Words(List<string>? words) =>
        [.. (words ?? []).Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w.Trim().ToLowerInvariant())];

    [GeneratedRegex(@"\{(?<name>[a-z_]+)\}")]
    private static partial Regex Placeholder();

    private sealed class ResponsesYaml
    {
        public Dictionary<string, string> Responses { get; set; } = [];

        public PartingWordsYaml? PartingWords { get; set; }
    }

    private sealed class PartingWordsYaml
    {
        public string? Intent { get; set; }

        public List<string>? Thanks { get; set; }

        public List<string>? Goodbye { get; set; }
    }
}
