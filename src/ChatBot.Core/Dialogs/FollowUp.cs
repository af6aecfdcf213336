using System.Text.RegularExpressions;

namespace ChatBot.Core.Dialogs;

/// <summary>The kinds of message that only make sense after the previous answer.</summary>
public enum FollowUpKind
{
    /// <summary>"and in 2019?", "what about Kia?": the last question again with a new year or name.</summary>
    Reask,

    /// <summary>"who is he?", "tell me about her": the person the last answer named.</summary>
    WhoIsThatPerson,

    /// <summary>"tell me more", "anything else?": the next fact of the same topic not shown yet.</summary>
    More,

    /// <summary>
    /// "where is that from?", "source?", "whose numbers are those?", "according to whom?": the full quote and source
    /// of the last answer, which says who gave it.
    /// </summary>
    WhereFrom,

    /// <summary>"and the other way round?", "and the reverse": the last question with the two countries swapped.</summary>
    OtherWayRound,

    /// <summary>"and a year later?", "the year before?": the last question again, its year moved by <see cref="FollowUp.Years"/>.</summary>
    YearShift,

    /// <summary>"why?", "when was that?", "how come?": the same subject as the last question, asked with another question word.</summary>
    AskAgainWith,

    /// <summary>"going back to what I asked first: …", "back to the trade thing, and in 2019?": a follow-up of an earlier turn.</summary>
    BackTo,
}

/// <summary>
/// A recognised follow-up: for <see cref="FollowUpKind.Reask"/> and <see cref="FollowUpKind.BackTo"/> what the user
/// added ("2019", "Kia"; the follow-up after "back to …"), for <see cref="FollowUpKind.AskAgainWith"/> the question
/// word, for <see cref="FollowUpKind.BackTo"/> the words naming the earlier turn (<see cref="Hint"/>).
/// </summary>
public sealed record FollowUp(FollowUpKind Kind, string Addition = "")
{
    /// <summary>How many years a <see cref="FollowUpKind.YearShift"/> moves: +1 "a year later", -2 "two years before".</summary>
    public int Years { get; init; }

    /// <summary>What a <see cref="FollowUpKind.BackTo"/> calls the earlier turn: "what I asked first", "the trade thing".</summary>
    public string Hint { get; init; } = "";
}

/// <summary>
/// Recognises follow-up messages by their form — short, leaning on a pronoun or on "and …" — the way a rules file
/// sits next to a classifier: the classifier cannot know what "he" is, the conversation state can.
/// </summary>
public static partial class FollowUpDetector
{
    /// <summary>Longer messages are questions of their own even when they start with "and".</summary>
    private const int MaxWords = 8;

    /// <summary>
    /// A question that leans on the one before reads as short: one word fewer than a follow-up form, since it must
    /// also hold a question of its own ("what did he sign there").
    /// </summary>
    private const int MaxLeaningWords = MaxWords - 1;

    /// <summary>"and in 2022?", "what about kia?", "when did he die": a question that leans on the one before.</summary>
    public static bool LeansOnLast(string question) =>
        question.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxLeaningWords && LeaningCue().IsMatch(question);

    public static FollowUp? Detect(string text)
    {
        var trimmed = text.Trim();
        if (BackTo().Match(trimmed) is { Success: true } back)
        {
            // Longer than a follow-up may be: it carries one of its own after the words naming the earlier turn.
            return new FollowUp(FollowUpKind.BackTo, back.Groups["rest"].Value.Trim()) { Hint = back.Groups["hint"].Value.Trim() };
        }
        if (trimmed.Length == 0 || trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxWords)
        {
            return null;
        }
        if (WhereFrom().IsMatch(trimmed))
        {
            return new FollowUp(FollowUpKind.WhereFrom);
        }
        if (More().IsMatch(trimmed))
        {
            return new FollowUp(FollowUpKind.More);
        }
        if (WhoIsPerson().IsMatch(trimmed))
        {
            return new FollowUp(FollowUpKind.WhoIsThatPerson);
        }
        if (OtherWayRound().IsMatch(trimmed))
        {
            return new FollowUp(FollowUpKind.OtherWayRound);
        }
        if (YearShift().Match(trimmed) is { Success: true } shift)
        {
            var count = shift.Groups["count"].Value.ToLowerInvariant() switch
            {
                "" or "a" or "one" => 1,
                "two" => 2,
                "three" => 3,
                "four" => 4,
                "five" => 5,
                var digits => int.TryParse(digits, out var n) && n is > 0 and < 50 ? n : 0,
            };
            var earlier = shift.Groups["direction"].Value.ToLowerInvariant() is "before" or "earlier" or "prior" or "previous" or "ago";
            return count == 0 ? null : new FollowUp(FollowUpKind.YearShift) { Years = earlier ? -count : count };
        }
        if (AskAgainWith().Match(trimmed) is { Success: true } asked)
        {
            return new FollowUp(FollowUpKind.AskAgainWith, Regex.Replace(asked.Groups["word"].Value.ToLowerInvariant(), @"\s+", " "));
        }
        if (Reask().Match(trimmed) is { Success: true } reask)
        {
            return new FollowUp(FollowUpKind.Reask, reask.Groups["rest"].Value.Trim().TrimEnd('?', '.', '!').Trim());
        }
        if (LeansOnLast(trimmed) && Year().Match(trimmed) is { Success: true } year)
        {
            // "what was it back in 2008", "how much was that in 2019": the last question again, for another year.
            return new FollowUp(FollowUpKind.Reask, "in " + year.Value);
        }
        return null;
    }

    /// <summary>A year of the documents' era: 1900–2099.</summary>
    [GeneratedRegex(@"\b(19|20)\d{2}\b")]
    internal static partial Regex Year();

    [GeneratedRegex(@"^(and\s+|but\s+|what\s+about\s+|how\s+about\s+)?(the\s+|it\s+)?(reverse|other\s+way\s+(round|around)|vice\s+versa|other\s+direction|(for\s+)?the\s+other\s+(country|side))\s*[?.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex OtherWayRound();

    [GeneratedRegex(@"^(so\s+|and\s+|btw,?\s+)?(where\s+(is|was|does|did)\s+(that|this|it)\s+(from|come from|comes? from|written|said|stated)|(who|which\s+\w+)\s+(gave|said|says|reported|published|released|provided|counted|estimated)\s+(that|this|those|these|it)(\s+(figure|figures|number|numbers|data|statistics?|estimate))?|whose\s+(figure|figures|number|numbers|data|statistics?|estimate|words)\s+(are|is|were|was)\s+(those|these|that|this|they|it)|according\s+to\s+(whom|who|what|which\s+source)|says\s+who|who\s+says\s+(so|that)|where\s+did\s+you\s+(get|find|read)\s+(that|this|it)|(what'?s|what\s+is)\s+(the|your)\s+source(\s+of\s+(that|this))?|(which|what)\s+(source|document|file)\s+(is\s+)?(that|this)(\s+from)?|source\s+for\s+(that|this)|(can\s+you\s+)?(quote|cite)\s+(it|that|this|the source)|show\s+(me\s+)?the\s+(quote|source)|source\??|citation\??|quote\??|proof\??)\s*[?.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex WhereFrom();

    [GeneratedRegex(@"^(ok(ay)?,?\s+|and\s+|please\s+)?(tell\s+me\s+(some\s+)?more|more(\s+please)?|(any|some)\s*thing\s+else|what\s+else(\s+do\s+you\s+know)?|go\s+on|continue|more\s+(details|info|information)|(give|show)\s+me\s+more|and\s+then|keep\s+going|next)(\s+(about\s+(that|this|it)|please))?\s*[?.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex More();

    [GeneratedRegex(@"^(and\s+|so\s+)?(who('?s|\s+is|\s+was)\s+(he|she|him|her|that|this person|that person)|tell\s+me\s+(more\s+)?about\s+(him|her)|what\s+(is|was)\s+(his|her)\s+(role|job|position|title)|what\s+does\s+(he|she)\s+do)\s*[?.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex WhoIsPerson();

    [GeneratedRegex(@"^\s*(and|what about|how about|also|so|then|but|in|by)\b|\b(he|him|his|she|her|it|its|they|them|their|there|that|this|those|these)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LeaningCue();

    [GeneratedRegex(@"^(and|what\s+about|how\s+about|and\s+what\s+about|same\s+for|and\s+for)\s+(?<rest>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Reask();

    /// <summary>"and a year later?", "two years before", "the next year", "the year before that", "in the previous year".</summary>
    [GeneratedRegex(@"^(and\s+|but\s+|what\s+about\s+|how\s+about\s+|so\s+)?(in\s+|for\s+)?(((?<count>a|one|two|three|four|five|\d{1,2})\s+)?years?\s+(?<direction>later|after|afterwards|before|earlier|prior|ago)|the\s+(?<direction>next|following|previous|prior)\s+year|the\s+year\s+(?<direction>after|before))(\s+(that|this|it))?\s*[?.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex YearShift();

    /// <summary>"why?", "how come", "when was that?", "where did that happen?": the last subject, asked another way.</summary>
    [GeneratedRegex(@"^(and\s+|but\s+|so\s+|ok(ay)?,?\s+)?(?<word>why|how\s+come|for\s+what\s+reason|when|where|how|who|how\s+much|how\s+many)(\s+(was|is|were|did|does|do)\s+(that|this|it|they)(\s+(happen|happened|take\s+place|start|come\s+about))?)?\s*[?.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex AskAgainWith();

    /// <summary>
    /// "going back to what I asked first: when …", "back to the trade thing, what about 2019": the words naming the
    /// earlier turn, then a separator (colon, comma, dash) and the follow-up; or only "back to the trade thing".
    /// </summary>
    [GeneratedRegex(@"^(ok(ay)?,?\s+|so,?\s+|and\s+|now\s+)?((going|coming|getting|turning)\s+)?back\s+to\s+(?<hint>[^,:;?!]+?)\s*(([,:;!]|\s-\s|\?\s)\s*(?<rest>.*?))?\s*[?.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex BackTo();
}
