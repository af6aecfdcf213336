using ChatBot.Core.Dialogs;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Protocol;
using Microsoft.Extensions.Logging;

namespace ChatBot.Core.Curation;

/// <summary>
/// Feeds the curator's loop from the turn handler: remembers each answer that invites feedback, records each
/// refusal, near miss and ask-back with the facts nearest to the question, and each like or dislike against the
/// answer it rates. A store that fails costs the curators an event, never the user an answer.
/// </summary>
public sealed class CuratorRecorder(ICuratorStore store, TimeProvider clock, ILogger<CuratorRecorder> logger)
{
    public const int Candidates = 3;
    public const int MaxCommentLength = 2_000;

    public ICuratorStore Store => store;

    /// <summary>The curator's name for an answer kind that left the question unanswered, or null for one that answered it.</summary>
    public static CuratorEventKind? Unanswered(AnswerKind kind) => kind switch
    {
        AnswerKind.OutOfScope or AnswerKind.Fallback => CuratorEventKind.Refusal,
        AnswerKind.Passage => CuratorEventKind.NearMiss,
        AnswerKind.Clarify => CuratorEventKind.AskBack,
        _ => null,
    };

    /// <summary>Records one answered message; returns the id the reply is sent with.</summary>
    public async Task<string> OnAnsweredAsync(Activity incoming, string question, BotAnswer answer, CancellationToken cancellationToken)
    {
        var answerId = Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow();
        var user = CuratorUser.Hash(incoming.ChannelId, incoming.From?.Id);
        var channel = incoming.ChannelId ?? "";
        var factIds = answer.FactIds;
        try
        {
            await store.RememberAnswerAsync(new AnsweredTurn(answerId, now, user, channel, question, answer.Text, answer.Kind.ToString(), factIds), cancellationToken).ConfigureAwait(false);
            if (Unanswered(answer.Kind) is { } kind)
            {
                var nearest = answer.Nearest.Take(Candidates).ToList(); // from the turn's own retrieval: no second scan
                var reason = $"{answer.Kind}: {FirstSentence(answer.Text)} (intent {answer.Intent}, {answer.Confidence:0.00})";
                await store.AppendAsync(new CuratorEvent(now, kind, user, channel, question, answer.Text, reason, factIds, nearest, null, answerId), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (CuratorStoreUnavailableException ex)
        {
            logger.LogWarning("Curator store unavailable; turn {ActivityId} not recorded: {Error}", incoming.Id, ex.Message);
        }
        return answerId;
    }

    /// <summary>The channel's own id for a delivered answer (Teams' message id), so its feedback finds the answer.</summary>
    public async Task AliasAsync(string answerId, string channelMessageId, CancellationToken cancellationToken)
    {
        try
        {
            await store.AliasAnswerAsync(answerId, channelMessageId, cancellationToken).ConfigureAwait(false);
        }
        catch (CuratorStoreUnavailableException ex)
        {
            logger.LogWarning("Curator store unavailable; message id {MessageId} not linked: {Error}", channelMessageId, ex.Message);
        }
    }

    /// <summary>Records a like or dislike of the answer <paramref name="answerId"/> (an unknown id still counts, without the answer).</summary>
    public async Task OnFeedbackAsync(Activity incoming, string? answerId, bool like, string? comment, CancellationToken cancellationToken)
    {
        try
        {
            var turn = string.IsNullOrEmpty(answerId) ? null : await store.FindAnswerAsync(answerId, cancellationToken).ConfigureAwait(false);
            var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim() is var c && c.Length > MaxCommentLength ? c[..MaxCommentLength] : c;
            await store.AppendAsync(new CuratorEvent(
                clock.GetUtcNow(), like ? CuratorEventKind.Like : CuratorEventKind.Dislike,
                CuratorUser.Hash(incoming.ChannelId, incoming.From?.Id), incoming.ChannelId ?? "",
                turn?.Question ?? "", turn?.Answer, turn?.Kind, turn?.FactIds ?? [], [], text, turn?.AnswerId ?? answerId), cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Feedback {Reaction} on answer {AnswerId} ({Known})", like ? "like" : "dislike", answerId, turn is null ? "unknown answer" : "known answer");
        }
        catch (CuratorStoreUnavailableException ex)
        {
            logger.LogWarning("Curator store unavailable; feedback on {AnswerId} not recorded: {Error}", answerId, ex.Message);
        }
    }

    private static string FirstSentence(string text)
    {
        var end = text.IndexOfAny(['.', '?', '!']);
        return end < 0 ? text : text[..(end + 1)];
    }
}
