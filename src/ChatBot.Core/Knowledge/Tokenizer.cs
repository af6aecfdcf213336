using System.Globalization;
using System.Text;

namespace ChatBot.Core.Knowledge;

/// <summary>
/// Splits text into lower-case word and number tokens that compare across the ways the seeds and users write them:
/// "$4.2bn", "4.2 billion US dollars" and "US$4.2 billion" all give "usd 4.2 billion"; "100,000" gives "100000";
/// "10th" gives "10"; "three" gives "3"; "Korea's" gives "korea". Stop words stay (alias phrases need them). The word
/// forms, synonyms, phrases and number suffixes come from <see cref="WordLists"/> (<c>models/lexicon.yaml</c>).
/// </summary>
public sealed class Tokenizer(WordLists words)
{
    public List<string> Tokenize(string text)
    {
        var tokens = new List<string>(16);
        Tokenize(text, tokens);
        return tokens;
    }

    public void Tokenize(string text, List<string> tokens)
    {
        var word = new StringBuilder(16);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsDigit(c))
            {
                i = ReadNumber(text, i, word, tokens);
            }
            else if (char.IsLetter(c))
            {
                word.Clear();
                // Digits inside a word that started with letters stay part of it: "g20", "covid19".
                while (i < text.Length && (char.IsLetter(text[i]) || char.IsDigit(text[i])))
                {
                    word.Append(char.ToLowerInvariant(text[i]));
                    i++;
                }
                // "Korea's", "Korea’s": the possessive adds nothing.
                if (i + 1 < text.Length && text[i] is '\'' or '’' && char.ToLowerInvariant(text[i + 1]) == 's' && (i + 2 == text.Length || !char.IsLetter(text[i + 2])))
                {
                    i += 2;
                }
                AddWord(word.ToString(), tokens);
            }
            else
            {
                if (c == '$')
                {
                    AddWord("usd", tokens);
                }
                else if (c == '%')
                {
                    tokens.Add("percent");
                }
                i++;
            }
        }
    }

    private void AddWord(string word, List<string> tokens)
    {
        if (tokens.Count > 0 && words.Phrase(tokens[^1], word) is { } phrase)
        {
            tokens[^1] = phrase;
            return;
        }
        var form = words.Canonical(word);
        if (form == "usd" && tokens.Count > 0 && tokens[^1] == "us")
        {
            tokens[^1] = form; // "US$", "US dollars"
            return;
        }
        tokens.Add(form);
    }

    private int ReadNumber(string text, int i, StringBuilder number, List<string> tokens)
    {
        number.Clear();
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsDigit(c))
            {
                number.Append(c);
                i++;
            }
            else if (c == ',' && HasThreeDigits(text, i + 1))
            {
                i++; // thousands separator: 100,000 → 100000
            }
            else if (c == '.' && i + 1 < text.Length && char.IsDigit(text[i + 1]) && !number.ToString().Contains('.', StringComparison.Ordinal))
            {
                number.Append('.');
                i++;
            }
            else
            {
                break;
            }
        }
        tokens.Add(Canonical(number.ToString()));
        // Letters glued to the number: a scale ("4.2bn", "$591m") or an ordinal ("10th") — never a word of its own.
        var start = i;
        while (i < text.Length && char.IsLetter(text[i]))
        {
            i++;
        }
        if (i > start)
        {
            var suffix = text[start..i].ToLowerInvariant();
            if (words.NumberSuffix(suffix) is { } scale)
            {
                if (scale.Length > 0)
                {
                    tokens.Add(scale);
                }
            }
            else
            {
                AddWord(suffix, tokens);
            }
        }
        return i;
    }

    private static bool HasThreeDigits(string text, int at) =>
        at + 3 <= text.Length && char.IsDigit(text[at]) && char.IsDigit(text[at + 1]) && char.IsDigit(text[at + 2])
        && (at + 3 == text.Length || !char.IsDigit(text[at + 3]));

    /// <summary>"4.20" and "4.2" are the same figure; "007" is "7".</summary>
    private static string Canonical(string number)
    {
        if (number.Contains('.', StringComparison.Ordinal))
        {
            return decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                ? value.ToString("0.############", CultureInfo.InvariantCulture)
                : number;
        }
        var trimmed = number.TrimStart('0');
        return trimmed.Length == 0 ? "0" : trimmed;
    }
}
