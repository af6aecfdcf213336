namespace ChatBot.Core.Knowledge;

/// <summary>
/// A light English suffix stripper, applied alike to the documents and the questions so that "investments",
/// "invested" and "investment" meet, "deportation" and "deported", and "trade", "traded", "trades" too. It only has to be consistent, not correct.
/// </summary>
public static class LightStemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 3 || !char.IsLetter(word[^1]))
        {
            return word;
        }
        var stem = word;
        if (stem.EndsWith("ies", StringComparison.Ordinal) && stem.Length > 4)
        {
            stem = stem[..^3] + "y";
        }
        else if (stem.EndsWith("sses", StringComparison.Ordinal))
        {
            stem = stem[..^2];
        }
        else if (stem.EndsWith('s') && !stem.EndsWith("ss", StringComparison.Ordinal) && !stem.EndsWith("us", StringComparison.Ordinal) && !stem.EndsWith("is", StringComparison.Ordinal))
        {
            stem = stem[..^1];
        }
        foreach (var suffix in (ReadOnlySpan<string>)["ation", "ated", "ate", "ment", "ing", "ed", "ly", "est"])
        {
            if (stem.EndsWith(suffix, StringComparison.Ordinal) && stem.Length - suffix.Length >= 4)
            {
                stem = stem[..^suffix.Length];
                if (suffix is "ing" or "ed" or "est" && stem.Length >= 4 && stem[^1] == stem[^2] && !IsVowel(stem[^1]) && stem[^1] is not ('l' or 's' or 'z'))
                {
                    stem = stem[..^1]; // "planned" → "plan", "biggest" → "big"
                }
                break;
            }
        }
        if (stem.EndsWith('e') && stem.Length >= 5)
        {
            stem = stem[..^1]; // "trade" and "traded" both end as "trad"
        }
        return stem;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
