using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChatBot.Web.DirectLine;

/// <summary>
/// The Direct Line rate limits (ASP.NET Core's rate limiter): per conversation of a verified token for posts and
/// polls, per client address for token generation and for requests whose token does not verify. A refused request
/// gets 429 with Retry-After in seconds. With a shared <see cref="IRateCounter"/> (Redis) the limits hold for the fleet.
/// </summary>
public sealed class DirectLineRateLimits : IRateLimiterPolicy<string>
{
    public const string Tokens = "directline-tokens";
    public const string Posts = "directline-posts";
    public const string Reads = "directline-reads";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly string _name;
    private readonly Func<DirectLineOptions, int> _permitsPerMinute;
    private readonly bool _byConversation;

    private DirectLineRateLimits(string name, Func<DirectLineOptions, int> permitsPerMinute, bool byConversation)
    {
        _name = name;
        _permitsPerMinute = permitsPerMinute;
        _byConversation = byConversation;
    }

    public static void AddPolicies(RateLimiterOptions options)
    {
        options.AddPolicy(Tokens, new DirectLineRateLimits(Tokens, o => o.TokensPerMinute, byConversation: false));
        options.AddPolicy(Posts, new DirectLineRateLimits(Posts, o => o.PostsPerMinute, byConversation: true));
        options.AddPolicy(Reads, new DirectLineRateLimits(Reads, o => o.ReadsPerMinute, byConversation: true));
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var options = httpContext.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value;
        var key = _byConversation && httpContext.CheckDirectLineToken().Caller is { } caller
            ? "conversation:" + caller.ConversationId
            : "address:" + (httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        var permits = _permitsPerMinute(options);
        var counter = httpContext.RequestServices.GetRequiredService<IRateCounter>();
        if (!counter.IsShared)
        {
            return RateLimitPartition.GetFixedWindowLimiter(key, _ => PerInstance(permits));
        }
        return RateLimitPartition.Get(key, partition =>
            new SharedFixedWindowLimiter(counter, _name + ":" + partition, permits, Window, () => new FixedWindowRateLimiter(PerInstance(permits))));
    }

    private static FixedWindowRateLimiterOptions PerInstance(int permits) => new()
    {
        PermitLimit = permits,
        Window = Window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
            detail: $"Slow down: try again in {seconds} s.").ExecuteAsync(context.HttpContext).ConfigureAwait(false);
    }
}
