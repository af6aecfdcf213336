using System.Diagnostics;
using ChatBot.Core.Dialogs;
using ChatBot.Core.Protocol;
using Microsoft.Extensions.Logging;

namespace ChatBot.Core.Bot;

/// <summary>
/// The bot's turn handler: welcomes each new conversation once, strips the bot's mention, answers every message
/// from the documents through <see cref="IQuestionAnswerer"/>, and logs each turn without the user's text.
/// </summary>
public sealed class KnowledgeBot(IQuestionAnswerer answerer, ILogger<KnowledgeBot> logger) : ActivityHandler
{
    /// <summary>Longest message the bot reads; a longer one is cut, not refused.</summary>
    public const int MaxQuestionLength = 2_000;

    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var started = Stopwatch.GetTimestamp();
        var text = activity.RemoveRecipientMention();
        if (text.Length > MaxQuestionLength)
        {
            text = text[..MaxQuestionLength];
        }
        if (activity.DeliveryMode != DeliveryModes.ExpectReplies)
        {
            var typing = activity.CreateReply();
            typing.Type = ActivityTypes.Typing;
            typing.Text = null;
            typing.InputHint = null;
            await turnContext.SendActivityAsync(typing, cancellationToken).ConfigureAwait(false);
        }

        var answer = await answerer.AnswerAsync(activity.Conversation!.Id!, text, cancellationToken).ConfigureAwait(false);
        await turnContext.SendActivityAsync(AnswerReply.Create(activity, answer), cancellationToken).ConfigureAwait(false);

        logger.LogInformation(
            "Turn {ActivityId} in {ConversationId} on {ChannelId}: intent {Intent} ({Confidence:0.00}), {AnswerKind}, {Citations} citation(s), {ElapsedMs:0.0} ms",
            activity.Id, activity.Conversation.Id, activity.ChannelId, answer.Intent, answer.Confidence, answer.Kind,
            answer.Citations.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        logger.LogDebug("Turn {ActivityId} text: {Text}", activity.Id, text);
    }

    protected override async Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var conversationId = turnContext.Activity.Conversation!.Id!;
        // The welcome mark lives in the conversation's state: of two racing conversationUpdates, only the first welcomes.
        if (await answerer.WelcomeAsync(conversationId, cancellationToken).ConfigureAwait(false) is not { } welcome)
        {
            return;
        }
        await turnContext.SendActivityAsync(AnswerReply.Create(turnContext.Activity, welcome), cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Welcomed conversation {ConversationId} on {ChannelId}", conversationId, turnContext.Activity.ChannelId);
    }

    private static readonly System.Text.Json.JsonElement HealthyBody =
        System.Text.Json.JsonDocument.Parse("""{"healthResults":{"success":true}}""").RootElement.Clone();

    protected override Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        // The SDK's health check invoke is the one invoke this bot understands; others are "not implemented".
        var response = turnContext.Activity.Name == "healthCheck"
            ? new InvokeResponse(200, HealthyBody)
            : new InvokeResponse(501, null);
        return Task.FromResult(response);
    }
}
