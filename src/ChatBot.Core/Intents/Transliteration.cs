using System.Text;

namespace ChatBot.Core.Intents;

/// <summary>
/// Spells Cyrillic (Russian and Kazakh letters) and Hangul in Latin letters the way people type them on a Latin
/// keyboard, so "спасибо" and "spasibo", or "안녕하세요" and "annyeonghaseyo", reach the classifier as the same
/// character n-grams and what it learnt from one script carries to the other.
/// </summary>
public static class Transliteration
{
    private static readonly Dictionary<char, string> Cyrillic = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "yo", ['ж'] = "zh",
        ['з'] = "z", ['и'] = "i", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o",
        ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts",
        ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = "", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "yu",
        ['я'] = "ya",
        // Kazakh letters beyond the Russian alphabet.
        ['ә'] = "a", ['ғ'] = "gh", ['қ'] = "q", ['ң'] = "ng", ['ө'] = "o", ['ұ'] = "u", ['ү'] = "u", ['һ'] = "h", ['і'] = "i",
    };

    // Revised Romanization of the jamo of a precomposed Hangul syllable: initial, medial and final consonant.
    private static readonly string[] Initials =
        ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"];

    private static readonly string[] Medials =
        ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"];

    private static readonly string[] Finals =
        ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"];

    private const char FirstSyllable = '\uAC00';
    private const char LastSyllable = '\uD7A3';

    /// <summary>Appends the Latin spelling of one lower-case letter, or the letter itself when it is neither Cyrillic nor Hangul.</summary>
    public static void Append(StringBuilder into, char c)
    {
        if (Cyrillic.TryGetValue(c, out var latin))
        {
            into.Append(latin);
        }
        else if (c is >= FirstSyllable and <= LastSyllable)
        {
            var index = c - FirstSyllable;
            into.Append(Initials[index / 588]).Append(Medials[index % 588 / 28]).Append(Finals[index % 28]);
        }
        else
        {
            into.Append(c);
        }
    }
}
