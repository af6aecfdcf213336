namespace ChatBot.Core.Intents;

/// <summary>
/// Finds the examples of one intent that are the same utterance written twice ("hi" / "hi there", "what's your name" /
/// "what is your name", "30th anniversary of diplomatic ties" / "… relations"), so cross-validation keeps each such
/// group in one fold: one copy in training and the other under test would score a memory, not the model.
/// <paramref name="filler"/> are the words that do not make an utterance a different one (the lexicon's filler words);
/// <paramref name="normalizer"/> spells out contractions first.
/// </summary>
public sealed class NearDuplicates(IReadOnlySet<string> filler, IntentTextNormalizer normalizer)
{
    /// <summary>No filler words and no contractions: only exact repeats, one word apart, count.</summary>
    public static NearDuplicates Plain { get; } = new(new HashSet<string>(), IntentTextNormalizer.Plain);

    /// <summary>A substitution makes a near-duplicate only in utterances at least this long ("ties"/"relations" in five words, not "robot"/"human" in three).</summary>
    private const int MinWordsForSubstitution = 5;

    /// <summary>
    /// A group number per example: examples of the same intent whose words (lower case, contractions spelled out, filler
    /// and plural -s dropped) differ by at most one inserted or deleted word, or one substituted word in utterances of
    /// five words or more, share a group, and so does every chain of such pairs.
    /// </summary>
    public int[] Groups(IReadOnlyList<IntentExample> examples)
    {
        var parent = Enumerable.Range(0, examples.Count).ToArray();
        var words = examples.Select(e => Key(e.Text)).ToArray();
        foreach (var intent in Enumerable.Range(0, examples.Count).GroupBy(i => examples[i].Label, StringComparer.Ordinal))
        {
            var members = intent.ToArray();
            for (var a = 0; a < members.Length; a++)
            {
                for (var b = a + 1; b < members.Length; b++)
                {
                    if (AreNear(words[members[a]], words[members[b]]))
                    {
                        parent[Root(parent, members[a])] = Root(parent, members[b]);
                    }
                }
            }
        }
        return Enumerable.Range(0, examples.Count).Select(i => Root(parent, i)).ToArray();
    }

    /// <summary>Whether two utterances are near-duplicates by the rule of <see cref="Groups"/> (the intent aside).</summary>
    public bool AreNear(string first, string second) => AreNear(Key(first), Key(second));

    private static bool AreNear(string[] a, string[] b)
    {
        if (a.Length == 0 || b.Length == 0 || Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }
        if (a.Length == b.Length)
        {
            var different = 0;
            for (var i = 0; i < a.Length; i++)
            {
                different += a[i] == b[i] ? 0 : 1;
            }
            return different == 0 || different == 1 && a.Length >= MinWordsForSubstitution;
        }
        var (shorter, longer) = a.Length < b.Length ? (a, b) : (b, a);
        var skipped = false;
        for (int i = 0, j = 0; i < shorter.Length; i++, j++)
        {
            if (shorter[i] != longer[j])
            {
                if (skipped || shorter[i] != longer[j + 1])
                {
                    return false;
                }
                skipped = true;
                j++;
            }
        }
        return true;
    }

    private string[] Key(string text) =>
        normalizer.Normalize(text)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !filler.Contains(w) && w is not ("numyear" or "numnum" or "qmark"))
            .Select(w => w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) ? w[..^1] : w)
            .ToArray();

    private static int Root(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            i = parent[i] = parent[parent[i]];
        }
        return i;
    }
}
