using System.Text.RegularExpressions;

namespace ChatBot.Core.Knowledge;

/// <summary>
/// The third countries of <c>models/countries.txt</c> (neither Kazakhstan nor Korea) and the words that name them: a
/// question about Japan's investment is not answered by a fact about Korea's, however many other words they share.
/// </summary>
public sealed class CountryNames
{
    private readonly (string Country, Regex Pattern)[] _countries;

    public CountryNames(IEnumerable<(string Country, IReadOnlyList<string> Names)> countries)
    {
        _countries = [.. countries.Select(c => (c.Country, new Regex(
            @"(?<![\p{L}\p{N}])(" + string.Join("|", c.Names.Prepend(c.Country).Select(n => Regex.Escape(n).Replace(@"\ ", @"\s+"))) + @")(?![\p{L}\p{N}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)))];
    }

    public static CountryNames Empty { get; } = new([]);

    public int Count => _countries.Length;

    /// <summary>The countries <paramref name="text"/> names, by their file name.</summary>
    public IReadOnlyList<string> Named(string text)
    {
        List<string>? named = null;
        foreach (var (country, pattern) in _countries)
        {
            if (pattern.IsMatch(text))
            {
                (named ??= []).Add(country);
            }
        }
        return named ?? (IReadOnlyList<string>)[];
    }

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
