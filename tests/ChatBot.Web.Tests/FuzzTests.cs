using System.Net;
using System.Text.Json;
using ChatBot.Tests.Shared;
using ChatBot.Web.Tests.DirectLine;
using ChatBot.Web.Tests.Infrastructure;

namespace ChatBot.Web.Tests;

/// <summary>
/// A quick slice of the fuzz run in bench/ChatBot.Soak (the same generator, tests/Shared/FuzzCases.cs): thousands of
/// hostile requests to /api/messages and the Direct Line endpoints, never a 5xx, and the host still answers correctly.
/// </summary>
public sealed class FuzzTests : IAsyncLifetime
{
    private const int Requests = 2_400;

    // Limits out of the way, so the generated requests reach the endpoints instead of the limiter's 429.
    private readonly ChatBotApp _app = new(new Dictionary<string, string?>
    {
        ["DirectLine:PostsPerMinute"] = "100000",
        ["DirectLine:ReadsPerMinute"] = "100000",
        ["DirectLine:TokensPerMinute"] = "100000",
    });

    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Generated_hostile_requests_never_get_a_server_error_and_the_host_still_answers()
    {
        var directLine = new DirectLineClient(_client);
        var started = await directLine.StartAsync();
        var conversation = new FuzzConversation(started.ConversationId, started.Token);
        var random = new Random(20261204);
        var statuses = new Dictionary<int, int>();

        for (var i = 0; i < Requests; i++)
        {
            var generated = FuzzCases.Next(random, i, conversation, nulInPaths: false);
            using var request = generated.ToHttpRequest();
            using var response = await _client.SendAsync(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            generated.IsServerError(status).ShouldBeFalse($"request #{i} ({generated.Kind} {generated.Method} {generated.Path[..Math.Min(80, generated.Path.Length)]}) got {status}; headers: {string.Join(" | ", generated.Headers.Select(h => h.Key + ": " + h.Value[..Math.Min(120, h.Value.Length)]))}");
            if (status >= 400 && generated.Method != HttpMethod.Head)
            {
                (await response.Content.ReadAsStringAsync()).ShouldNotContain("   at ", customMessage: $"request #{i} ({generated.Kind}) leaked a stack trace");
            }
        }

        statuses.Keys.ShouldContain(200);
        statuses.Keys.ShouldContain(400);
        statuses.Keys.ShouldContain(401);
        statuses.Keys.ShouldContain(403);
        statuses.Keys.ShouldContain(413);
        var after = await _client.PostAsync("/api/messages", Activities.Json(Activities.Message("when were diplomatic ties established", "fuzz-after")));
        after.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Activities.RepliesAsync(after)).Single().Text().ShouldContain("1992");
        var fresh = await directLine.StartAsync();
        await directLine.SayAsync(fresh, "What was the trade volume between Kazakhstan and Korea in 2019?");
        var page = await directLine.PollAsync(fresh);
        page.Activities.Last().GetProperty("text").GetString().ShouldNotBeNull().ShouldContain("4.2 billion");
    }
}
