using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatBot.Core.Dialogs;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Protocol;

namespace ChatBot.Core.Bot;

/// <summary>
/// The reply shaped to Teams' rules for cited bot messages ("Bot messages with AI-generated content"): the text
/// carries only the <c>[n]</c> markers, one root Message entity holds at most 20 claims whose appearance has a name
/// of at most 80 characters, an abstract of at most 160, at most 3 keywords of at most 28, and the whole quote as a
/// stringified Adaptive Card; answers and refusals switch on Teams' default feedback form.
/// </summary>
public static partial class TeamsReply
{
    public const int MaxClaims = 20;
    public const int MaxName = 80;
    public const int MaxAbstract = 160;
    public const int MaxKeywords = 3;
    public const int MaxKeywordLength = 28;

    public static Activity Create(Activity incoming, BotAnswer answer, bool invitesFeedback)
    {
        var (text, claims) = Shape(answer);
        var reply = incoming.CreateReply(text);
        if (claims.Count > 0)
        {
            reply.Entities = [new CitationGraph { Citation = claims }.ToEntity()];
        }
        if (invitesFeedback)
        {
            reply.ChannelData = AnswerReply.FeedbackLoopChannelData;
        }
        return reply;
    }

    /// <summary>
    /// The text and its claims. Citations of the same file and lines share one number (a timeline cites a fact once
    /// per date); numbers past Teams' 20 lose their marker rather than the message being refused.
    /// </summary>
    public static (string Text, List<Claim> Claims) Shape(BotAnswer answer)
    {
        var text = AnswerReply.WithMarkers(answer);
        if (answer.Citations.Count == 0)
        {
            return (text, []);
        }
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var renumbered = new int[answer.Citations.Count + 1];
        var claims = new List<Claim>();
        for (var i = 0; i < answer.Citations.Count; i++)
        {
            var citation = answer.Citations[i];
            if (!positions.TryGetValue(citation.Label, out var position))
            {
                position = positions.Count + 1;
                positions[citation.Label] = position;
                if (position <= MaxClaims)
                {
                    claims.Add(ToClaim(citation, position));
                }
            }
            renumbered[i + 1] = position <= MaxClaims ? position : 0;
        }
        var shaped = Marker().Replace(text, m =>
        {
            var n = int.Parse(m.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            return n < renumbered.Length ? renumbered[n] > 0 ? $"[{renumbered[n]}]" : "" : m.Value;
        });
        return (Repeated().Replace(shaped, "$1"), claims);
    }

    private static Claim ToClaim(Citation citation, int position) => new()
    {
        Position = position,
        Appearance = new DigitalDocument
        {
            Name = Shorten(citation.Label, MaxName),
            Abstract = Shorten(citation.Quote, MaxAbstract),
            Keywords = [Shorten(citation.Lines, MaxKeywordLength), Shorten(citation.Source, MaxKeywordLength)],
            Text = QuoteCard(citation),
            EncodingFormat = DigitalDocument.AdaptiveCardFormat,
        },
    };

    /// <summary>The citation's dialog: the source and lines, then the whole quote, as a stringified Adaptive Card.</summary>
    public static string QuoteCard(Citation citation) => new JsonObject
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.5",
        ["body"] = new JsonArray(
            new JsonObject { ["type"] = "TextBlock", ["text"] = citation.Label, ["weight"] = "Bolder", ["wrap"] = true },
            new JsonObject { ["type"] = "TextBlock", ["text"] = citation.Quote, ["wrap"] = true }),
    }.ToJsonString();

    /// <summary>At most <paramref name="max"/> characters, cut at a word where one is near and marked with "…".</summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', max - 1);
        var end = cut > max / 2 ? cut : max - 1;
        return text[..end].TrimEnd(' ', ',', ';', ':') + "…";
    }

    [GeneratedRegex(@"\[(\d{1,3})\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"(\[\d{1,3}\])\1+")]
    private static partial Regex Repeated();
}
