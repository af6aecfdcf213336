using System.Net;
using System.Text.Json;
using ChatBot.Tests.Shared;
using ChatBot.Web.Tests.Infrastructure;

namespace ChatBot.Web.Tests.Scaling;

/// <summary>A bot host (the real one, through WebApplicationFactory) whose state lives in the given Redis, under one key prefix.</summary>
public sealed class ScaleOutHost : IAsyncDisposable
{
    private readonly ChatBotApp _app;

    public ScaleOutHost(RedisServer redis, string keyPrefix, IDictionary<string, string?>? settings = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Storage:Redis"] = redis.ConnectionString,
            ["Storage:RedisKeyPrefix"] = keyPrefix,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        _app = new ChatBotApp(all, services);
        Client = _app.CreateClient();
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Sends a message with expectReplies and returns the single answer; the HTTP status must be 200.</summary>
    public async Task<JsonElement> AskAsync(string conversationId, string text)
    {
        using var response = await Client.PostAsync("/api/messages", Activities.Json(Activities.Message(text, conversationId)));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await Activities.RepliesAsync(response)).ShouldHaveSingleItem();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
