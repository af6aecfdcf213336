namespace ChatBot.Web.DirectLine;

/// <summary>The "DirectLine" configuration section: token signing and lifetime, limits, and the bot's name on the page.</summary>
public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    /// <summary>HMAC key for the tokens (at least 32 characters); empty means a random key per process start.</summary>
    public string TokenSigningKey { get; set; } = "";

    /// <summary>How long a token lives, as Direct Line's <c>expires_in</c> (default 1800 s, as Direct Line).</summary>
    public int TokenLifetimeSeconds { get; set; } = 1800;

    /// <summary>Largest activity a client may post, in bytes.</summary>
    public int MaxActivityBytes { get; set; } = 16 * 1024;

    /// <summary>Conversations kept at once; past this the least recently used one is dropped.</summary>
    public int MaxConversations { get; set; } = 5_000;

    /// <summary>Activities kept per conversation; older ones are dropped first (watermarks keep counting).</summary>
    public int MaxActivitiesPerConversation { get; set; } = 500;

    /// <summary>Bytes of activity JSON kept per conversation; older activities are dropped first.</summary>
    public int MaxConversationBytes { get; set; } = 256 * 1024;

    /// <summary>A conversation nobody read or wrote for this long is forgotten.</summary>
    public int ConversationIdleMinutes { get; set; } = 60;

    /// <summary>Activities one conversation may post per minute (429 with Retry-After past it).</summary>
    public int PostsPerMinute { get; set; } = 60;

    /// <summary>Polls and other token-authenticated calls one conversation may make per minute (Web Chat polls once a second).</summary>
    public int ReadsPerMinute { get; set; } = 600;

    /// <summary>Tokens one client address may generate per minute.</summary>
    public int TokensPerMinute { get; set; } = 60;

    /// <summary>Most activities one poll returns; the client gets the rest on its next poll.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>The bot's account in Direct Line conversations.</summary>
    public string BotId { get; set; } = "kzkr-bot";

    public string BotName { get; set; } = "Kazakhstan–Korea Relations Bot";
}
