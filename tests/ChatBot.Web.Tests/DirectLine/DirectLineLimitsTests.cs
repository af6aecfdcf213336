using System.Net;
using ChatBot.Web.Tests.Infrastructure;

namespace ChatBot.Web.Tests.DirectLine;

/// <summary>Per-conversation rate limits with 429 + Retry-After, and the bounds on conversations and their activities.</summary>
public sealed class DirectLineLimitsTests
{
    [Fact]
    public async Task Posting_faster_than_the_limit_gets_429_with_Retry_After_for_that_conversation_only()
    {
        await using var app = new ChatBotApp(new Dictionary<string, string?> { ["DirectLine:PostsPerMinute"] = "3" });
        var client = new DirectLineClient(app.CreateClient());
        var busy = await client.StartAsync();
        var other = await client.StartAsync();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 4; i++)
        {
            var response = await client.PostActivityAsync(busy.Token, busy.ConversationId, DirectLineClient.Message("hi"));
            statuses.Add(response.StatusCode);
            refused = response;
        }
        using var otherPost = await client.PostActivityAsync(other.Token, other.ConversationId, DirectLineClient.Message("hi"));

        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
        var retryAfter = int.Parse(refused!.Headers.GetValues("Retry-After").Single());
        retryAfter.ShouldBeInRange(1, 60);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        otherPost.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_refreshed_token_does_not_reset_the_conversations_limit()
    {
        await using var app = new ChatBotApp(new Dictionary<string, string?> { ["DirectLine:PostsPerMinute"] = "2" });
        var client = new DirectLineClient(app.CreateClient());
        var conversation = await client.StartAsync();
        for (var i = 0; i < 2; i++)
        {
            using var ok = await client.PostActivityAsync(conversation.Token, conversation.ConversationId, DirectLineClient.Message("hi"));
        }

        using var refresh = await client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Prefix}/tokens/refresh", conversation.Token);
        var refreshed = System.Text.Json.JsonDocument.Parse(await refresh.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
        using var after = await client.PostActivityAsync(refreshed, conversation.ConversationId, DirectLineClient.Message("hi"));

        after.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Generating_tokens_faster_than_the_limit_gets_429()
    {
        await using var app = new ChatBotApp(new Dictionary<string, string?> { ["DirectLine:TokensPerMinute"] = "2" });
        using var http = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await http.PostAsync($"{DirectLineClient.Prefix}/tokens/generate", null);
            statuses.Add(response.StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
    }

    [Fact]
    public async Task A_conversation_keeps_only_its_newest_activities_and_the_watermark_keeps_counting()
    {
        await using var app = new ChatBotApp(new Dictionary<string, string?> { ["DirectLine:MaxActivitiesPerConversation"] = "10" });
        var client = new DirectLineClient(app.CreateClient());
        var conversation = await client.StartAsync();
        for (var i = 0; i < 8; i++)
        {
            await client.SayAsync(conversation, $"Tell me about trade, question {i}");
        }

        var all = await client.PollAsync(conversation);

        all.Activities.Count.ShouldBe(10);
        var sequence = long.Parse(all.Watermark);
        sequence.ShouldBeGreaterThan(10);
        all.Activities[^1].GetProperty("id").GetString().ShouldEndWith("|" + sequence.ToString("D7"));
    }

    [Fact]
    public async Task Past_the_conversation_limit_the_least_recently_used_conversation_is_dropped()
    {
        await using var app = new ChatBotApp(new Dictionary<string, string?> { ["DirectLine:MaxConversations"] = "2" });
        var client = new DirectLineClient(app.CreateClient());
        var oldest = await client.StartAsync();
        var recent = await client.StartAsync();
        await client.PollAsync(recent);
        var newest = await client.StartAsync();

        using var dropped = await client.GetActivitiesAsync(oldest.Token, oldest.ConversationId);
        using var kept = await client.GetActivitiesAsync(recent.Token, recent.ConversationId);
        using var added = await client.GetActivitiesAsync(newest.Token, newest.ConversationId);

        dropped.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        kept.StatusCode.ShouldBe(HttpStatusCode.OK);
        added.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
