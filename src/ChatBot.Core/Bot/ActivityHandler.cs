using ChatBot.Core.Protocol;

namespace ChatBot.Core.Bot;

/// <summary>Dispatches a turn on the activity type to an overridable handler, as the SDK's ActivityHandler does.</summary>
public abstract class ActivityHandler : IBot
{
    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.Activity.Type switch
        {
            ActivityTypes.Message => OnMessageActivityAsync(turnContext, cancellationToken),
            ActivityTypes.ConversationUpdate => OnConversationUpdateActivityAsync(turnContext, cancellationToken),
            ActivityTypes.Invoke => OnInvokeAsync(turnContext, cancellationToken),
            ActivityTypes.Event => OnEventActivityAsync(turnContext, cancellationToken),
            _ => Task.CompletedTask, // typing, reactions, endOfConversation, unknown types: nothing to answer
        };

    protected virtual Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnEventActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    private Task OnConversationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var botId = activity.Recipient?.Id;
        var newMembers = activity.MembersAdded?.Where(m => m.Id is not null && m.Id != botId).ToList();
        return newMembers is { Count: > 0 }
            ? OnMembersAddedAsync(newMembers, turnContext, cancellationToken)
            : Task.CompletedTask;
    }

    protected virtual Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    private async Task OnInvokeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        turnContext.InvokeResponse = await OnInvokeActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Answers an invoke; the default is 501, the protocol's "not implemented".</summary>
    protected virtual Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.FromResult(new InvokeResponse(501, null));
}
