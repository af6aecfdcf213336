using System.Diagnostics;
using System.Text.Json;
using ChatBot.Core.Curation;
using ChatBot.Core.Dialogs;
using ChatBot.Core.Protocol;
using Microsoft.Extensions.Logging;

namespace ChatBot.Core.Bot;

/// <summary>
/// The bot's turn handler: welcomes each new conversation once, strips the bot's mention, answers every message
/// from the documents through <see cref="IQuestionAnswerer"/>, and logs each turn without the user's text. With a
/// <see cref="CuratorRecorder"/>, answers and refusals invite feedback, and the feedback (Teams' submitAction invoke,
/// Web Chat's feedback event) and every unanswered question go to the curators.
/// </summary>
public sealed class KnowledgeBot(IQuestionAnswerer answerer, ILogger<KnowledgeBot> logger, CuratorRecorder? curator = null) : ActivityHandler
{
    /// <summary>The event Web Chat 4.18 posts when a thumb button of a reply's LikeAction or DislikeAction is pressed.</summary>
    public const string WebChatFeedbackEvent = "webchat:activity-status/feedback";

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
        var answerId = curator is not null && AnswerReply.InvitesFeedback(answer)
            ? await curator.OnAnsweredAsync(activity, text, answer, cancellationToken).ConfigureAwait(false)
            : null;
        var sent = await turnContext.SendActivityAsync(AnswerReply.Create(activity, answer, answerId), cancellationToken).ConfigureAwait(false);
        if (answerId is not null && curator is not null && sent.Id is { Length: > 0 } messageId && messageId != answerId)
        {
            await curator.AliasAsync(answerId, messageId, cancellationToken).ConfigureAwait(false);
        }

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

    protected override async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        switch (activity.Name)
        {
            case "healthCheck":
                return new InvokeResponse(200, HealthyBody);
            case "message/submitAction" when curator is not null:
                if (TeamsFeedback.Read(activity.Value) is not { } feedback)
                {
                    return new InvokeResponse(400, null);
                }
                await curator.OnFeedbackAsync(activity, activity.ReplyToId, feedback.Like, feedback.Comment, cancellationToken).ConfigureAwait(false);
                return new InvokeResponse(200, null); // Teams refuses any body but an empty one
            default:
                return new InvokeResponse(501, null);
        }
    }

    protected override async Task OnEventActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Name != WebChatFeedbackEvent || curator is null)
        {
            return;
        }
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.Properties is { } properties && properties.TryGetValue("@type", out var type) && type.ValueKind == JsonValueKind.String
                && type.GetString() is Protocol.FeedbackAction.Like or Protocol.FeedbackAction.Dislike)
            {
                var answerId = properties.TryGetValue("identifier", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
                await curator.OnFeedbackAsync(activity, answerId, type.GetString() == Protocol.FeedbackAction.Like, null, cancellationToken).ConfigureAwait(false);
                return;
            }
        }
    }
}
