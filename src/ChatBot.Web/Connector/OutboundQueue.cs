using System.Threading.Channels;
using ChatBot.Core.Protocol;

namespace ChatBot.Web.Connector;

/// <summary>
/// The replies of normal-delivery turns waiting to be sent. The inbound request is answered as soon as its turn is
/// queued, so a slow, failing or hanging Connector never holds the channel's request. Bounded: when full, the
/// oldest turn is dropped and logged rather than growing without limit.
/// </summary>
public sealed class OutboundQueue(ILogger<OutboundQueue> logger)
{
    private const int Capacity = 10_000;

    private readonly Channel<IReadOnlyList<Activity>> _channel = Channel.CreateBounded<IReadOnlyList<Activity>>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = false },
        dropped => logger.LogWarning("Outbound queue full ({Capacity} turns): dropped the replies of {ActivityId} in {ConversationId}",
            Capacity, dropped.FirstOrDefault()?.ReplyToId, dropped.FirstOrDefault()?.Conversation?.Id));

    /// <summary>Queues one turn's replies; never blocks and never refuses (a full queue drops its oldest turn instead).</summary>
    public void Enqueue(IReadOnlyList<Activity> turnReplies) => _channel.Writer.TryWrite(turnReplies);

    public ChannelReader<IReadOnlyList<Activity>> Reader => _channel.Reader;
}
