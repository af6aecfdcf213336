using System.Text.Json;
using ChatBot.Core.Bot;
using ChatBot.Core.Protocol;
using ChatBot.Web.Messages;
using Microsoft.Extensions.Options;

namespace ChatBot.Web.DirectLine;

/// <summary>
/// The Direct Line channel inside the host: it starts conversations (the bot welcomes the user), stores what the
/// user posts in the conversation's activity list, runs the turn through the same adapter and bot as
/// <c>/api/messages</c>, and appends the bot's replies to the same list for the client to poll.
/// </summary>
public sealed class DirectLineChannel(BotFrameworkHttpAdapter adapter, IDirectLineStore store, IOptions<DirectLineOptions> options, TimeProvider clock)
{
    public const string ChannelId = "directline";

    /// <summary>The activity types a client may post; the channel, not the client, speaks for conversationUpdate and invoke.</summary>
    public static readonly IReadOnlySet<string> ClientActivityTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        ActivityTypes.Message, ActivityTypes.Typing, ActivityTypes.Event,
    };

    private const int MaxUserNameLength = 100;

    private ChannelAccount Bot => new() { Id = options.Value.BotId, Name = options.Value.BotName, Role = RoleTypes.Bot };

    /// <summary>A new conversation id and user id, for a token that starts a conversation.</summary>
    public static (string ConversationId, string UserId) NewIdentity() =>
        (System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)),
         "dl_" + System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)));

    /// <summary>Creates the caller's conversation if it does not exist yet and lets the bot welcome the user; false if it existed.</summary>
    public async Task<bool> StartAsync(DirectLineCaller caller, CancellationToken cancellationToken)
    {
        var created = await store.CreateAsync(new DirectLineConversation(caller.ConversationId, caller.UserId, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        if (created)
        {
            var user = new ChannelAccount { Id = caller.UserId, Role = RoleTypes.User };
            var update = new Activity
            {
                Type = ActivityTypes.ConversationUpdate,
                Id = Guid.NewGuid().ToString("N"),
                Timestamp = clock.GetUtcNow(),
                ChannelId = ChannelId,
                Conversation = new ConversationAccount { Id = caller.ConversationId },
                From = user,
                Recipient = Bot,
                MembersAdded = [Bot, user],
            };
            await adapter.RunTurnAsync(update, Sender(caller.ConversationId), cancellationToken).ConfigureAwait(false);
        }
        return created;
    }

    /// <summary>
    /// Stores the user's activity (as the bound user, whatever it claimed) and runs the bot on it; the replies are in
    /// the activity list when this returns. Null when the conversation is unknown or expired.
    /// </summary>
    public async Task<string?> PostAsync(DirectLineCaller caller, Activity posted, CancellationToken cancellationToken)
    {
        posted.From = new ChannelAccount { Id = caller.UserId, Name = ShortName(posted.From?.Name), Role = RoleTypes.User };
        posted.Recipient = Bot;
        posted.Conversation = new ConversationAccount { Id = caller.ConversationId };
        posted.ChannelId = ChannelId;
        posted.Timestamp = clock.GetUtcNow();
        posted.ServiceUrl = null;
        posted.ReplyToId = null;
        posted.DeliveryMode = null;
        posted.MembersAdded = null;
        posted.MembersRemoved = null;
        if (await AppendAsync(caller.ConversationId, posted, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }
        await adapter.RunTurnAsync(posted, Sender(caller.ConversationId), cancellationToken).ConfigureAwait(false);
        return posted.Id;
    }

    private ActivitySender Sender(string conversationId) => async (reply, cancellationToken) =>
    {
        reply.ChannelId = ChannelId;
        reply.Conversation = new ConversationAccount { Id = conversationId };
        reply.Timestamp = clock.GetUtcNow();
        reply.From = Bot;
        await AppendAsync(conversationId, reply, cancellationToken).ConfigureAwait(false);
        return new ResourceResponse { Id = reply.Id };
    };

    private Task<long?> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken) =>
        store.AppendAsync(conversationId, sequence =>
        {
            activity.Id = ActivityId(conversationId, sequence);
            return JsonSerializer.Serialize(activity, ProtocolJson.Default.Activity);
        }, cancellationToken);

    /// <summary>Direct Line's activity id shape: the conversation id and a zero-padded sequence number.</summary>
    public static string ActivityId(string conversationId, long sequence) => $"{conversationId}|{sequence:D7}";

    private static string? ShortName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : name.Length <= MaxUserNameLength ? name : name[..MaxUserNameLength];
}
