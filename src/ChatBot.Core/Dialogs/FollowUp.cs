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

    /// <summary>"where is that from?", "source?": the full quote and source of the last answer.</summary>
    WhereFrom,

    /// <summary>"and the other way round?", "and the reverse": the last question with the two countries swapped.</summary>
    OtherWayRound,
}

/// <summary>A recognised follow-up and, for <see cref="FollowUpKind.Reask"/>, what the user added ("2019", "Kia").</summary>
public sealed record FollowUp(FollowUpKind Kind, string Addition = "");

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

    [GeneratedRegex(@"^(so\s+)?(where\s+(is|was|does|did)\s+(that|this|it)\s+(from|come from|comes? from|written|said|stated)|where\s+did\s+you\s+(get|find|read)\s+(that|this|it)|(what'?s|what\s+is)\s+(the|your)\s+source(\s+of\s+(that|this))?|(which|what)\s+(source|document|file)\s+(is\s+)?(that|this)(\s+from)?|source\s+for\s+(that|this)|(can\s+you\s+)?(quote|cite)\s+(it|that|this|the source)|show\s+(me\s+)?the\s+(quote|source)|source\??|citation\??|quote\??|proof\??)\s*[?.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex WhereFrom();

    [GeneratedRegex(@"^(ok(ay)?,?\s+|and\s+|please\s+)?(tell\s+me\s+(some\s+)?more|more(\s+please)?|(any|some)\s*thing\s+else|what\s+else(\s+do\s+you\s+know)?|go\s+on|continue|more\s+(details|info|information)|(give|show)\s+me\s+more|and\s+then|keep\s+going|next)(\s+(about\s+(that|this|it)|please))?\s*[?.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex More();

    [GeneratedRegex(@"^(and\s+|so\s+)?(who('?s|\s+is|\s+was)\s+(he|she|him|her|that|this person|that person)|tell\s+me\s+(more\s+)?about\s+(him|her)|what\s+(is|was)\s+(his|her)\s+(role|job|position|title)|what\s+does\s+(he|she)\s+do)\s*[?.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex WhoIsPerson();

    [GeneratedRegex(@"^\s*(and|what about|how about|also|so|then|but|in|by)\b|\b(he|him|his|she|her|it|its|they|them|their|there|that|this|those|these)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LeaningCue();

    [GeneratedRegex(@"^(and|what\s+about|how\s+about|and\s+what\s+about|same\s+for|and\s+for)\s+(?<rest>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Reask();
}
