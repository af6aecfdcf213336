using System.Net;
using ChatBot.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Web.Tests.DirectLine;

/// <summary>Token lifetime and refresh on the host's own clock (protocol doc §4, §7): refused with 403 the moment it expires.</summary>
public sealed class DirectLineExpiryTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new();
    private ChatBotApp _app = null!;
    private DirectLineClient _client = null!;

    public Task InitializeAsync()
    {
        _app = new ChatBotApp(new Dictionary<string, string?> { ["DirectLine:TokenLifetimeSeconds"] = "600" },
            services => services.AddSingleton<TimeProvider>(_clock));
        _client = new DirectLineClient(_app.CreateClient());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Http.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task The_lifetime_is_the_setting_and_the_token_is_refused_from_the_second_it_expires()
    {
        var conversation = await _client.StartAsync();
        conversation.ExpiresIn.ShouldBe(600);

        _clock.Advance(TimeSpan.FromSeconds(599));
        using var justBefore = await _client.GetActivitiesAsync(conversation.Token, conversation.ConversationId);
        _clock.Advance(TimeSpan.FromSeconds(1));
        using var atExpiry = await _client.GetActivitiesAsync(conversation.Token, conversation.ConversationId);
        using var post = await _client.PostActivityAsync(conversation.Token, conversation.ConversationId, DirectLineClient.Message("hi"));

        justBefore.StatusCode.ShouldBe(HttpStatusCode.OK);
        atExpiry.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Refresh_gives_a_new_token_for_the_same_conversation_that_outlives_the_old_one()
    {
        var conversation = await _client.StartAsync();
        _clock.Advance(TimeSpan.FromSeconds(500));

        using var refresh = await _client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Prefix}/tokens/refresh", conversation.Token);
        refresh.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var body = System.Text.Json.JsonDocument.Parse(await refresh.Content.ReadAsStringAsync());
        var refreshed = body.RootElement.GetProperty("token").GetString()!;
        body.RootElement.GetProperty("conversationId").GetString().ShouldBe(conversation.ConversationId);
        body.RootElement.GetProperty("expires_in").GetInt32().ShouldBe(600);
        DirectLineClient.Claims(refreshed).GetProperty("user").GetString().ShouldBe(DirectLineClient.Claims(conversation.Token).GetProperty("user").GetString());

        _clock.Advance(TimeSpan.FromSeconds(200));
        using var old = await _client.GetActivitiesAsync(conversation.Token, conversation.ConversationId);
        using var fresh = await _client.GetActivitiesAsync(refreshed, conversation.ConversationId);

        old.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        fresh.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Each_refresh_in_the_same_second_gives_a_new_token_and_every_one_works_until_its_own_expiry()
    {
        var conversation = await _client.StartAsync();
        _clock.Advance(TimeSpan.FromSeconds(300));

        var first = await RefreshAsync(conversation.Token);
        var second = await RefreshAsync(conversation.Token); // the clock has not moved: same conversation, user and expiry
        new[] { conversation.Token, first, second }.Distinct().Count().ShouldBe(3);
        DirectLineClient.Claims(first).GetProperty("exp").GetInt64().ShouldBe(DirectLineClient.Claims(second).GetProperty("exp").GetInt64());

        _clock.Advance(TimeSpan.FromSeconds(299)); // one second before the original token's expiry
        foreach (var token in new[] { conversation.Token, first, second })
        {
            using var poll = await _client.GetActivitiesAsync(token, conversation.ConversationId);
            poll.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        _clock.Advance(TimeSpan.FromSeconds(1));
        using (var original = await _client.GetActivitiesAsync(conversation.Token, conversation.ConversationId))
        {
            original.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        _clock.Advance(TimeSpan.FromSeconds(299)); // the refreshed ones: one second before theirs
        using (var stillGood = await _client.PostActivityAsync(second, conversation.ConversationId, DirectLineClient.Message("hi")))
        {
            stillGood.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        using (var stillGood = await _client.GetActivitiesAsync(first, conversation.ConversationId))
        {
            stillGood.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        _clock.Advance(TimeSpan.FromSeconds(1));
        using var expired = await _client.GetActivitiesAsync(first, conversation.ConversationId);
        expired.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private async Task<string> RefreshAsync(string token)
    {
        using var refresh = await _client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Prefix}/tokens/refresh", token);
        refresh.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var body = System.Text.Json.JsonDocument.Parse(await refresh.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("token").GetString()!;
    }

    [Fact]
    public async Task An_expired_token_cannot_be_refreshed()
    {
        var conversation = await _client.StartAsync();
        _clock.Advance(TimeSpan.FromSeconds(600));

        using var refresh = await _client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Prefix}/tokens/refresh", conversation.Token);

        refresh.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_conversation_nobody_used_for_the_idle_time_expires()
    {
        var conversation = await _client.StartAsync();
        // Fresh tokens for the same conversation, so only the conversation's idle time is at stake.
        var tokens = _app.Services.GetRequiredService<ChatBot.Web.DirectLine.DirectLineTokens>();
        var user = DirectLineClient.Claims(conversation.Token).GetProperty("user").GetString()!;

        _clock.Advance(TimeSpan.FromMinutes(59));
        using var stillThere = await _client.GetActivitiesAsync(tokens.Issue(conversation.ConversationId, user).Token, conversation.ConversationId);
        _clock.Advance(TimeSpan.FromMinutes(61));
        using var gone = await _client.GetActivitiesAsync(tokens.Issue(conversation.ConversationId, user).Token, conversation.ConversationId);

        stillThere.StatusCode.ShouldBe(HttpStatusCode.OK);
        gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
