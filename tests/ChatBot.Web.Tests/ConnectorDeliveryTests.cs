using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ChatBot.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace ChatBot.Web.Tests;

/// <summary>Normal delivery: the bot answers the channel at once and POSTs its replies to the Connector path.</summary>
public sealed class ConnectorDeliveryTests(WebAppFixture fixture) : IClassFixture<WebAppFixture>
{
    [Theory]
    [InlineData("conv-plain", "")]
    [InlineData("19:abc@thread.tacv2;messageid=1", "/")]
    public async Task Replies_are_posted_to_the_connector_path_of_the_conversation(string conversationId, string trailing)
    {
        await using var connector = await LoopbackServer.StartAsync(context =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync("{\"id\":\"stored-1\"}");
        });
        var activity = Activities.Message("what was the trade volume in 2019", conversationId, connector.BaseUrl + trailing, expectReplies: false);
        var activityId = activity["id"]!.GetValue<string>();

        var response = await fixture.Client.PostAsync("/api/messages", Activities.Json(activity));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await connector.WaitForRequestsAsync(2, TimeSpan.FromSeconds(10))).ShouldBeTrue();
        var received = connector.Requests.ToArray();
        var expectedPath = $"/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{activityId}";
        received.ShouldAllBe(r => r.Method == "POST" && r.RawPath == expectedPath);
        JsonDocument.Parse(received[0].Body).RootElement.GetProperty("type").GetString().ShouldBe("typing");
        var message = JsonDocument.Parse(received[1].Body).RootElement;
        message.GetProperty("type").GetString().ShouldBe("message");
        message.GetProperty("text").GetString()!.ShouldContain("4.2 billion");
        message.GetProperty("text").GetString()!.ShouldMatch(@"Sources?: \d{3}_[0-9a-f]{16}\.txt, lines? \d+");
        received[1].Authorization.ShouldBeNullOrEmpty();
    }

    [Fact]
    public async Task A_failing_connector_is_retried_a_bounded_number_of_times_and_the_host_stays_healthy()
    {
        await using var connector = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        });

        var response = await fixture.Client.PostAsync("/api/messages",
            Activities.Json(Activities.Message("hello", "conv-500", connector.BaseUrl, expectReplies: false)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await connector.WaitForRequestsAsync(3, TimeSpan.FromSeconds(15))).ShouldBeTrue(); // the first try and 2 retries
        (await fixture.Client.GetAsync("/healthz")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_hanging_connector_does_not_hold_the_channels_request()
    {
        var release = new TaskCompletionSource();
        await using var connector = await LoopbackServer.StartAsync(async context =>
        {
            await Task.WhenAny(release.Task, Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted));
        });
        try
        {
            var stopwatch = Stopwatch.StartNew();
            var response = await fixture.Client.PostAsync("/api/messages",
                Activities.Json(Activities.Message("hello", "conv-hang", connector.BaseUrl, expectReplies: false)));
            stopwatch.Stop();

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
            (await connector.WaitForRequestsAsync(1, TimeSpan.FromSeconds(10))).ShouldBeTrue();
            (await fixture.Client.GetAsync("/healthz")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            release.TrySetResult();
        }
    }

    [Fact]
    public async Task A_connector_that_resets_the_connection_leaves_the_host_answering()
    {
        await using var connector = await LoopbackServer.StartAsync(context =>
        {
            context.Abort();
            return Task.CompletedTask;
        });

        var response = await fixture.Client.PostAsync("/api/messages",
            Activities.Json(Activities.Message("hello", "conv-reset", connector.BaseUrl, expectReplies: false)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await connector.WaitForRequestsAsync(1, TimeSpan.FromSeconds(10))).ShouldBeTrue();
        var next = await fixture.Client.PostAsync("/api/messages", Activities.Json(Activities.Message("when were diplomatic ties established")));
        (await Activities.RepliesAsync(next)).Single().Text().ShouldContain("1992");
    }
}
