using System.Net;
using ChatBot.Web.Tests.Infrastructure;

namespace ChatBot.Web.Tests.Scaling;

/// <summary>When Redis dies mid-conversation the user hears that the bot lost the thread, never a server error, and the bot recovers.</summary>
public sealed class RedisOutageTests(RedisServerFixture fixture) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task When_redis_dies_mid_conversation_the_bot_says_it_lost_the_thread_and_recovers_when_redis_is_back()
    {
        var redis = fixture.Server; // this class's own server: the test kills it and starts it again
        await using var host = new ScaleOutHost(redis, "outage:");
        (await host.AskAsync("conv-outage", "Which president visited Korea in 2021?")).Text().ShouldContain("Tokayev");

        redis.Kill();
        var duringOutage = await host.AskAsync("conv-outage", "and in 2010?"); // 200 is asserted inside AskAsync

        duringOutage.Text().ShouldContain("lost the thread", Case.Insensitive);
        using (var health = await host.Client.GetAsync("/healthz"))
        {
            health.StatusCode.ShouldBe(HttpStatusCode.OK); // degraded, not out of rotation: every instance shares this Redis
            (await health.Content.ReadAsStringAsync()).ShouldBe("Degraded");
        }

        await redis.StartAgainAsync();
        var afterOutage = await EventuallyAnsweredAsync(host, "conv-outage", "Which president visited Korea in 2021?");
        afterOutage.ShouldContain("Tokayev");
        (await host.AskAsync("conv-outage", "and in 2010?")).Text().ShouldContain("Nazarbayev"); // follow-ups work again
    }

    [Fact]
    public async Task While_redis_is_down_direct_line_answers_503_with_retry_after_and_works_again_when_it_is_back()
    {
        await using var redis = await fixture.StartAnotherAsync();
        await using var host = new ScaleOutHost(redis, "outage-dl:");
        var client = new ChatBot.Web.Tests.DirectLine.DirectLineClient(host.Client);
        var conversation = await client.StartAsync();

        redis.Kill();
        using (var poll = await client.GetActivitiesAsync(conversation.Token, conversation.ConversationId))
        {
            poll.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            poll.Headers.GetValues("Retry-After").Single().ShouldBe("2");
            var body = await poll.Content.ReadAsStringAsync();
            body.ShouldContain("try again in a few seconds");
            body.ShouldNotContain("   at ");
        }

        await redis.StartAgainAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode status;
        do
        {
            using var again = await client.PostActivityAsync(conversation.Token, conversation.ConversationId, ChatBot.Web.Tests.DirectLine.DirectLineClient.Message("hi"));
            status = again.StatusCode;
            if (status == HttpStatusCode.ServiceUnavailable)
            {
                await Task.Delay(200); // the connection comes back within a few seconds
            }
        }
        while (status == HttpStatusCode.ServiceUnavailable && DateTime.UtcNow < deadline);
        status.ShouldBe(HttpStatusCode.NotFound); // a Redis without persistence restarts empty: the page starts a new conversation
    }

    /// <summary>Asks until the answer is no longer "lost the thread" (the client reconnects within a few seconds), at most 30 s.</summary>
    private static async Task<string> EventuallyAnsweredAsync(ScaleOutHost host, string conversationId, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var answer = (await host.AskAsync(conversationId, text)).Text();
            if (!answer.Contains("lost the thread", StringComparison.OrdinalIgnoreCase) || DateTime.UtcNow > deadline)
            {
                return answer;
            }
            await Task.Delay(200);
        }
    }
}
