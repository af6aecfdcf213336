using System.Diagnostics;
using System.Threading.RateLimiting;

namespace ChatBot.Web.DirectLine;

/// <summary>
/// A fixed-window limit counted in a shared <see cref="IRateCounter"/> (Redis), so N instances together allow the limit
/// once, not N times. While the shared store is unreachable it counts in this process instead, which keeps every
/// instance limited (to the limit each) rather than failing requests or letting them all through.
/// </summary>
/// <remarks>
/// The counting is asynchronous, so <see cref="AttemptAcquireCore"/> never grants: ASP.NET's rate-limiting middleware
/// then awaits <see cref="AcquireAsyncCore"/>, which asks the store.
/// </remarks>
public sealed class SharedFixedWindowLimiter(IRateCounter counter, string key, int permitLimit, TimeSpan window, Func<RateLimiter> perInstance) : RateLimiter
{
    private readonly Lazy<RateLimiter> _fallback = new(perInstance);
    private long _lastUsed = Stopwatch.GetTimestamp();

    public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.NotCountedYet;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, Stopwatch.GetTimestamp());
        if (permitCount == 0)
        {
            return Lease.Granted;
        }
        var count = await counter.HitAsync(key, window, cancellationToken).ConfigureAwait(false);
        if (count is not { } shared)
        {
            return await _fallback.Value.AcquireAsync(permitCount, cancellationToken).ConfigureAwait(false);
        }
        return shared.Count <= permitLimit ? Lease.Granted : new Lease(false, shared.ResetsIn);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _fallback.IsValueCreated)
        {
            _fallback.Value.Dispose();
        }
        base.Dispose(disposing);
    }

    private sealed class Lease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);
        public static readonly Lease NotCountedYet = new(false, null);

        public override bool IsAcquired => isAcquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
