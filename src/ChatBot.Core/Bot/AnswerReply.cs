using System.Text;
using System.Text.Json;
using ChatBot.Core.Dialogs;
using ChatBot.Core.Protocol;

namespace ChatBot.Core.Bot;

/// <summary>
/// Turns a <see cref="BotAnswer"/> into the reply activity in the shape its channel documents: Teams gets only the
/// <c>[n]</c> markers and draws the references from the citation entity; Web Chat gets the markers and hidden
/// reference definitions; the Emulator, CLIs and other channels also get a plain "Source: file, lines" line.
/// </summary>
public static class AnswerReply
{
    public const string Teams = "msteams";

    /// <summary>
    /// The reply to <paramref name="incoming"/>. An <paramref name="answerId"/> makes it the reply's id and invites
    /// feedback on it (Teams' feedback loop, Web Chat's thumbs); without one the reply asks for none.
    /// </summary>
    public static Activity Create(Activity incoming, BotAnswer answer, string? answerId = null)
    {
        var reply = incoming.ChannelId switch
        {
            Teams => TeamsReply.Create(incoming, answer, answerId is not null),
            "directline" or "webchat" => WebChat(incoming, answer, answerId),
            _ => incoming.CreateReply(Render(answer)),
        };
        reply.TextFormat = "markdown";
        if (answerId is not null)
        {
            reply.Id = answerId;
        }
        if (reply.Entities is null && answer.Citations.Count > 0)
        {
            reply.Entities = [new CitationGraph { Citation = WebChatClaims(answer) }.ToEntity()];
        }
        if (answer.Suggestions.Count > 0)
        {
            reply.SuggestedActions = new SuggestedActions { Actions = answer.Suggestions.Select(CardAction.ImBack).ToList() };
        }
        return reply;
    }

    /// <summary>Answers and refusals invite feedback; greetings, small talk and "I lost the thread" do not.</summary>
    public static bool InvitesFeedback(BotAnswer answer) => answer.Kind is not (AnswerKind.SmallTalk or AnswerKind.LostThread);

    /// <summary>The reply text for the Emulator and other channels: answer, markers, "Source:" line, hidden reference definitions.</summary>
    public static string Render(BotAnswer answer)
    {
        if (answer.Citations.Count == 0)
        {
            return answer.Text;
        }
        var text = new StringBuilder(WithMarkers(answer), answer.Text.Length + 200);
        text.Append("\n\n");
        text.Append(answer.Citations.Count == 1 ? "Source: " : "Sources: ");
        text.AppendJoin("; ", answer.Citations.Select(c => c.Label).Distinct());
        return AppendDefinitions(text, answer);
    }

    /// <summary>The reply text for Web Chat: answer and markers, and the definitions Web Chat draws its citation list from.</summary>
    public static string RenderForWebChat(BotAnswer answer) =>
        answer.Citations.Count == 0 ? answer.Text : AppendDefinitions(new StringBuilder(WithMarkers(answer)), answer);

    /// <summary>The plain-text form for a terminal: the answer, then each source with its quote.</summary>
    public static string RenderPlain(BotAnswer answer)
    {
        var text = new StringBuilder(answer.Text);
        foreach (var citation in answer.Citations)
        {
            text.Append("\nSource: ").Append(citation.Label).Append("\n  \"").Append(citation.Quote).Append('"');
        }
        foreach (var suggestion in answer.Suggestions)
        {
            text.Append("\n  > ").Append(suggestion);
        }
        return text.ToString();
    }

    /// <summary>The answer text with its <c>[n]</c> markers; a handler that placed none gets them after the whole answer.</summary>
    internal static string WithMarkers(BotAnswer answer)
    {
        if (answer.Citations.Count == 0 || answer.Text.Contains("[1]", StringComparison.Ordinal))
        {
            return answer.Text;
        }
        var text = new StringBuilder(answer.Text);
        for (var i = 0; i < answer.Citations.Count; i++)
        {
            text.Append('[').Append(i + 1).Append(']');
        }
        return text.ToString();
    }

    private static string AppendDefinitions(StringBuilder text, BotAnswer answer)
    {
        text.Append("\n\n");
        for (var i = 0; i < answer.Citations.Count; i++)
        {
            text.Append('[').Append(i + 1).Append("]: cite:").Append(i + 1).Append(" \"").Append(answer.Citations[i].Label).Append("\"\n");
        }
        return text.ToString().TrimEnd();
    }

    private static Activity WebChat(Activity incoming, BotAnswer answer, string? answerId)
    {
        var reply = incoming.CreateReply(RenderForWebChat(answer));
        if (answer.Citations.Count > 0 || answerId is not null)
        {
            var graph = new CitationGraph
            {
                Citation = answer.Citations.Count > 0 ? WebChatClaims(answer) : null,
                PotentialAction = answerId is null ? null :
                [
                    new FeedbackAction { SchemaType = FeedbackAction.Like, Identifier = answerId },
                    new FeedbackAction { SchemaType = FeedbackAction.Dislike, Identifier = answerId },
                ],
            };
            reply.Entities = [graph.ToEntity()];
        }
        return reply;
    }

    /// <summary>Web Chat's claims: the label as name, the whole quote as abstract and as plain text for its citation dialog.</summary>
    private static List<Claim> WebChatClaims(BotAnswer answer) =>
        [.. answer.Citations.Select((citation, i) => new Claim
        {
            Id = $"_:c{i + 1}",
            Position = i + 1,
            Name = citation.Label,
            Appearance = new DigitalDocument { Name = citation.Label, Abstract = citation.Quote, Text = citation.Quote, EncodingFormat = "text/plain" },
        })];

    internal static JsonElement FeedbackLoopChannelData { get; } =
        JsonDocument.Parse("""{"feedbackLoop":{"type":"default"}}""").RootElement.Clone();
}
