using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ChatBot.Core.Curation;
using ChatBot.Web.Tests.Infrastructure;
using ChatBot.Web.Tests.Scaling;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Web.Tests.Curator;

/// <summary>Two instances on one Redis write their curator events to one place: either page shows every event, none lost.</summary>
public sealed class CuratorAcrossInstancesTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const string Key = "curator-key-for-scale-out-0123456789";

    [Fact]
    public async Task Events_recorded_by_two_hosts_on_one_Redis_all_show_on_one_page()
    {
        var prefix = $"curator-{Guid.NewGuid():N}:";
        var settings = new Dictionary<string, string?> { ["Curator:Key"] = Key };
        await using var first = new ScaleOutHost(redis.Server, prefix, settings);
        await using var second = new ScaleOutHost(redis.Server, prefix, settings);
        first.Services.GetRequiredService<ICuratorStore>().ShouldBeOfType<RedisCuratorStore>();

        // An answer given by the first host, disliked through the second: the answer is found across instances.
        using var asked = await first.Client.PostAsync("/api/messages", Activities.Json(Activities.Message(
            "When were diplomatic relations between Kazakhstan and Korea established?", "teams-scale", channelId: "msteams")));
        var answerId = (await Activities.RepliesAsync(asked)).Last().GetProperty("id").GetString()!;
        var invoke = Activities.Base("invoke", "teams-scale", "http://127.0.0.1:1/", "msteams");
        invoke["name"] = "message/submitAction";
        invoke["replyToId"] = answerId;
        invoke["value"] = new JsonObject { ["actionName"] = "feedback", ["actionValue"] = new JsonObject { ["reaction"] = "dislike", ["feedback"] = """{"feedbackText":"asked on one, rated on the other"}""" } };
        (await second.Client.PostAsync("/api/messages", Activities.Json(invoke))).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Refusals written by both hosts at once.
        const int PerHost = 10;
        await Task.WhenAll(Enumerable.Range(0, PerHost).SelectMany(i => new[]
        {
            first.AskAsync($"first-{i}", $"what is the price of tea number {i} on the moon"),
            second.AskAsync($"second-{i}", $"what is the price of tea number {i} on the moon"),
        }));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/curator");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        using var response = await first.Client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync();
        page.ShouldContain("asked on one, rated on the other");
        page.ShouldContain("When were diplomatic relations between Kazakhstan and Korea established?");
        var events = await second.Services.GetRequiredService<ICuratorStore>().ReadAsync(CancellationToken.None);
        events.Count(e => e.Kind == CuratorEventKind.Refusal && e.Question.Contains("price of tea", StringComparison.Ordinal)).ShouldBe(2 * PerHost);
        page.ShouldContain($"{2 * PerHost} ×</span>");
    }
}
