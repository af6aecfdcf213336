namespace ChatBot.Core.Curation;

/// <summary>
/// The one place every instance writes curator events to and the review page, <c>chatbot report</c> and
/// <c>chatbot unanswered</c> read from: events and remembered answers are kept <see cref="CuratorOptions.RetentionDays"/>
/// days and at most <see cref="CuratorOptions.MaxEvents"/> of each. Implementations throw
/// <see cref="CuratorStoreUnavailableException"/> when the store cannot be reached.
/// </summary>
public interface ICuratorStore
{
    Task AppendAsync(CuratorEvent curatorEvent, CancellationToken cancellationToken);

    /// <summary>The events within the retention period, newest first.</summary>
    Task<IReadOnlyList<CuratorEvent>> ReadAsync(CancellationToken cancellationToken);

    Task RememberAnswerAsync(AnsweredTurn turn, CancellationToken cancellationToken);

    /// <summary>Another id the same answer is known by (the id a channel gave the delivered message).</summary>
    Task AliasAnswerAsync(string answerId, string alias, CancellationToken cancellationToken);

    Task<AnsweredTurn?> FindAnswerAsync(string answerIdOrAlias, CancellationToken cancellationToken);
}

/// <summary>The curator store could not be read or written; the turn goes on without the event.</summary>
public sealed class CuratorStoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
