using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Web.Tests.Infrastructure;

namespace ChatBot.Web.Tests;

/// <summary>POST /api/messages as the Emulator and channels use it (protocol doc §2, §5, §6).</summary>
public sealed class MessagesProtocolTests(WebAppFixture fixture) : IClassFixture<WebAppFixture>
{
    private static string NewConversation() => "conv-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task ExpectReplies_returns_the_cited_answer_in_the_response()
    {
        var response = await fixture.Client.PostAsync("/api/messages",
            Activities.Json(Activities.Message("When were diplomatic relations between Kazakhstan and Korea established?", NewConversation())));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var reply = (await Activities.RepliesAsync(response)).ShouldHaveSingleItem();
        reply.Text().ShouldContain("1992");
        reply.Text().ShouldMatch(@"Sources?: \d{3}_[0-9a-f]{16}\.txt, lines? \d+");
        reply.GetProperty("replyToId").GetString().ShouldNotBeNullOrEmpty();
        reply.GetProperty("from").GetProperty("id").GetString().ShouldBe("bot-1");
        reply.GetProperty("recipient").GetProperty("id").GetString().ShouldBe("user-1");
    }

    [Fact]
    public async Task An_answer_carries_a_schema_org_citation_with_the_quote()
    {
        var response = await fixture.Client.PostAsync("/api/messages",
            Activities.Json(Activities.Message("how much did korea invest in kazakhstan", NewConversation())));

        var reply = (await Activities.RepliesAsync(response)).ShouldHaveSingleItem();
        var message = reply.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "https://schema.org/Message");
        message.GetProperty("@type").GetString().ShouldBe("Message");
        var claim = message.GetProperty("citation")[0];
        claim.GetProperty("@type").GetString().ShouldBe("Claim");
        claim.GetProperty("position").GetInt32().ShouldBe(1);
        claim.GetProperty("appearance").GetProperty("name").GetString()!.ShouldMatch(@"\.txt, lines? \d+");
        claim.GetProperty("appearance").GetProperty("text").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task A_new_conversation_is_welcomed_once_with_three_example_questions()
    {
        var conversation = NewConversation();
        var first = await fixture.Client.PostAsync("/api/messages", Activities.Json(Activities.ConversationUpdate(conversation)));
        var second = await fixture.Client.PostAsync("/api/messages", Activities.Json(Activities.ConversationUpdate(conversation)));

        var welcome = (await Activities.RepliesAsync(first)).ShouldHaveSingleItem();
        welcome.Text().ShouldContain("Kazakhstan");
        welcome.GetProperty("suggestedActions").GetProperty("actions").GetArrayLength().ShouldBe(3);
        (await Activities.RepliesAsync(second)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_bots_own_join_is_not_welcomed()
    {
        var update = Activities.ConversationUpdate(NewConversation());
        update["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "bot-1" });
        var response = await fixture.Client.PostAsync("/api/messages", Activities.Json(update));

        (await Activities.RepliesAsync(response)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_teams_mention_of_the_bot_is_stripped_before_answering()
    {
        var plain = await fixture.Client.PostAsync("/api/messages", Activities.Json(Activities.Message("who is koo hong-seok", NewConversation(), channelId: "msteams")));
        var teams = Activities.Message("<at>KzKr Bot</at> who is koo hong-seok", NewConversation(), channelId: "msteams");
        teams["conversation"]!["tenantId"] = "tenant-1";
        teams["conversation"]!["conversationType"] = "channel";
        teams["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>KzKr Bot</at>",
            ["mentioned"] = new JsonObject { ["id"] = "bot-1", ["name"] = "KzKr Bot" },
        });
        var mentioned = await fixture.Client.PostAsync("/api/messages", Activities.Json(teams));

        var expected = (await Activities.RepliesAsync(plain)).Single().Text();
        var actual = (await Activities.RepliesAsync(mentioned)).Single().Text();
        actual.ShouldBe(expected);
        actual.ShouldContain("Koo Hong-seok");
    }

    [Fact]
    public async Task An_unhandled_invoke_answers_501_and_the_health_check_invoke_200()
    {
        var unknown = Activities.Base("invoke", NewConversation(), "http://127.0.0.1:1/", "msteams");
        unknown["name"] = "composeExtension/query";
        var health = Activities.Base("invoke", NewConversation(), "http://127.0.0.1:1/", "msteams");
        health["name"] = "healthCheck";

        var unknownResponse = await fixture.Client.PostAsync("/api/messages", Activities.Json(unknown));
        var healthResponse = await fixture.Client.PostAsync("/api/messages", Activities.Json(health));

        unknownResponse.StatusCode.ShouldBe(HttpStatusCode.NotImplemented);
        healthResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await healthResponse.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("healthResults").GetProperty("success").GetBoolean().ShouldBeTrue();
    }

    [Theory]
    [InlineData("typing")]
    [InlineData("messageReaction")]
    [InlineData("endOfConversation")]
    [InlineData("somethingNew")]
    public async Task Other_and_unknown_activity_types_are_accepted_quietly(string type)
    {
        var activity = Activities.Base(type, NewConversation(), "http://127.0.0.1:1/", "emulator");
        activity["deliveryMode"] = "expectReplies";
        activity["aFieldFromTheFuture"] = new JsonObject { ["x"] = 1 };

        var response = await fixture.Client.PostAsync("/api/messages", Activities.Json(activity));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Activities.RepliesAsync(response)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Health_endpoint_reports_healthy()
    {
        var response = await fixture.Client.GetAsync("/healthz");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }
}
