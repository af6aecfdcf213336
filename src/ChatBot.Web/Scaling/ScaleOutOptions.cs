namespace ChatBot.Web.Scaling;

/// <summary>The <c>Storage</c> settings that make instances share state: a Redis connection string, and its key prefix.</summary>
public sealed class ScaleOutOptions
{
    public const string Section = "Storage";

    /// <summary>A StackExchange.Redis connection string (<c>127.0.0.1:6379</c>, <c>host:6380,password=...,ssl=true</c>); empty: in-memory state.</summary>
    public string? Redis { get; set; }

    /// <summary>Prepended to every Redis key the bot writes.</summary>
    public string RedisKeyPrefix { get; set; } = "chatbot:";

    public bool UsesRedis => !string.IsNullOrWhiteSpace(Redis);
}
