using ChatBot.Web.DirectLine;
using ChatBot.Web.Scaling;
using ChatBot.Web.Tests.DirectLine;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Web.Tests.Scaling;

/// <summary>A Web Chat page behind a load balancer: its token, posts and polls may each land on a different instance.</summary>
public sealed class DirectLineAcrossInstancesTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private readonly string _prefix = $"dl-hosts-{Guid.NewGuid():N}:";

    [Fact]
    public async Task A_conversation_started_on_one_instance_continues_on_the_other()
    {
        await using var first = new ScaleOutHost(redis.Server, _prefix);
        await using var second = new ScaleOutHost(redis.Server, _prefix);
        var onFirst = new DirectLineClient(first.Client);
        var onSecond = new DirectLineClient(second.Client);

        var conversation = await onFirst.StartAsync();
        await onSecond.SayAsync(conversation, "What was the trade volume between Kazakhstan and Korea in 2019?");
        var seenByFirst = await onFirst.PollAsync(conversation);

        second.Services.GetRequiredService<IDirectLineStore>().ShouldBeOfType<RedisDirectLineStore>();
        seenByFirst.Activities.Count(a => a.IsBotMessage()).ShouldBe(2); // the welcome from the first, the answer from the second
        var answer = seenByFirst.Activities.Last().GetProperty("text").GetString()!;
        answer.ShouldContain("4.2 billion");
        answer.ShouldContain("004_88d1abdf5696108c.txt");
    }
}
