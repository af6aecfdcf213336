using System.Text;

namespace ChatBot.Core.Knowledge;

/// <summary>
/// Cuts a seed into sentences across its hard line breaks, keeping each sentence's original line range: blank lines
/// end a sentence, and so do ".", "?" and "!" before a capital, a digit or a quote, unless they end an abbreviation.
/// </summary>
internal static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "h.e", "e.g", "i.e", "mr", "mrs", "dr", "st", "no", "pp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "u.s", "etc", "vs", "co", "inc", "jsc",
    };

    public static IReadOnlyList<SeedPassage> Split(SeedDocument document)
    {
        var passages = new List<SeedPassage>();
        var text = new StringBuilder();
        var firstLine = 0;
        for (var line = 1; line <= document.LineCount; line++)
        {
            var content = document.Line(line).Trim();
            if (content.Length == 0)
            {
                Flush(document, passages, text, firstLine, line - 1);
                continue;
            }
            var from = 0;
            for (var i = 0; i < content.Length; i++)
            {
                if (!IsSentenceEnd(content, i))
                {
                    continue;
                }
                if (text.Length == 0)
                {
                    firstLine = line;
                }
                else
                {
                    text.Append(' ');
                }
                text.Append(content, from, i + 1 - from);
                Flush(document, passages, text, firstLine, line);
                from = i + 1;
                while (from < content.Length && content[from] == ' ')
                {
                    from++;
                }
                i = from - 1;
            }
            if (from < content.Length)
            {
                if (text.Length == 0)
                {
                    firstLine = line;
                }
                else
                {
                    text.Append(' ');
                }
                text.Append(content, from, content.Length - from);
            }
        }
        Flush(document, passages, text, firstLine, document.LineCount);
        return passages;
    }

    private static void Flush(SeedDocument document, List<SeedPassage> passages, StringBuilder text, int firstLine, int lastLine)
    {
        if (text.Length == 0)
        {
            return;
        }
        var sentence = text.ToString().Trim();
        text.Clear();
        if (MatchKey.Of(sentence).Length > 0)
        {
            passages.Add(new SeedPassage(document.FileName, new LineRange(firstLine, Math.Max(firstLine, lastLine)), sentence));
        }
    }

    private static bool IsSentenceEnd(string line, int i)
    {
        var c = line[i];
        var stop = i;
        if (c is '"' or '”' && i > 0)
        {
            stop = i - 1; // a closing quote after the stop belongs to the sentence
        }
        else if (i + 1 < line.Length && line[i + 1] is '"' or '”')
        {
            return false;
        }
        if (line[stop] is not ('.' or '?' or '!'))
        {
            return false;
        }
        var next = i + 1;
        if (next >= line.Length)
        {
            return true;
        }
        if (line[next] != ' ' || next + 1 >= line.Length)
        {
            return false;
        }
        var following = line[next + 1];
        if (!(char.IsUpper(following) || char.IsDigit(following) || following is '“' or '"'))
        {
            return false;
        }
        if (line[stop] != '.')
        {
            return true;
        }
        var wordStart = stop;
        while (wordStart > 0 && line[wordStart - 1] != ' ')
        {
            wordStart--;
        }
        var word = line[wordStart..stop].TrimStart('“', '"', '(');
        return word.Length > 1 && !Abbreviations.Contains(word);
    }
}
