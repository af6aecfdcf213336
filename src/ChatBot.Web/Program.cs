using ChatBot.Web.Hosting;
using ChatBot.Web.Messages;
using Microsoft.Extensions.Options;

// The repo's appsettings.json is read once, in AddChatBot. The defaults would also watch it for changes, and that
// watcher is recursive over the content root (the repo root), where data/ (the curator's SQLite file) changes on
// every turn: ~5 % of the host's CPU under load went to file-change events nobody reads.
var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);
try
{
    builder.AddChatBot(args);
    builder.AddChatBotTelemetry(); // after AddChatBot: wraps the turn handler; OTLP export only when OTEL_EXPORTER_OTLP_ENDPOINT is set
    var app = builder.Build();
    app.UseChatBotErrorHandling();
    app.MapMessages();
    ChatBot.Web.Page.WebChatPage.UseWebChat(app); // security headers, the Web Chat page at /, Direct Line at /v3/directline
    ChatBot.Web.Curator.CuratorApi.MapCurator(app); // the review page, only when Curator:Key is set
    app.MapHealthChecks("/healthz");
    app.Start();
    try
    {
        // The intent model has been loading on a worker since registration; wait for it here, so an intent model, word
        // vectors or dialogs/ that cannot be used stop the host with one line instead of failing every turn.
        app.Services.GetRequiredService<ChatBot.Core.Bot.IBot>();
    }
    catch
    {
        app.StopAsync().GetAwaiter().GetResult();
        throw;
    }
    app.WaitForShutdown();
    return 0;
}
catch (Exception ex) when (ex is OptionsValidationException or DirectoryNotFoundException or ChatBot.Core.ChatBotDataException
    or ChatBot.Core.Intents.IntentModelException or ChatBot.Core.Intents.DialogDataException or ChatBot.Core.Knowledge.AnswerModelException)
{
    // A bad setting or missing data stops the host with one clear line, not a stack trace.
    Console.Error.WriteLine($"chatbot: cannot start: {ex.Message}");
    return 2;
}

/// <summary>The web host's entry point; public so tests can start it with WebApplicationFactory.</summary>
public partial class Program;
