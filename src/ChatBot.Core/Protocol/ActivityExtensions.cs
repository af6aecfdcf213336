using System.Text.Json;
using System.Text.RegularExpressions;

namespace ChatBot.Core.Protocol;

/// <summary>Reply and mention helpers with the SDK's names.</summary>
public static partial class ActivityExtensions
{
    /// <summary>A message reply: from/recipient swapped, same conversation, channel and service URL, fresh id and UTC time.</summary>
    public static Activity CreateReply(this Activity incoming, string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        Timestamp = DateTimeOffset.UtcNow,
        From = incoming.Recipient is null ? null : new ChannelAccount { Id = incoming.Recipient.Id, Name = incoming.Recipient.Name, Role = RoleTypes.Bot },
        Recipient = incoming.From is null ? null : new ChannelAccount { Id = incoming.From.Id, Name = incoming.From.Name, Role = incoming.From.Role },
        Conversation = incoming.Conversation,
        ChannelId = incoming.ChannelId,
        ServiceUrl = incoming.ServiceUrl,
        Locale = incoming.Locale,
        ReplyToId = incoming.Id,
        Text = text,
        InputHint = InputHints.AcceptingInput,
    };

    /// <summary>Removes the bot's own @mention (Teams sends <c>&lt;at&gt;Bot&lt;/at&gt;</c> in the text) and returns the cleaned text.</summary>
    public static string RemoveRecipientMention(this Activity activity)
    {
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;
        if (activity.Entities is { } entities && botId is not null)
        {
            foreach (var entity in entities)
            {
                if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase) || entity.Properties is null)
                {
                    continue;
                }
                var mention = ReadMention(entity);
                if (mention?.Mentioned?.Id == botId && !string.IsNullOrEmpty(mention.Text))
                {
                    text = text.Replace(mention.Text, string.Empty, StringComparison.OrdinalIgnoreCase);
                }
            }
        }
        // A mention without an entity (some clients) still arrives as <at>...</at>: it never carries a question.
        text = AtTag().Replace(text, string.Empty);
        activity.Text = text.Trim();
        return activity.Text;
    }

    private static MentionTarget? ReadMention(Entity entity)
    {
        try
        {
            var element = JsonSerializer.SerializeToElement(entity.Properties!, ProtocolJson.Default.DictionaryStringJsonElement);
            return element.Deserialize(ProtocolJson.Default.MentionTarget);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex("<at>[^<]{0,200}</at>", RegexOptions.IgnoreCase)]
    private static partial Regex AtTag();
}

/// <summary>The fields of a <c>mention</c> entity the bot reads.</summary>
public sealed class MentionTarget
{
    public ChannelAccount? Mentioned { get; set; }
    public string? Text { get; set; }
}
