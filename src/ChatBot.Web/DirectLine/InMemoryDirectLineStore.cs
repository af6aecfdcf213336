using Microsoft.Extensions.Options;

namespace ChatBot.Web.DirectLine;

/// <summary>
/// The default <see cref="IDirectLineStore"/>: in process, bounded by conversation count (least recently used goes
/// first), by activities and bytes per conversation (oldest go first), and by idle time.
/// </summary>
public sealed class InMemoryDirectLineStore(IOptions<DirectLineOptions> options, TimeProvider clock) : IDirectLineStore
{
    private sealed class Entry(DirectLineConversation conversation, DateTimeOffset now)
    {
        public DirectLineConversation Conversation { get; } = conversation;
        public Queue<StoredActivity> Activities { get; } = new();
        public long LastSequence { get; set; }
        public long Bytes { get; set; }
        public DateTimeOffset LastUsed { get; set; } = now;
    }

    private readonly DirectLineOptions _options = options.Value;
    private readonly Dictionary<string, LinkedListNode<Entry>> _conversations = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new(); // most recently used first
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _conversations.Count;
            }
        }
    }

    public Task<bool> CreateAsync(DirectLineConversation conversation, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (Find(conversation.Id) is not null)
            {
                return Task.FromResult(false);
            }
            _conversations[conversation.Id] = _recency.AddFirst(new Entry(conversation, clock.GetUtcNow()));
            EvictOverflow();
            return Task.FromResult(true);
        }
    }

    public Task<DirectLineConversation?> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var node = Find(conversationId);
            if (node is not null)
            {
                Touch(node);
            }
            return Task.FromResult(node?.Value.Conversation);
        }
    }

    public Task<long?> AppendAsync(string conversationId, Func<long, string> serialize, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (Find(conversationId) is not { } node)
            {
                return Task.FromResult<long?>(null);
            }
            Touch(node);
            var entry = node.Value;
            var sequence = entry.LastSequence + 1;
            var json = serialize(sequence);
            entry.LastSequence = sequence;
            entry.Activities.Enqueue(new StoredActivity(sequence, json));
            entry.Bytes += json.Length;
            while (entry.Activities.Count > 1
                && (entry.Activities.Count > _options.MaxActivitiesPerConversation || entry.Bytes > _options.MaxConversationBytes))
            {
                entry.Bytes -= entry.Activities.Dequeue().Json.Length;
            }
            return Task.FromResult<long?>(sequence);
        }
    }

    public Task<ActivityPage?> ReadAsync(string conversationId, long watermark, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (Find(conversationId) is not { } node)
            {
                return Task.FromResult<ActivityPage?>(null);
            }
            Touch(node);
            var entry = node.Value;
            var page = entry.Activities.Where(a => a.Sequence > watermark).Take(max).ToList();
            // A watermark from the future (a client's mistake) is pulled back, so the client resynchronizes.
            var next = page.Count > 0 ? page[^1].Sequence : Math.Min(watermark, entry.LastSequence);
            return Task.FromResult<ActivityPage?>(new ActivityPage(page, next));
        }
    }

    private LinkedListNode<Entry>? Find(string conversationId)
    {
        if (!_conversations.TryGetValue(conversationId, out var node))
        {
            return null;
        }
        if (IsExpired(node.Value, clock.GetUtcNow()))
        {
            _conversations.Remove(conversationId);
            _recency.Remove(node);
            return null;
        }
        return node;
    }

    private void Touch(LinkedListNode<Entry> node)
    {
        node.Value.LastUsed = clock.GetUtcNow();
        if (node != _recency.First)
        {
            _recency.Remove(node);
            _recency.AddFirst(node);
        }
    }

    private bool IsExpired(Entry entry, DateTimeOffset now) => now - entry.LastUsed > TimeSpan.FromMinutes(_options.ConversationIdleMinutes);

    private void EvictOverflow()
    {
        var now = clock.GetUtcNow();
        while (_recency.Last is { } oldest && (_conversations.Count > _options.MaxConversations || IsExpired(oldest.Value, now)))
        {
            _conversations.Remove(oldest.Value.Conversation.Id);
            _recency.RemoveLast();
        }
    }
}
