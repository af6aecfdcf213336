namespace ChatBot.Core.Dialogs;

/// <summary>Settings of the in-memory store: how many items it keeps and how long an unused one lives.</summary>
public sealed record MemoryStorageOptions
{
    public int MaxItems { get; init; } = 10_000;
    public TimeSpan IdleExpiry { get; init; } = TimeSpan.FromMinutes(30);
}

/// <summary>
/// The default <see cref="IStorage"/>: in process, bounded by item count (least recently used goes first) and by idle
/// time, so a bot under heavy traffic keeps flat memory.
/// </summary>
public sealed class MemoryStorage(MemoryStorageOptions options, TimeProvider clock) : IStorage
{
    private sealed record Entry(string Key, string Value, string ETag, DateTimeOffset LastUsed);

    private readonly Dictionary<string, LinkedListNode<Entry>> _items = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new(); // most recently used first
    private readonly Lock _gate = new();
    private long _version;

    public MemoryStorage() : this(new MemoryStorageOptions(), TimeProvider.System)
    {
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    public Task<StoredItem?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var node = Find(key);
            if (node is null)
            {
                return Task.FromResult<StoredItem?>(null);
            }
            Touch(node, node.Value);
            return Task.FromResult<StoredItem?>(new StoredItem(node.Value.Value, node.Value.ETag));
        }
    }

    public Task<string> WriteAsync(string key, string value, string? eTag, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var node = Find(key);
            if (eTag is not null && eTag != (node?.Value.ETag ?? string.Empty))
            {
                throw new StorageConflictException(key);
            }
            var newTag = (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var entry = new Entry(key, value, newTag, clock.GetUtcNow());
            if (node is null)
            {
                _items[key] = _recency.AddFirst(entry);
                EvictOverflow();
            }
            else
            {
                Touch(node, entry);
            }
            return Task.FromResult(newTag);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_items.Remove(key, out var node))
            {
                _recency.Remove(node);
            }
            return Task.CompletedTask;
        }
    }

    private LinkedListNode<Entry>? Find(string key)
    {
        if (!_items.TryGetValue(key, out var node))
        {
            return null;
        }
        if (clock.GetUtcNow() - node.Value.LastUsed > options.IdleExpiry)
        {
            _items.Remove(key);
            _recency.Remove(node);
            return null;
        }
        return node;
    }

    private void Touch(LinkedListNode<Entry> node, Entry entry)
    {
        node.Value = entry with { LastUsed = clock.GetUtcNow() };
        _recency.Remove(node);
        _recency.AddFirst(node);
    }

    private void EvictOverflow()
    {
        var now = clock.GetUtcNow();
        while (_recency.Last is { } oldest && (_items.Count > options.MaxItems || now - oldest.Value.LastUsed > options.IdleExpiry))
        {
            _items.Remove(oldest.Value.Key);
            _recency.RemoveLast();
        }
    }
}
