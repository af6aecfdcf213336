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
