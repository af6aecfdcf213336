using System.Globalization;
using System.Text.Json;
using ChatBot.Core.Protocol;
using ChatBot.Web.Messages;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChatBot.Web.DirectLine;

/// <summary>
/// The Direct Line 3.0 subset Web Chat needs (protocol doc §4): tokens, start/reconnect, post an activity, poll the
/// activities after a watermark. Status codes are Direct Line's, because DirectLineJS acts on them.
/// </summary>
public static class DirectLineApi
{
    public const string Prefix = "/v3/directline";

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix);
        group.MapPost("/tokens/generate", GenerateToken).RequireRateLimiting(DirectLineRateLimits.Tokens);
        group.MapPost("/tokens/refresh", RefreshToken).RequireRateLimiting(DirectLineRateLimits.Reads);
        group.MapPost("/conversations", StartConversationAsync).RequireRateLimiting(DirectLineRateLimits.Reads);
        group.MapGet("/conversations/{conversationId}", ReconnectAsync).RequireRateLimiting(DirectLineRateLimits.Reads);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync).RequireRateLimiting(DirectLineRateLimits.Posts);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync).RequireRateLimiting(DirectLineRateLimits.Reads);
        return app;
    }

    /// <summary>A token for a new conversation with a new user id; the page calls this before it starts Web Chat.</summary>
    private static JsonHttpResult<ConversationResponse> GenerateToken(DirectLineTokens tokens)
    {
        var (conversationId, userId) = DirectLineChannel.NewIdentity();
        return Answer(tokens.Issue(conversationId, userId));
    }

    /// <summary>A new token for the same conversation and user; DirectLineJS calls it every 15 minutes.</summary>
    private static Results<JsonHttpResult<ConversationResponse>, ProblemHttpResult> RefreshToken(HttpContext http, DirectLineTokens tokens)
    {
        if (Authenticate(http, conversationId: null) is { } refused)
        {
            return refused;
        }
        var caller = http.CheckDirectLineToken().Caller!;
        return Answer(tokens.Issue(caller.ConversationId, caller.UserId));
    }

    private static async Task<Results<JsonHttpResult<ConversationResponse>, ProblemHttpResult>> StartConversationAsync(
        HttpContext http, DirectLineTokens tokens, DirectLineChannel channel)
    {
        if (Authenticate(http, conversationId: null) is { } refused)
        {
            return refused;
        }
        var caller = http.CheckDirectLineToken().Caller!;
        var created = await channel.StartAsync(caller, http.RequestAborted);
        return Answer(tokens.Issue(caller.ConversationId, caller.UserId), created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<Results<JsonHttpResult<ConversationResponse>, ProblemHttpResult>> ReconnectAsync(
        HttpContext http, string conversationId, DirectLineTokens tokens, IDirectLineStore store)
    {
        if (Authenticate(http, conversationId) is { } refused)
        {
            return refused;
        }
        var caller = http.CheckDirectLineToken().Caller!;
        return await store.GetAsync(conversationId, http.RequestAborted) is null
            ? NotFound()
            : Answer(tokens.Issue(caller.ConversationId, caller.UserId));
    }

    private static async Task<IResult> PostActivityAsync(HttpContext http, string conversationId, DirectLineChannel channel, IOptions<DirectLineOptions> options)
    {
        if (Authenticate(http, conversationId) is { } refused)
        {
            return refused;
        }
        var read = await ActivityRequestReader.ReadAsync(http.Request, options.Value.MaxActivityBytes, http.RequestAborted);
        if (read.Problem is not null)
        {
            return read.Problem;
        }
        var activity = read.Activity!;
        if (activity.Type is null || !DirectLineChannel.ClientActivityTypes.Contains(activity.Type))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Activity type not allowed",
                detail: "A client may post only 'message', 'typing' and 'event' activities.");
        }
        if (activity.Type == ActivityTypes.Event && string.IsNullOrWhiteSpace(activity.Name))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid activity", detail: "An 'event' activity needs a 'name'.");
        }
        var id = await channel.PostAsync(http.CheckDirectLineToken().Caller!, activity, http.RequestAborted);
        return id is null
            ? NotFound()
            : TypedResults.Json(new ResourceResponse { Id = id }, ProtocolJson.Default.ResourceResponse);
    }

    private static async Task<IResult> GetActivitiesAsync(HttpContext http, string conversationId, IDirectLineStore store, IOptions<DirectLineOptions> options)
    {
        if (Authenticate(http, conversationId) is { } refused)
        {
            return refused;
        }
        var watermarks = http.Request.Query["watermark"];
        long watermark = 0;
        if (watermarks.Count > 1
            || (!string.IsNullOrEmpty(watermarks.ToString()) && !long.TryParse(watermarks.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out watermark)))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad watermark",
                detail: "The watermark must be the number a previous answer returned.");
        }
        var page = await store.ReadAsync(conversationId, watermark, options.Value.MaxPageSize, http.RequestAborted);
        return page is null ? NotFound() : new ActivitySetResult(page);
    }

    /// <summary>Null when the request's token is good for <paramref name="conversationId"/> (any conversation when null), else the refusal.</summary>
    private static ProblemHttpResult? Authenticate(HttpContext http, string? conversationId)
    {
        var check = http.CheckDirectLineToken();
        if (check.Caller is null)
        {
            var detail = check.Failure switch
            {
                TokenFailure.Missing => "A Direct Line token is required: 'Authorization: Bearer <token>'.",
                TokenFailure.Expired => "The token has expired; refresh it or get a new one.",
                _ => "The token is not valid.",
            };
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem(statusCode: check.StatusCode, title: check.StatusCode == 403 ? "Forbidden" : "Unauthorized", detail: detail);
        }
        if (conversationId is not null && !string.Equals(conversationId, check.Caller.ConversationId, StringComparison.Ordinal))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "The token is for another conversation.");
        }
        return null;
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Conversation not found", detail: "The conversation ended or expired; start a new one.");

    private static JsonHttpResult<ConversationResponse> Answer(IssuedToken token, int status = StatusCodes.Status200OK) =>
        TypedResults.Json(new ConversationResponse(token.ConversationId, token.Token, token.ExpiresIn), DirectLineJson.Default.ConversationResponse, statusCode: status);

    /// <summary>Writes <c>{"activities": [...], "watermark": "N"}</c> from the stored JSON without re-serializing it.</summary>
    private sealed class ActivitySetResult(ActivityPage page) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            httpContext.Response.Headers.CacheControl = "no-store";
            await using var writer = new Utf8JsonWriter(httpContext.Response.Body);
            writer.WriteStartObject();
            writer.WriteStartArray("activities");
            foreach (var activity in page.Activities)
            {
                writer.WriteRawValue(activity.Json, skipInputValidation: true);
            }
            writer.WriteEndArray();
            writer.WriteString("watermark", page.Watermark.ToString(CultureInfo.InvariantCulture));
            writer.WriteEndObject();
            await writer.FlushAsync(httpContext.RequestAborted);
        }
    }
}
