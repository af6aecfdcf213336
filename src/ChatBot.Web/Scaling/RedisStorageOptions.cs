namespace ChatBot.Web.Scaling;

/// <summary>How the Redis store names its keys and how long an unused item lives there.</summary>
public sealed record RedisStorageOptions
{
    /// <summary>Prepended to every key, so several bots (or tests) can share one Redis.</summary>
    public string KeyPrefix { get; init; } = "chatbot:";

    /// <summary>An item not read or written for this long is dropped by Redis (the in-memory store's idle expiry).</summary>
    public TimeSpan IdleExpiry { get; init; } = TimeSpan.FromMinutes(30);
}
