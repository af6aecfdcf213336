using System.Security.Cryptography;
using System.Text;
using ChatBot.Core;
using ChatBot.Core.Curation;
using ChatBot.Core.Knowledge;
using Microsoft.Extensions.Options;

namespace ChatBot.Web.Curator;

/// <summary>
/// The curator's review page at <c>/curator</c>, which exists only when <c>Curator:Key</c> is set. Tools send
/// <c>Authorization: Bearer &lt;key&gt;</c>; people sign in through a form that sets an HttpOnly, SameSite=Strict
/// cookie. A missing or wrong key gets 401 (with the sign-in form), and sign-in attempts are rate limited.
/// </summary>
public static class CuratorApi
{
    public const string CookieName = "curator";

    public static WebApplication MapCurator(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<CuratorOptions>>().Value;
        if (string.IsNullOrEmpty(options.Key))
        {
            return app; // no key, no page: /curator is a 404 like any unknown path
        }
        var group = app.MapGroup("/curator");
        group.MapGet("/", ReviewAsync);
        group.MapPost("/sign-in", SignIn).RequireRateLimiting(CuratorSignInLimit.Policy).DisableAntiforgery();
        group.MapPost("/sign-out", SignOut);
        group.MapGet("/review.css", () => Results.Text(CuratorReviewHtml.Css, "text/css; charset=utf-8"));
        group.MapGet("/curator.js", () => Results.Text(CuratorPage.Script, "text/javascript; charset=utf-8"));
        return app;
    }

    private static async Task<IResult> ReviewAsync(HttpContext http, IOptions<CuratorOptions> options, ICuratorStore store,
        KnowledgeBase knowledge, ChatBotPaths paths, TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var key = options.Value.Key!;
        http.Response.Headers.CacheControl = "no-store";
        var bearer = BearerToken(http.Request);
        if (!(bearer is not null ? SameSecret(bearer, key) : http.Request.Cookies.TryGetValue(CookieName, out var cookie) && SameSecret(cookie, SessionToken(key))))
        {
            return Results.Content(CuratorPage.SignIn(bearer is not null || http.Request.Cookies.ContainsKey(CookieName)), "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status401Unauthorized);
        }
        IReadOnlyList<CuratorEvent> events;
        try
        {
            events = await store.ReadAsync(cancellationToken);
        }
        catch (CuratorStoreUnavailableException ex)
        {
            loggers.CreateLogger(typeof(CuratorApi).FullName!).LogWarning("Curator page: store unavailable: {Error}", ex.Message);
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Curator store unavailable",
                detail: "The curator events cannot be read right now; try again in a moment.");
        }
        var review = CuratorReview.Build(events, knowledge, clock.GetUtcNow(), options.Value.RetentionDays,
            CuratorReviewHtml.LatestIntentConfusion(Path.Combine(paths.Root, "artifacts", "intent-eval")));
        return Results.Content(CuratorReviewHtml.Render(review, "/curator/review.css", "/curator/curator.js"), "text/html; charset=utf-8");
    }

    private static async Task<IResult> SignIn(HttpContext http, IOptions<CuratorOptions> options)
    {
        string? offered = null;
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            offered = form["key"].ToString();
        }
        if (string.IsNullOrEmpty(offered))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No key", detail: "Send the curator key as the form field 'key'.");
        }
        var key = options.Value.Key!;
        if (!SameSecret(offered, key))
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Wrong key", detail: "That is not the curator key.");
        }
        http.Response.Cookies.Append(CookieName, SessionToken(key), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/curator",
            MaxAge = TimeSpan.FromHours(12),
        });
        return Results.NoContent();
    }

    private static IResult SignOut(HttpContext http)
    {
        http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/curator" });
        return Results.NoContent();
    }

    private static string? BearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { Length: > 0 } header
            ? header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : ""
            : null;

    /// <summary>The cookie's value: derived from the key, so the key itself never sits in a browser.</summary>
    public static string SessionToken(string key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), "chatbot curator session v1"u8));

    private static bool SameSecret(string offered, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(offered)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
