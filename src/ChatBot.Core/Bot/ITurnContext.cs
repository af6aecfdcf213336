using ChatBot.Core.Protocol;

namespace ChatBot.Core.Bot;

/// <summary>One turn of a conversation: the incoming activity and the way to answer it (the SDK's ITurnContext).</summary>
public interface ITurnContext
{
    Activity Activity { get; }

    /// <summary>Set by an invoke handler; the adapter answers the channel's HTTP request with it.</summary>
    InvokeResponse? InvokeResponse { get; set; }

    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken);
}

/// <summary>Sends the activities of a turn: buffered for expectReplies, through the Connector otherwise.</summary>
public delegate Task<ResourceResponse> ActivitySender(Activity activity, CancellationToken cancellationToken);

/// <summary>The turn context the adapter hands to the bot.</summary>
public sealed class TurnContext(Activity activity, ActivitySender sender) : ITurnContext
{
    public Activity Activity { get; } = activity;

    public InvokeResponse? InvokeResponse { get; set; }

    public Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken) =>
        sender(activity, cancellationToken);
}
