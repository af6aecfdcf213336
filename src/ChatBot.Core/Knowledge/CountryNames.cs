using System.Text.RegularExpressions;

namespace ChatBot.Core.Knowledge;

/// <summary>
/// The third countries of <c>models/countries.txt</c> (neither Kazakhstan nor Korea) and the words that name them: a
/// question about Japan's investment is not answered by a fact about Korea's, however many other words they share.
/// </summary>
public sealed class CountryNames
{
    private readonly Regex? _pattern;                  // every name of every country, longest first, in one pass
    private readonly Dictionary<string, string> _country; // a name as written, lower case → its country

    public CountryNames(IEnumerable<(string Country, IReadOnlyList<string> Names)> countries)
    {
        _country = new(StringComparer.OrdinalIgnoreCase);
        foreach (var (country, names) in countries)
        {
            foreach (var name in names.Prepend(country))
            {
                _country.TryAdd(Regex.Replace(name.Trim(), @"\s+", " "), country);
            }
        }
        Count = _country.Values.Distinct(StringComparer.Ordinal).Count();
        if (_country.Count > 0)
        {
            var alternatives = _country.Keys.OrderByDescending(n => n.Length).Select(n => Regex.Escape(n).Replace(@"\ ", @"\s+"));
            _pattern = new Regex(@"(?<![\p{L}\p{N}])(" + string.Join("|", alternatives) + @")(?![\p{L}\p{N}])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
        }
    }

    public static CountryNames Empty { get; } = new([]);

    /// <summary>How many countries the list names.</summary>
    public int Count { get; }

    /// <summary><paramref name="text"/> with every name of a country of the list taken out.</summary>
    public string Without(string text) => _pattern is null ? text : _pattern.Replace(text, " ");

    /// <summary>The countries <paramref name="text"/> names, by their file name.</summary>
    public IReadOnlyList<string> Named(string text)
    {
        if (_pattern is null)
        {
            return [];
        }
        List<string>? named = null;
        for (var match = _pattern.Match(text); match.Success; match = match.NextMatch())
        {
            var country = _country[Regex.Replace(match.Value, @"\s+", " ")];
            if (named is null || !named.Contains(country))
            {
                (named ??= []).Add(country);
            }
        }
        return named ?? (IReadOnlyList<string>)[];
    }

    /// <summary>
    /// The people of the entity list by their names, matched the same way: the canonical name and each alias of two
    /// words or more, or of one word of five letters or more ("Tokayev"), so that a short alias that is also an
    /// everyday word ("Park", "Moon", "Lee") does not make a person of a word.
    /// </summary>
    public static CountryNames People(EntityLexicon entities) => OfKind(entities, "person");

    /// <summary>The entities of the given kinds by their names, matched as <see cref="People"/> are.</summary>
    public static CountryNames OfKind(EntityLexicon entities, params string[] kinds) => new(entities.Entities
        .Where(e => kinds.Contains(e.Kind))
        .Select(e => (e.Name, (IReadOnlyList<string>)[.. e.Aliases.Where(a => a.Contains(' ') || a.Contains('-') || a.Length >= 5)])));

    /// <summary>Reads the file: "Name: other name, demonym" a line, "#" comments; a missing file is no countries.</summary>
    public static CountryNames Load(string path)
    {
        if (!File.Exists(path))
        {
            return Empty;
        }
        var countries = new List<(string, IReadOnlyList<string>)>();
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var colon = line.IndexOf(':');
            var name = (colon < 0 ? line : line[..colon]).Trim();
            var others = colon < 0 ? [] : line[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            countries.Add((name, others));
        }
        return new CountryNames(countries);
    }
}
