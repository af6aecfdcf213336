namespace ChatBot.Web.DirectLine;

/// <summary>
/// Where the Direct Line rate limits count: per instance (the default), or in a store every instance shares, so a
/// limit holds for the whole fleet instead of once per instance.
/// </summary>
public interface IRateCounter
{
    /// <summary>False: the limits count in this process only, and <see cref="HitAsync"/> is never called.</summary>
    bool IsShared { get; }

    /// <summary>
    /// Counts one request against <paramref name="key"/> in its current fixed window (started by the window's first
    /// request) and returns the count so far with the time left in the window; null when the shared store cannot be
    /// reached, so the caller falls back to counting in this process.
    /// </summary>
    ValueTask<RateWindowCount?> HitAsync(string key, TimeSpan window, CancellationToken cancellationToken);
}

/// <summary>How many requests a fixed window has counted, and how long until it ends.</summary>
public readonly record struct RateWindowCount(long Count, TimeSpan ResetsIn);

/// <summary>The default: every instance counts for itself.</summary>
public sealed class PerInstanceRateCounter : IRateCounter
{
    public bool IsShared => false;

    public ValueTask<RateWindowCount?> HitAsync(string key, TimeSpan window, CancellationToken cancellationToken) => ValueTask.FromResult<RateWindowCount?>(null);
}
