using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChatBot.Core.Dialogs;

/// <summary>A seed document with the one line the bot says about it.</summary>
public sealed record SourceDocument(string File, string Description);

/// <summary>
/// The documents the bot answers from: every file in <c>seeds/</c>, described by <c>models/sources.yaml</c> (a seed
/// without a description is still listed, so the list never hides a source).
/// </summary>
public sealed class SourceCatalog(IReadOnlyList<SourceDocument> documents)
{
    public IReadOnlyList<SourceDocument> Documents { get; } = documents;

    public static SourceCatalog Load(ChatBotPaths paths)
    {
        var file = Path.Combine(paths.Models, "sources.yaml");
        var described = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(file))
        {
            var model = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).IgnoreUnmatchedProperties().Build()
                .Deserialize<SourcesFile>(File.ReadAllText(file));
            foreach (var entry in model?.Sources ?? [])
            {
                if (!string.IsNullOrWhiteSpace(entry.File))
                {
                    described[entry.File.Trim()] = entry.Description?.Trim() ?? string.Empty;
                }
            }
        }
        var seeds = Directory.Exists(paths.Seeds)
            ? Directory.GetFiles(paths.Seeds, "*.txt").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)
            : Enumerable.Empty<string>();
        return new SourceCatalog([.. seeds.Select(s => new SourceDocument(s, described.GetValueOrDefault(s, string.Empty)))]);
    }

    private sealed class SourcesFile
    {
        public List<SourceEntry>? Sources { get; set; }
    }

    private sealed class SourceEntry
    {
        public string? File { get; set; }
        public string? Description { get; set; }
    }
}
