using System.Net;
using ChatBot.Core;
using ChatBot.Core.Dialogs;
using ChatBot.Web.Scaling;
using ChatBot.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace ChatBot.Web.Tests.Scaling;

/// <summary>Two bot instances on one Redis behave as one bot: any instance can serve any turn.</summary>
public sealed class ScaleOutTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private readonly string _prefix = $"scale-{Guid.NewGuid():N}:";

    [Fact]
    public async Task Without_Storage_Redis_conversation_state_stays_in_memory()
    {
        await using var app = new ChatBotApp();

        app.Services.GetRequiredService<IStorage>().ShouldBeOfType<MemoryStorage>();
    }

    [Fact]
    public async Task With_Storage_Redis_conversation_state_is_written_to_redis_with_the_idle_expiry()
    {
        await using var host = new ScaleOutHost(redis.Server, _prefix);

        using var response = await host.Client.PostAsync("/api/messages", Activities.Json(Activities.ConversationUpdate("conv-redis")));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        host.Services.GetRequiredService<IStorage>().ShouldBeOfType<RedisStorage>();
        var ttl = await Redis().KeyTimeToLiveAsync(_prefix + ConversationStateStore.Key("conv-redis"));
        ttl.ShouldNotBeNull("the conversation state (with its welcome mark) is not in Redis under the configured prefix");
        ttl.Value.ShouldBeInRange(TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30)); // Storage:Memory:IdleExpiry, 30 min by default
    }

    [Fact]
    public async Task A_conversation_welcomed_by_one_instance_is_not_welcomed_again_by_the_other()
    {
        await using var first = new ScaleOutHost(redis.Server, _prefix);
        await using var second = new ScaleOutHost(redis.Server, _prefix);

        using var onFirst = await first.Client.PostAsync("/api/messages", Activities.Json(Activities.ConversationUpdate("conv-welcome")));
        using var onSecond = await second.Client.PostAsync("/api/messages", Activities.Json(Activities.ConversationUpdate("conv-welcome")));

        (await Activities.RepliesAsync(onFirst)).ShouldHaveSingleItem().Text().ShouldContain("Kazakhstan");
        (await Activities.RepliesAsync(onSecond)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_follow_up_asked_on_the_other_instance_is_answered_in_context()
    {
        await using var first = new ScaleOutHost(redis.Server, _prefix);
        await using var second = new ScaleOutHost(redis.Server, _prefix);

        var question = await first.AskAsync("conv-trade", "What was the trade volume between Kazakhstan and Korea in 2011?");
        var followUp = await second.AskAsync("conv-trade", "and in 2019?");

        question.Text().ShouldContain("591 million");
        followUp.Text().ShouldContain("4.2 billion");
        followUp.Text().ShouldContain("004_88d1abdf5696108c.txt"); // the seed that states the 2019 record
    }

    [Fact]
    public async Task The_context_of_a_follow_up_comes_from_the_instance_that_answered_the_question()
    {
        await using var first = new ScaleOutHost(redis.Server, _prefix);
        await using var second = new ScaleOutHost(redis.Server, _prefix);

        (await first.AskAsync("conv-visits", "Which president visited Korea in 2021?")).Text().ShouldContain("Tokayev");
        var followUp = await second.AskAsync("conv-visits", "and in 2010?");
        var withoutContext = await second.AskAsync("conv-visits-fresh", "and in 2010?");

        // About visits, 2010 is Nazarbayev's state visit; with no question before it, the same words mean something else.
        followUp.Text().ShouldContain("Nazarbayev");
        followUp.Text().ShouldContain("state visit");
        withoutContext.Text().ShouldNotContain("state visit");
    }

    [Fact]
    public async Task Two_instances_share_the_data_protection_key_ring()
    {
        await using var first = new ScaleOutHost(redis.Server, _prefix);
        await using var second = new ScaleOutHost(redis.Server, _prefix);

        var secret = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("conversation conv-1");
        var opened = second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(secret);

        opened.ShouldBe("conversation conv-1");
        (await Redis().KeyExistsAsync(_prefix + ScaleOutExtensions.DataProtectionKey)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_bad_Storage_Redis_setting_stops_the_host_with_a_clear_message()
    {
        var message = await HostProcess.StopsWithOneLineAsync(new Dictionary<string, string> { ["Storage__Redis"] = "redis://" });
        message.ShouldContain("Storage:Redis");
    }

    private IDatabase Redis() => ConnectionMultiplexer.Connect(redis.Server.ConnectionString).GetDatabase();
}
