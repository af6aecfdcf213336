namespace ChatBot.Web.Hosting;

/// <summary>The last line of defence: anything unhandled becomes a problem+json answer without a stack trace.</summary>
public static class ErrorHandling
{
    public static WebApplication UseChatBotErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                ChatBot.Core.Dialogs.StorageUnavailableException => StatusCodes.Status503ServiceUnavailable,
                // A client that hung up sees no answer at all; a cancellation inside the turn (a store or a
                // connection giving up under load) is a retryable outage, not the client's fault.
                OperationCanceledException => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            },
            // An unavailable store is an outage, not a bug: one warning line per request instead of a stack trace each.
            SuppressDiagnosticsCallback = context =>
            {
                if (context.Exception is not ChatBot.Core.Dialogs.StorageUnavailableException unavailable)
                {
                    return false;
                }
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ErrorHandling).FullName!)
                    .LogWarning("Answered 503 to {Method} {Path}: {Reason}", context.HttpContext.Request.Method, context.HttpContext.Request.Path, unavailable.Message);
                return true;
            },
        });
        app.UseStatusCodePages();
        return app;
    }
}
