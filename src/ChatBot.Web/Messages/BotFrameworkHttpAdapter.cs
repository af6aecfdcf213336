using System.Diagnostics;
using Activity = ChatBot.Core.Protocol.Activity;
using ChatBot.Core.Bot;
using ChatBot.Core.Protocol;
using ChatBot.Web.Connector;

namespace ChatBot.Web.Messages;

/// <summary>
/// Runs a turn for an authenticated activity (the SDK's CloudAdapter role): expectReplies and invoke replies are
/// buffered for the HTTP answer, normal-delivery replies are queued for the Connector. It is also the one error
/// boundary: an exception in the bot is logged and the user gets a polite apology, never a 500.
/// </summary>
public sealed class BotFrameworkHttpAdapter(IBot bot, OutboundQueue outbound, ILogger<BotFrameworkHttpAdapter> logger)
{
    public const string ApologyText = "Sorry, something went wrong on my side while answering. Please try again.";

    public async Task<TurnOutcome> ProcessActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        var buffered = new List<Activity>();
        var context = await RunTurnAsync(activity, (reply, _) =>
        {
            buffered.Add(reply);
            return Task.FromResult(new ResourceResponse { Id = reply.Id });
        }, cancellationToken).ConfigureAwait(false);

        var bufferForCaller = activity.DeliveryMode == DeliveryModes.ExpectReplies || activity.Type == ActivityTypes.Invoke;
        if (!bufferForCaller && buffered.Count > 0)
        {
            outbound.Enqueue(buffered);
        }
        return new TurnOutcome(bufferForCaller ? buffered : [], context.InvokeResponse);
    }

    /// <summary>Runs the bot on one activity with the given sender, behind the error boundary.</summary>
    public async Task<ITurnContext> RunTurnAsync(Activity activity, ActivitySender sender, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var context = new TurnContext(activity, sender);
        try
        {
            await bot.OnTurnAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Turn {ActivityId} in {ConversationId} failed", activity.Id, activity.Conversation?.Id);
            if (activity.Type == ActivityTypes.Message)
            {
                await sender(activity.CreateReply(ApologyText), cancellationToken).ConfigureAwait(false);
            }
            else if (activity.Type == ActivityTypes.Invoke)
            {
                context.InvokeResponse = new InvokeResponse(501, null); // the channel gets "not handled", never a server error
            }
        }
        // The bot logs each answered message at Information (intent, latency); this per-activity line is for debugging.
        logger.LogDebug("Processed {ActivityType} {ActivityId} in {ConversationId} ({DeliveryMode}) in {ElapsedMs:0.0} ms",
            activity.Type, activity.Id, activity.Conversation?.Id, activity.DeliveryMode ?? DeliveryModes.Normal,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return context;
    }
}
