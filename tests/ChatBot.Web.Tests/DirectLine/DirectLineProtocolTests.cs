using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Web.Tests.Infrastructure;

namespace ChatBot.Web.Tests.DirectLine;

/// <summary>Direct Line as Web Chat uses it (protocol doc §4): token, start, post, poll with a watermark.</summary>
public sealed class DirectLineProtocolTests(DirectLineAppFixture fixture) : IClassFixture<DirectLineAppFixture>
{
    private DirectLineClient Client => fixture.Client;

    [Fact]
    public async Task A_generated_token_is_bound_to_a_new_conversation_and_a_dl_user_that_Web_Chat_can_read()
    {
        var first = await Client.GenerateTokenAsync();
        var second = await Client.GenerateTokenAsync();

        first.ExpiresIn.ShouldBe(1800);
        first.ConversationId.ShouldNotBe(second.ConversationId);
        var claims = DirectLineClient.Claims(first.Token);
        claims.GetProperty("conv").GetString().ShouldBe(first.ConversationId);
        claims.GetProperty("user").GetString()!.ShouldStartWith("dl_");
        DirectLineClient.Claims(second.Token).GetProperty("user").GetString().ShouldNotBe(claims.GetProperty("user").GetString());
    }

    [Fact]
    public async Task Starting_a_conversation_brings_the_welcome_once()
    {
        var conversation = await Client.StartAsync();
        using var again = await Client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Prefix}/conversations", conversation.Token, Activities.Json("{}"));

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var polled = await Client.PollAsync(conversation);
        var welcome = polled.Activities.ShouldHaveSingleItem();
        welcome.IsBotMessage().ShouldBeTrue();
        welcome.GetProperty("text").GetString()!.ShouldContain("Kazakhstan");
        welcome.GetProperty("suggestedActions").GetProperty("actions").GetArrayLength().ShouldBeGreaterThan(0);
        welcome.GetProperty("recipient").GetProperty("id").GetString().ShouldBe(DirectLineClient.Claims(conversation.Token).GetProperty("user").GetString());
    }

    [Fact]
    public async Task A_message_is_echoed_with_its_clientActivityID_and_then_answered_with_a_citation()
    {
        var conversation = await Client.StartAsync();
        var welcome = await Client.PollAsync(conversation);

        var id = await Client.SayAsync(conversation, "When were diplomatic relations between Kazakhstan and Korea established?", clientActivityId: "client-42");
        var polled = await Client.PollAsync(conversation, welcome.Watermark);

        var echo = polled.Activities[0];
        echo.GetProperty("id").GetString().ShouldBe(id);
        echo.Role().ShouldBe("user");
        echo.GetProperty("channelData").GetProperty("clientActivityID").GetString().ShouldBe("client-42");
        var answer = polled.Activities.Single(a => a.IsBotMessage());
        answer.GetProperty("replyToId").GetString().ShouldBe(id);
        answer.GetProperty("text").GetString()!.ShouldContain("1992");
        // Web Chat lists the sources from the reference definitions; a "Source:" line would show them twice.
        answer.GetProperty("text").GetString()!.ShouldMatch(@"\[1\]: cite:1 ""\d{3}_[0-9a-f]{16}\.txt, lines? \d+");
        answer.GetProperty("text").GetString()!.ShouldNotContain("Source:");
        var citation = answer.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "https://schema.org/Message");
        citation.GetProperty("citation")[0].GetProperty("appearance").GetProperty("text").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task The_watermark_returns_only_what_came_after_it()
    {
        var conversation = await Client.StartAsync();
        var first = await Client.PollAsync(conversation);
        var nothingNew = await Client.PollAsync(conversation, first.Watermark);

        await Client.SayAsync(conversation, "How much has Korea invested in Kazakhstan?");
        var next = await Client.PollAsync(conversation, first.Watermark);
        var fromStart = await Client.PollAsync(conversation);

        nothingNew.Activities.ShouldBeEmpty();
        nothingNew.Watermark.ShouldBe(first.Watermark);
        next.Activities.ShouldNotBeEmpty();
        long.Parse(next.Watermark).ShouldBeGreaterThan(long.Parse(first.Watermark));
        fromStart.Activities.Count.ShouldBe(first.Activities.Count + next.Activities.Count);
    }

    [Fact]
    public async Task The_poster_speaks_as_the_user_bound_in_the_token_whatever_from_it_claims()
    {
        var conversation = await Client.StartAsync();
        var boundUser = DirectLineClient.Claims(conversation.Token).GetProperty("user").GetString();
        var impostor = DirectLineClient.Message("hello");
        impostor["from"] = new JsonObject { ["id"] = "kzkr-bot", ["name"] = "The Bot", ["role"] = "bot" };

        using var response = await Client.PostActivityAsync(conversation.Token, conversation.ConversationId, impostor);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);

        var echo = (await Client.PollAsync(conversation)).Activities.Single(a => a.Role() == "user");
        echo.FromId().ShouldBe(boundUser);
        echo.GetProperty("channelId").GetString().ShouldBe("directline");
    }

    [Theory]
    [InlineData("conversationUpdate")]
    [InlineData("invoke")]
    [InlineData("endOfConversation")]
    [InlineData("installationUpdate")]
    [InlineData("messageReaction")]
    public async Task A_client_may_not_post_activities_only_the_channel_sends(string type)
    {
        var conversation = await Client.StartAsync();
        var activity = DirectLineClient.Message("x");
        activity["type"] = type;
        activity["name"] = "healthCheck";
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "someone" });

        using var response = await Client.PostActivityAsync(conversation.Token, conversation.ConversationId, activity);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Theory]
    [InlineData("typing", null)]
    [InlineData("event", "webchat/join")]
    public async Task A_client_may_post_typing_and_named_events(string type, string? name)
    {
        var conversation = await Client.StartAsync();
        var activity = new JsonObject { ["type"] = type, ["name"] = name };

        using var response = await Client.PostActivityAsync(conversation.Token, conversation.ConversationId, activity);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"message\"")]
    [InlineData("{\"type\":5}")]
    [InlineData("")]
    public async Task A_body_that_is_not_an_activity_is_a_400(string body)
    {
        var conversation = await Client.StartAsync();

        using var response = await Client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Prefix}/conversations/{conversation.ConversationId}/activities", conversation.Token, Activities.Json(body));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_activity_that_is_not_json_is_a_415()
    {
        var conversation = await Client.StartAsync();

        using var response = await Client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Prefix}/conversations/{conversation.ConversationId}/activities", conversation.Token, new StringContent("type=message"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_oversize_activity_is_a_413_with_or_without_content_length(bool chunked)
    {
        var conversation = await Client.StartAsync();
        var json = DirectLineClient.Message(new string('x', 40_000)).ToJsonString();
        HttpContent content = chunked ? new StreamContent(new NonSeekableStream(System.Text.Encoding.UTF8.GetBytes(json))) : Activities.Json(json);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await Client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Prefix}/conversations/{conversation.ConversationId}/activities", conversation.Token, content);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1e3")]
    [InlineData("99999999999999999999999")]
    [InlineData("0x10")]
    [InlineData("1 ")]
    public async Task A_watermark_that_is_not_a_number_is_a_400(string watermark)
    {
        var conversation = await Client.StartAsync();

        using var response = await Client.GetActivitiesAsync(conversation.Token, conversation.ConversationId, watermark);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_watermark_from_the_future_resynchronizes_instead_of_skipping()
    {
        var conversation = await Client.StartAsync();
        var future = await Client.PollAsync(conversation, "1000");

        future.Activities.ShouldBeEmpty();
        future.Watermark.ShouldBe("1");
    }

    [Fact]
    public async Task A_conversation_that_was_never_started_is_a_404()
    {
        var generated = await Client.GenerateTokenAsync();

        using var poll = await Client.GetActivitiesAsync(generated.Token, generated.ConversationId);
        using var post = await Client.PostActivityAsync(generated.Token, generated.ConversationId, DirectLineClient.Message("hi"));

        poll.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        post.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reconnecting_to_a_conversation_gives_a_fresh_token_for_it()
    {
        var conversation = await Client.StartAsync();

        using var response = await Client.SendAsync(HttpMethod.Get, $"{DirectLineClient.Prefix}/conversations/{conversation.ConversationId}?watermark=1", conversation.Token);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("conversationId").GetString().ShouldBe(conversation.ConversationId);
        DirectLineClient.Claims(body.RootElement.GetProperty("token").GetString()!).GetProperty("conv").GetString().ShouldBe(conversation.ConversationId);
    }

    /// <summary>Makes HttpClient send the body chunked, without a Content-Length.</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
