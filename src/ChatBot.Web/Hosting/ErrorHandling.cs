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
                OperationCanceledException => StatusCodes.Status400BadRequest,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseStatusCodePages();
        return app;
    }
}
