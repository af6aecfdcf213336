using System.Text;
using ChatBot.Core.Dialogs;
using ChatBot.Core.Protocol;

namespace ChatBot.Core.Bot;

/// <summary>Turns a <see cref="BotAnswer"/> into the reply activity every channel shows the same way.</summary>
public static class AnswerReply
{
    /// <summary>
    /// Markdown text with <c>[n]</c> markers, the sources in plain text (for the Emulator and CLIs), link reference
    /// definitions (hidden by markdown renderers, read by Web Chat), the schema.org citation entity and follow-ups.
    /// </summary>
    public static Activity Create(Activity incoming, BotAnswer answer)
    {
        var reply = incoming.CreateReply(Render(answer));
        reply.TextFormat = "markdown";
        if (answer.Citations.Count > 0)
        {
            var graph = new CitationGraph();
            for (var i = 0; i < answer.Citations.Count; i++)
            {
                var citation = answer.Citations[i];
                graph.Citation.Add(new Claim
                {
                    Id = $"_:c{i + 1}",
                    Position = i + 1,
                    Name = citation.Label,
                    Appearance = new DigitalDocument { Name = citation.Label, Abstract = citation.Quote, Text = citation.Quote },
                });
            }
            reply.Entities = [graph.ToEntity()];
        }
        if (answer.Suggestions.Count > 0)
        {
            reply.SuggestedActions = new SuggestedActions { Actions = answer.Suggestions.Select(CardAction.ImBack).ToList() };
        }
        return reply;
    }

    /// <summary>The reply text: answer, markers, "Source:" lines, and hidden reference definitions.</summary>
    public static string Render(BotAnswer answer)
    {
        if (answer.Citations.Count == 0)
        {
            return answer.Text;
        }
        var text = new StringBuilder(answer.Text.Length + 200);
        text.Append(answer.Text);
        if (!answer.Text.Contains("[1]", StringComparison.Ordinal))
        {
            // A handler that did not place its markers gets them after the whole answer.
            for (var i = 0; i < answer.Citations.Count; i++)
            {
                text.Append('[').Append(i + 1).Append(']');
            }
        }
        text.Append("\n\n");
        text.Append(answer.Citations.Count == 1 ? "Source: " : "Sources: ");
        text.AppendJoin("; ", answer.Citations.Select(c => c.Label).Distinct());
        text.Append("\n\n");
        for (var i = 0; i < answer.Citations.Count; i++)
        {
            text.Append('[').Append(i + 1).Append("]: cite:").Append(i + 1).Append(" \"").Append(answer.Citations[i].Label).Append("\"\n");
        }
        return text.ToString().TrimEnd();
    }

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
}
