using ChatBot.Core.Curation;
using ChatBot.Core.Protocol;

namespace ChatBot.Web.Connector;

/// <summary>
/// Background workers that deliver queued replies through the <see cref="ConnectorClient"/>, one turn's activities in
/// order. A delivery failure (after the pipeline's retries) is logged, never thrown into a channel's request.
/// </summary>
public sealed class ConnectorDispatcher(OutboundQueue queue, IServiceScopeFactory scopes, ILogger<ConnectorDispatcher> logger) : BackgroundService
{
    private const int Workers = 4;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var turn in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await DeliverAsync(turn, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task DeliverAsync(IReadOnlyList<Activity> turn, CancellationToken stoppingToken)
    {
        using var scope = scopes.CreateScope();
        var client = scope.ServiceProvider.GetRequiredService<ConnectorClient>();
        foreach (var activity in turn)
        {
            try
            {
                var sent = await client.SendToConversationAsync(activity, stoppingToken).ConfigureAwait(false);
                if (sent?.Id is { Length: > 0 } messageId && messageId != activity.Id && activity.Type == ActivityTypes.Message && activity.Id is { } answerId
                    && scope.ServiceProvider.GetService<CuratorRecorder>() is { } curator)
                {
                    // Teams' feedback invoke names the message by the id Teams gave it, not the one the bot sent.
                    await curator.AliasAsync(answerId, messageId, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException or Microsoft.Identity.Client.MsalException)
            {
                logger.LogWarning("Could not deliver {ActivityType} {ActivityId} to conversation {ConversationId}: {Error}",
                    activity.Type, activity.Id, activity.Conversation?.Id, ex.Message);
                return; // the rest of this turn would arrive out of context
            }
        }
    }
}
