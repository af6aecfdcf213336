namespace ChatBot.Core.Dialogs;

/// <summary>Key-value storage for conversation state with optimistic concurrency, as the SDK's IStorage.</summary>
public interface IStorage
{
    /// <summary>The stored value and its ETag, or null when the key is absent (or expired).</summary>
    Task<StoredItem?> ReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the value and returns its new ETag. With a non-null <paramref name="eTag"/> the write succeeds only if
    /// the stored ETag still equals it (an empty string: only if the key is absent), else
    /// <see cref="StorageConflictException"/>; null writes unconditionally.
    /// </summary>
    Task<string> WriteAsync(string key, string value, string? eTag, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

/// <summary>A stored value with the ETag that a conditional write must present.</summary>
public sealed record StoredItem(string Value, string ETag);

/// <summary>Another writer changed the item since it was read: the caller reloads and retries, nothing is lost silently.</summary>
public sealed class StorageConflictException(string key) : Exception($"The stored item '{key}' was changed by another writer.");

/// <summary>The storage backend cannot be reached; the bot tells the user it lost the thread instead of failing.</summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
