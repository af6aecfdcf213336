using System.Text;
using System.Text.Json;
using ChatBot.Core;
using ChatBot.Core.Evaluation;
using ChatBot.Core.Knowledge;

namespace ChatBot.Benchmarks;

/// <summary>
/// The question mix of the HTTP benchmark (bench/http/mix.lua reads the file) and of the in-process benchmarks,
/// deterministic for a seed. The bases are the dev questions of tests/data/questions.yaml that are not held out
/// (out-of-scope ones, greetings and thanks included, as real traffic has them) and the facts' question forms. Each
/// variant is a base typed one of the ways people type: lower case, capitalised, all capitals, punctuation dropped or
/// added, one or two typos (letters swapped, dropped, doubled, a neighbouring key), a lead-in ("hi, ", "quick q: "),
/// a tail (" pls", " thanks"). Variants are drawn until <c>count</c> distinct texts exist (compared exactly, as the
/// bot sees them), then shuffled. The follow-ups ("and in 2019?", "why?") are asked after a question, in its conversation.
/// </summary>
internal static class QuestionMix
{
    public const int DefaultCount = 24_000;
    public const int DefaultSeed = 20261204;

    private static readonly string[] LeadIns =
        ["hi, ", "hi ", "hello, ", "hey bot, ", "quick q: ", "quick question: ", "so ", "ok, ", "um ", "can you tell me ",
         "i'd like to know ", "question: ", "pls tell me ", "Hi! ", "yo "];

    private static readonly string[] Tails = ["?", "?!", "??", "...", " ?", "!", " pls", " please", " thanks", "? thx", " :)"];

    private static readonly Dictionary<char, char> Neighbours = new()
    {
        ['a'] = 's', ['s'] = 'd', ['e'] = 'r', ['r'] = 't', ['i'] = 'o', ['o'] = 'p', ['n'] = 'm', ['m'] = 'n', ['t'] = 'y',
        ['l'] = 'k', ['u'] = 'i', ['c'] = 'v', ['d'] = 'f', ['h'] = 'j', ['g'] = 'h', ['k'] = 'l', ['y'] = 'u', ['p'] = 'o',
        ['b'] = 'n', ['w'] = 'e',
    };

    private static readonly string[] FollowUpBases =
        ["and in 2010?", "and in 2019?", "and a year later?", "why?", "when was that?", "who signed it?", "and for the other country?",
         "tell me more", "what about korea?", "and kazakhstan?", "who said that?", "how much was it?", "and before that?", "where?",
         "and the other way round?", "what's the source?"];

    /// <summary>The distinct questions, shuffled, and the follow-ups.</summary>
    public static (List<string> Questions, List<string> FollowUps) Generate(ChatBotPaths paths, int count = DefaultCount, int seed = DefaultSeed)
    {
        var rng = new Random(seed);
        var dev = DevQuestionSet.Load(Path.Combine(paths.Root, "tests", "data", "questions.yaml")).Where(q => !q.Holdout).Select(q => q.Q);
        var forms = FactStore.Load(paths.Facts).Facts.SelectMany(f => f.Questions);
        var bases = dev.Concat(forms).Distinct(StringComparer.Ordinal).ToList();
        var seen = new HashSet<string>(bases, StringComparer.Ordinal); // each base is in the mix once, as written
        var questions = new List<string>(bases);
        while (questions.Count < count)
        {
            var text = Variant(bases[rng.Next(bases.Count)], rng);
            if (seen.Add(text))
            {
                questions.Add(text);
            }
        }
        questions = questions.Take(count).ToList();
        rng.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(questions));
        var followUps = FollowUpBases.Concat(FollowUpBases.SelectMany(f => Enumerable.Range(0, 3).Select(_ => Variant(f, rng))))
            .Distinct(StringComparer.Ordinal).ToList();
        return (questions, followUps);
    }

    /// <summary>Writes the mix as bench/http/mix.lua reads it: one JSON-escaped text a line, "#followups" before the follow-ups.</summary>
    public static void Write(string file, (List<string> Questions, List<string> FollowUps) mix)
    {
        var text = new StringBuilder();
        foreach (var line in mix.Questions)
        {
            text.Append(Escaped(line)).Append('\n');
        }
        text.Append("#followups\n");
        foreach (var line in mix.FollowUps)
        {
            text.Append(Escaped(line)).Append('\n');
        }
        File.WriteAllText(file, text.ToString(), new UTF8Encoding(false));
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    public static string Unescaped(string line) => JsonSerializer.Deserialize<string>($"\"{line}\"")!;

    private static string Escaped(string text) =>
        JsonSerializer.Serialize(text, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })[1..^1];

    private static string Variant(string question, Random rng)
    {
        var text = question.Trim().TrimEnd('?', '.', '!', ' ');
        switch (rng.Next(6))
        {
            case 0:
                text = text.ToLowerInvariant();
                break;
            case 1:
                text = text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
                break;
            case 2 when text.Length < 60:
                text = text.ToUpperInvariant();
                break;
            case 3:
                text = new string([.. text.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || char.IsWhiteSpace(c))]);
                break;
        }
        var typos = (int[])[0, 0, 1, 1, 2];
        for (var i = typos[rng.Next(typos.Length)]; i > 0; i--)
        {
            text = Typo(text, rng);
        }
        if (rng.NextDouble() < 0.45)
        {
            var lead = LeadIns[rng.Next(LeadIns.Length)];
            var shouting = text.Length >= 2 && text[..2] == text[..2].ToUpperInvariant() && text[..2].Any(char.IsLetter);
            text = lead + (shouting || text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..]);
        }
        if (rng.NextDouble() < 0.6)
        {
            text += Tails[rng.Next(Tails.Length)];
        }
        return text;
    }

    private static string Typo(string text, Random rng)
    {
        var words = text.Split(' ');
        var candidates = words.Select((w, i) => (w, i)).Where(x => x.w.Length >= 4 && x.w.All(char.IsLetter)).Select(x => x.i).ToList();
        if (candidates.Count == 0)
        {
            return text;
        }
        var at = candidates[rng.Next(candidates.Count)];
        var w = words[at];
        var k = rng.Next(1, w.Length - 1);
        words[at] = rng.Next(4) switch
        {
            0 => w[..k] + w[k + 1] + w[k] + w[(k + 2)..], // swapped
            1 => w[..k] + w[(k + 1)..], // dropped
            2 => w[..k] + w[k] + w[k..], // doubled
            _ => w[..k] + (Neighbours.TryGetValue(char.ToLowerInvariant(w[k]), out var n) ? n : w[k]) + w[(k + 1)..], // a neighbouring key
        };
        return string.Join(' ', words);
    }
}
