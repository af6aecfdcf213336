namespace ChatBot.Web.Telemetry;

/// <summary>
/// Counts refused requests at the edge of the pipeline (a startup filter, so no endpoint code changes): 401 and 403
/// answers of the channel endpoint and of Direct Line are authentication or authorization failures.
/// </summary>
internal sealed class AuthFailureCounting(ChatBotTelemetry telemetry) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            await nextMiddleware(context).ConfigureAwait(false);
            var status = context.Response.StatusCode;
            if (status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden)
            {
                telemetry.RecordAuthFailure(EndpointOf(context.Request.Path), status);
            }
        });
        next(app);
    };

    private static string EndpointOf(PathString path) =>
        path.StartsWithSegments("/api/messages") ? "messages"
        : path.StartsWithSegments("/v3/directline") ? "directline"
        : "other";
}
