using System.Text.Json;
using ChatBot.Core.Protocol;
using ChatBot.Web.Auth;
using ChatBot.Web.Hosting;
using Microsoft.Extensions.Options;

namespace ChatBot.Web.Messages;

/// <summary>The channel-to-bot endpoint, <c>POST /api/messages</c>.</summary>
public static class MessagesApi
{
    public static IEndpointRouteBuilder MapMessages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", HandleAsync);
        app.MapMethods("/api/messages", ["GET", "PUT", "DELETE", "PATCH"], () =>
            Results.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed", detail: "Activities are POSTed to /api/messages."));
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http,
        BotFrameworkAuthentication auth,
        BotFrameworkHttpAdapter adapter,
        IOptions<BotFrameworkOptions> options,
        ILoggerFactory loggers)
    {
        var cancellationToken = http.RequestAborted;
        var logger = loggers.CreateLogger(typeof(MessagesApi).FullName!);
        var authorization = http.Request.Headers.Authorization.ToString();
        if (auth.PrecheckHeader(authorization) is { } early)
        {
            return Unauthorized(logger, early.Failure);
        }

        var read = await ActivityRequestReader.ReadAsync(http.Request, options.Value.MaxBodyBytes, cancellationToken);
        if (read.Problem is not null)
        {
            return read.Problem;
        }
        var activity = read.Activity!;
        if (ActivityValidator.Validate(activity) is { } invalid)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid activity", detail: invalid);
        }

        var authResult = await auth.AuthenticateAsync(authorization, activity, cancellationToken);
        if (!authResult.IsAuthenticated)
        {
            return Unauthorized(logger, authResult.Failure);
        }

        var outcome = await adapter.ProcessActivityAsync(activity, cancellationToken);
        if (activity.Type == ActivityTypes.Invoke)
        {
            var invoke = outcome.InvokeResponse ?? new InvokeResponse(501, null);
            // As the SDK's adapter does: a body when the handler gave one, else the status alone (Teams' feedback
            // submitAction expects 200 with an empty body).
            return invoke.Body is { } body
                ? Results.Json(body, ProtocolJson.Default.JsonElement, statusCode: invoke.Status)
                : Results.StatusCode(invoke.Status);
        }
        if (activity.DeliveryMode == DeliveryModes.ExpectReplies)
        {
            return Results.Json(new ExpectedReplies { Activities = [.. outcome.Replies] }, ProtocolJson.Default.ExpectedReplies);
        }
        return Results.Ok();
    }


    private static IResult Unauthorized(ILogger logger, string? reason)
    {
        logger.LogWarning("Refused an activity: {Reason}", reason);
        return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
            detail: "The request is not authorized for this bot.");
    }
}
