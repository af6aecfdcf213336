using System.Text.RegularExpressions;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Dialogs;

/// <summary>
/// "and the other way round?", "and the reverse": the last question with the two countries the documents are about
/// swapped — "year of kazakhstan in korea" becomes "year of ROK in Kazakhstan". The two are found in the data, not
/// named here: <see cref="KnowledgeBase.Countries"/>, with the cities that stand for them.
/// </summary>
public sealed class CounterpartSwap
{
    private readonly (string Name, Regex Mention)[] _pair;

    public CounterpartSwap(KnowledgeBase knowledge) =>
        _pair = knowledge.Countries.Count != 2 ? [] : [.. knowledge.Countries.Select(c => (c.Name, Mention(c, knowledge.Entities.Entities)))];

    /// <summary>The question with each country in the other's place, or null when it names neither (or the data has no pair).</summary>
    public string? Swap(string question)
    {
        if (_pair.Length != 2 || !_pair.Any(p => p.Mention.IsMatch(question)))
        {
            return null;
        }
        // Mark the first country's mentions, put the first's name where the second was, then the second's where the marks are.
        const string Mark = "\u0001";
        var marked = _pair[0].Mention.Replace(question, Mark);
        var swapped = _pair[1].Mention.Replace(marked, _pair[0].Name);
        return swapped.Replace(Mark, _pair[1].Name, StringComparison.Ordinal);
    }

    /// <summary>Any name of the country or of a place that stands for it, longest first, as whole words.</summary>
    private static Regex Mention(NamedEntity country, IEnumerable<NamedEntity> all)
    {
        var names = all.Where(e => e.Name == country.Name || e.StandsFor == country.Name)
            .SelectMany(e => e.Aliases.Append(e.Name)).Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(n => n.Length).Select(Regex.Escape);
        return new Regex($@"(?<![\w-])({string.Join('|', names)})(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
