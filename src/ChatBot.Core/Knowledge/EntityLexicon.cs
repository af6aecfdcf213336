namespace ChatBot.Core.Knowledge;

/// <summary>
/// A person, organisation or place the seeds name, with the other ways people write it ("ROK", "South Korea"), and
/// the entity it may stand for in a question (a capital for its country's government: "Seoul and Astana agreed"), and
/// for a person the titles a follow-up may call them by ("the ambassador", "that president").
/// </summary>
public sealed record NamedEntity(string Name, string Kind, IReadOnlyList<string> Aliases, string? StandsFor = null)
{
    /// <summary>What a follow-up may call a person instead of a name: "ambassador", "envoy", "president".</summary>
    public IReadOnlyList<string> Titles { get; init; } = [];

    /// <summary>For a person, the pronoun they take ("he", "she"); null when not given, and then either fits.</summary>
    public string? Pronoun { get; init; }
}

/// <summary>The entities of <c>models/entities.yaml</c>: canonical name → aliases, looked up either way, case-insensitively.</summary>
public sealed partial class EntityLexicon
{
    private readonly Dictionary<string, NamedEntity> _byName;
    private readonly Dictionary<string, NamedEntity> _byAnyName;

    public EntityLexicon(IEnumerable<NamedEntity> entities)
    {
        _byName = new Dictionary<string, NamedEntity>(StringComparer.OrdinalIgnoreCase);
        foreach (var entity in entities)
        {
            // The part files may both name an entity; the merged entry keeps every alias once.
            var named = entity with { Aliases = WithYearless(entity) };
            _byName[entity.Name] = _byName.TryGetValue(entity.Name, out var known)
                ? known with
                {
                    Aliases = [.. known.Aliases.Union(named.Aliases, StringComparer.OrdinalIgnoreCase)],
                    StandsFor = known.StandsFor ?? entity.StandsFor,
                    Titles = [.. known.Titles.Union(entity.Titles, StringComparer.OrdinalIgnoreCase)],
                    Pronoun = known.Pronoun ?? entity.Pronoun,
                }
                : named;
        }
        Entities = [.. _byName.Values];
        _byAnyName = new Dictionary<string, NamedEntity>(StringComparer.OrdinalIgnoreCase);
        foreach (var entity in Entities)
        {
            _byAnyName[entity.Name] = entity;
        }
        foreach (var entity in Entities)
        {
            foreach (var alias in entity.Aliases)
            {
                _byAnyName.TryAdd(alias, entity); // a canonical name wins over another entity's alias
            }
        }
    }

    public static EntityLexicon Empty { get; } = new([]);

    /// <summary>
    /// "Year of Korea in Kazakhstan 2011" and "Tokayev state visit to Korea (2021)" are also asked about without their
    /// year: the name without it is one more alias.
    /// </summary>
    private static IReadOnlyList<string> WithYearless(NamedEntity entity)
    {
        var yearless = TrailingYear().Replace(entity.Name, "").Trim();
        return yearless.Length > 0 && yearless != entity.Name && !entity.Aliases.Contains(yearless, StringComparer.OrdinalIgnoreCase)
            ? [.. entity.Aliases, yearless]
            : entity.Aliases;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\s*\(?\b(19|20)\d{2}\)?$")]
    private static partial System.Text.RegularExpressions.Regex TrailingYear();

    public IReadOnlyList<NamedEntity> Entities { get; }

    /// <summary>The entity a canonical name or an alias stands for.</summary>
    public NamedEntity? Resolve(string nameOrAlias) => _byAnyName.GetValueOrDefault(nameOrAlias.Trim());

    /// <summary>Reads and merges entity files (a missing file is an error, an empty one is not).</summary>
    public static EntityLexicon Load(params IEnumerable<string> files)
    {
        var entities = new List<NamedEntity>();
        foreach (var file in files)
        {
            var model = YamlFile.Read<EntityFileModel>(file);
            foreach (var entry in model.Entities ?? [])
            {
                if (string.IsNullOrWhiteSpace(entry.Name))
                {
                    throw new ChatBotDataException($"{file}: an entity has no name (aliases: {string.Join(", ", entry.Aliases ?? [])}).");
                }
                var pronoun = entry.Pronoun?.Trim().ToLowerInvariant();
                entities.Add(new NamedEntity(
                    entry.Name.Trim(),
                    entry.Kind?.Trim() ?? "",
                    [.. (entry.Aliases ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim())],
                    string.IsNullOrWhiteSpace(entry.StandsFor) ? null : entry.StandsFor.Trim())
                {
                    Titles = [.. (entry.Titles ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim().ToLowerInvariant())],
                    Pronoun = pronoun switch
                    {
                        null or "" => null,
                        "he" or "she" => pronoun,
                        _ => throw new ChatBotDataException($"{file}: {entry.Name}: pronoun must be he or she, not '{pronoun}'."),
                    },
                });
            }
        }
        return new EntityLexicon(entities);
    }
}
