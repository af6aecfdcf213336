using System.Threading.RateLimiting;
using ChatBot.Core.Curation;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChatBot.Web.Curator;

/// <summary>Sign-in attempts on <c>/curator</c> per client address a minute (<see cref="CuratorOptions.SignInsPerMinute"/>), so a key cannot be guessed by trying.</summary>
public sealed class CuratorSignInLimit : IRateLimiterPolicy<string>
{
    public const string Policy = "curator-sign-in";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, cancellationToken) =>
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = "60";
        await Results.Problem(statusCode: 429, title: "Too many sign-in attempts", detail: "Wait a minute before trying another key.")
            .ExecuteAsync(context.HttpContext).ConfigureAwait(false);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var permits = httpContext.RequestServices.GetRequiredService<IOptions<CuratorOptions>>().Value.SignInsPerMinute;
        var client = httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }
}
