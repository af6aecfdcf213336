namespace ChatBot.Core.Curation;

/// <summary>The <c>Curator</c> section: the review page's key, where events are kept, and for how long.</summary>
public sealed class CuratorOptions
{
    public const string Section = "Curator";

    /// <summary>The review page's key; without one, <c>/curator</c> does not exist (404).</summary>
    public string? Key { get; set; }

    /// <summary>Days an event's texts are kept.</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>Most events (and remembered answers) kept; the oldest go first.</summary>
    public int MaxEvents { get; set; } = 20_000;

    /// <summary>The SQLite file, relative to the repository root, used unless <c>Storage:Redis</c> is set.</summary>
    public string DatabasePath { get; set; } = "data/curator.db";

    /// <summary>Sign-in attempts allowed per client address a minute.</summary>
    public int SignInsPerMinute { get; set; } = 5;
}
