using System.Diagnostics;
using ChatBot.Core.Bot;
using ChatBot.Core.Protocol;

namespace ChatBot.Web.Telemetry;

/// <summary>Wraps the bot's turn handler in a "chatbot.turn" span and records the turn's latency.</summary>
internal sealed class InstrumentedBot(IBot inner, ChatBotTelemetry telemetry) : IBot
{
    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var type = activity.Type ?? "unknown";
        var deliveryMode = activity.DeliveryMode ?? DeliveryModes.Normal;
        using var span = telemetry.Traces.StartActivity("chatbot.turn");
        if (span is not null)
        {
            span.SetTag("chatbot.activity.type", type);
            span.SetTag("chatbot.channel", activity.ChannelId);
            span.SetTag("chatbot.conversation.id", activity.Conversation?.Id);
            span.SetTag("chatbot.delivery_mode", deliveryMode);
        }
        var started = Stopwatch.GetTimestamp();
        var failed = true;
        try
        {
            await inner.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
            failed = false;
        }
        catch (Exception ex)
        {
            span?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
        finally
        {
            telemetry.RecordTurn(type, deliveryMode, Stopwatch.GetElapsedTime(started), failed);
        }
    }
}
