using ChatBot.Core.Knowledge;
using Microsoft.Extensions.Logging;

namespace ChatBot.Core.Dialogs;

/// <summary>
/// The bot's one road from a message to a reply: read the conversation state once → resolve the message against it
/// (<see cref="MessageResolver"/>) → classify, retrieve once and decide (<see cref="AnswerDecider"/>) → word the
/// reply (<see cref="ReplyRenderer"/>) → write the state once, with its ETag. Each stage is called once per turn.
/// </summary>
public sealed class AnsweringPipeline(
    MessageResolver resolver,
    AnswerDecider decider,
    ReplyRenderer renderer,
    ConversationStateStore states,
    ILogger<AnsweringPipeline> logger) : IQuestionAnswerer
{
    public async Task<BotAnswer> AnswerAsync(string conversationId, string text, CancellationToken cancellationToken)
    {
        ConversationState state;
        string eTag;
        try
        {
            (state, eTag) = await states.ReadAsync(conversationId, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageUnavailableException ex)
        {
            logger.LogWarning(ex, "Conversation state unavailable for {ConversationId}", conversationId);
            return renderer.LostThread();
        }

        var (decision, answer) = Answer(text, state);
        try
        {
            await states.WriteAsync(conversationId, state, eTag, s => Remember(s, decision, answer), cancellationToken).ConfigureAwait(false);
        }
        catch (StorageUnavailableException ex)
        {
            // The answer stands; only the next follow-up loses its context (and then says so).
            logger.LogWarning(ex, "Could not save the conversation state of {ConversationId}", conversationId);
        }
        return answer;
    }

    /// <summary>One turn without storage: the decision and its reply, for a given state (eval, <c>ask --explain</c>, tests).</summary>
    public (AnswerDecision Decision, BotAnswer Answer) Answer(string text, ConversationState state)
    {
        var message = resolver.Resolve(text, state);
        var decision = decider.Decide(message, state);
        var answer = renderer.Render(decision);
        if (decision.Kind == AnswerKind.Clarify)
        {
            // The buttons' texts (the reply's suggestions, in the choices' order) are what the user sends back: the
            // state keeps what each one means.
            decision = decision with { Choices = [.. decision.Choices.Zip(answer.Suggestions, (c, label) => c with { Label = label })] };
        }
        return (decision, answer);
    }

    public async Task<BotAnswer?> WelcomeAsync(string conversationId, CancellationToken cancellationToken)
    {
        try
        {
            var (state, eTag) = await states.ReadAsync(conversationId, cancellationToken).ConfigureAwait(false);
            if (state.Welcomed)
            {
                return null;
            }
            // Of two racing conversationUpdates only one finds the conversation unwelcomed when it writes.
            var already = false;
            var written = await states.WriteAsync(conversationId, state, eTag, s =>
            {
                already = s.Welcomed;
                return s with { Welcomed = true };
            }, cancellationToken).ConfigureAwait(false);
            if (already || !written)
            {
                return null;
            }
        }
        catch (StorageUnavailableException ex)
        {
            logger.LogWarning(ex, "Storage unavailable while welcoming {ConversationId}; welcoming without remembering", conversationId);
        }
        return renderer.Welcome();
    }

    /// <summary>What the conversation keeps of a turn: the answered question, its facts and topic; an ask-back's choices.</summary>
    private static ConversationState Remember(ConversationState state, AnswerDecision decision, BotAnswer answer)
    {
        var next = state with { Turns = state.Turns + 1, PendingChoices = decision.Kind == AnswerKind.Clarify ? decision.Choices : [] };
        var facts = decision.Facts;
        if (answer.Kind is not (AnswerKind.Fact or AnswerKind.Timeline) || facts.Count == 0)
        {
            return next;
        }
        var ids = facts.Select(f => f.Id).Distinct(StringComparer.Ordinal).ToList();
        var entities = FactStore.EntitiesOf(facts);
        var sameTopic = state.LastIntent == answer.Intent;
        return next with
        {
            LastIntent = answer.Intent,
            LastQuestion = decision.Message.Remembered,
            LastFactIds = ids,
            LastEntities = entities.Count > 0 ? entities : state.LastEntities,
            LastCitations = answer.Citations,
            ShownFactIds = [.. (sameTopic ? state.ShownFactIds : []).Concat(ids).Distinct(StringComparer.Ordinal).TakeLast(100)],
            Asked = [.. state.Asked.Append(new AskedTurn(decision.Message.Remembered, answer.Intent, ids)).TakeLast(ConversationState.MaxAsked)],
        };
    }
}
