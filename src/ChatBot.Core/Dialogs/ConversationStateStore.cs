using System.Text.Json;

namespace ChatBot.Core.Dialogs;

/// <summary>
/// Reads and writes <see cref="ConversationState"/> through <see cref="IStorage"/> with its ETag, so two turns of one
/// conversation racing on two hosts never overwrite each other silently: a conflict reloads and retries once.
/// </summary>
public sealed class ConversationStateStore(IStorage storage)
{
    /// <summary>The one key a conversation's state lives under (welcome marker included).</summary>
    public static string Key(string conversationId) => $"conversation/{conversationId}";

    /// <summary>The state and the ETag a write must present; an absent, expired or unreadable item is a fresh conversation.</summary>
    /// <exception cref="StorageUnavailableException">The storage cannot be reached.</exception>
    public async Task<(ConversationState State, string ETag)> ReadAsync(string conversationId, CancellationToken cancellationToken)
    {
        var item = await storage.ReadAsync(Key(conversationId), cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return (ConversationState.Empty, string.Empty);
        }
        try
        {
            return (JsonSerializer.Deserialize(item.Value, ConversationStateJson.Default.ConversationState) ?? ConversationState.Empty, item.ETag);
        }
        catch (JsonException)
        {
            // A state written by an older version is not worth failing a turn for: the conversation starts afresh.
            return (ConversationState.Empty, item.ETag);
        }
    }

    /// <summary>
    /// Writes <paramref name="update"/> applied to the state read at <paramref name="eTag"/>; on a conflict it reloads,
    /// applies the update to the newer state and writes once more. A second conflict is given up: the later writer's
    /// state stands and this turn's memory is dropped, which only weakens the next follow-up.
    /// </summary>
    /// <exception cref="StorageUnavailableException">The storage cannot be reached.</exception>
    public async Task<bool> WriteAsync(string conversationId, ConversationState read, string eTag, Func<ConversationState, ConversationState> update, CancellationToken cancellationToken)
    {
        var key = Key(conversationId);
        try
        {
            await storage.WriteAsync(key, Serialize(update(read)), eTag, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StorageConflictException)
        {
            var (fresh, freshTag) = await ReadAsync(conversationId, cancellationToken).ConfigureAwait(false);
            try
            {
                await storage.WriteAsync(key, Serialize(update(fresh)), freshTag, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (StorageConflictException)
            {
                return false;
            }
        }
    }

    private static string Serialize(ConversationState state) => JsonSerializer.Serialize(state, ConversationStateJson.Default.ConversationState);
}
