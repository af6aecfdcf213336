namespace ChatBot.Web.DirectLine;

/// <summary>
/// Where Direct Line conversations and their activity lists live. Activities are stored as their JSON text with a
/// sequence number, so a shared store (Redis) can hold them as they are; implementations bound size and expire idle
/// conversations.
/// </summary>
public interface IDirectLineStore
{
    /// <summary>Creates the conversation; false when it already exists.</summary>
    Task<bool> CreateAsync(DirectLineConversation conversation, CancellationToken cancellationToken);

    /// <summary>The conversation, or null when it is unknown or expired.</summary>
    Task<DirectLineConversation?> GetAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Appends an activity: <paramref name="serialize"/> gets the sequence number the store gives it and returns the
    /// activity's JSON. Null when the conversation is unknown or expired.
    /// </summary>
    Task<long?> AppendAsync(string conversationId, Func<long, string> serialize, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> activities after the watermark, or null when the conversation is unknown or expired.</summary>
    Task<ActivityPage?> ReadAsync(string conversationId, long watermark, int max, CancellationToken cancellationToken);
}

/// <summary>A Direct Line conversation: its id, the user the tokens bind to it, and when it started.</summary>
public sealed record DirectLineConversation(string Id, string UserId, DateTimeOffset CreatedAt);

/// <summary>One stored activity: its sequence number in the conversation and its JSON.</summary>
public sealed record StoredActivity(long Sequence, string Json);

/// <summary>A page of activities and the watermark to ask from next.</summary>
public sealed record ActivityPage(IReadOnlyList<StoredActivity> Activities, long Watermark);
