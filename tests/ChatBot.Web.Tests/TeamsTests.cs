using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Web.Tests.Infrastructure;

namespace ChatBot.Web.Tests;

/// <summary>
/// Teams-shaped traffic (protocol doc §6): a signed msteams activity whose text carries the bot's &lt;at&gt; mention,
/// with a mention entity and the tenant, gets the same cited answer as the plain question.
/// </summary>
public sealed class TeamsTests : SignedHostTests
{
    private const string TeamsServiceUrl = "https://smba.trafficmanager.net/emea/";
    private const string BotId = "28:" + TestChannel.AppId;
    private const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    /// <summary>A message as Teams sends it in a team channel: mention in text and entities, tenant in conversation and channelData.</summary>
    private static JsonObject TeamsMessage(string text, string? mentionText = "<at>KzKr Bot</at>", string thread = "19:abc123@thread.tacv2;messageid=1700000000000") => new()
    {
        ["type"] = "message",
        ["id"] = "1700000000000",
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = TeamsServiceUrl,
        ["from"] = new JsonObject { ["id"] = "29:1user-id", ["name"] = "Aigerim Nurlanova", ["aadObjectId"] = "6e1c1f9a-0000-4000-8000-000000000001" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "KzKr Bot" },
        ["conversation"] = new JsonObject
        {
            ["id"] = thread,
            ["conversationType"] = "channel",
            ["isGroup"] = true,
            ["tenantId"] = TenantId,
        },
        ["text"] = mentionText is null ? text : $"{mentionText} {text}",
        ["textFormat"] = "plain",
        ["locale"] = "en-US",
        ["deliveryMode"] = "expectReplies",
        ["entities"] = mentionText is null ? null : new JsonArray(
            new JsonObject
            {
                ["type"] = "mention",
                ["text"] = mentionText,
                ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "KzKr Bot" },
            },
            new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["country"] = "KZ", ["platform"] = "Web" }),
        ["channelData"] = new JsonObject
        {
            ["teamsChannelId"] = "19:abc123@thread.tacv2",
            ["teamsTeamId"] = "19:team@thread.tacv2",
            ["tenant"] = new JsonObject { ["id"] = TenantId },
        },
    };

    private async Task<JsonElement> AskAsync(JsonObject activity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Activities.Json(activity) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Channel.Token(TeamsServiceUrl));
        using var response = await Client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await Activities.RepliesAsync(response)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_mention_of_the_bot_is_stripped_and_the_question_gets_its_cited_answer()
    {
        var reply = await AskAsync(TeamsMessage("When were diplomatic relations between Kazakhstan and Korea established?"));

        reply.Text().ShouldContain("1992");
        reply.Text().ShouldContain("[1]");
        reply.Text().ShouldNotContain("Source"); // Teams draws the references from the citation entity
        reply.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "https://schema.org/Message")
            .GetProperty("citation")[0].GetProperty("appearance").GetProperty("name").GetString()!.ShouldMatch(@"^\d{3}_[0-9a-f]{16}\.txt, lines? \d+");
        reply.Text().ShouldNotContain("<at>");
        reply.Text().ShouldNotContain("KzKr Bot");
        reply.GetProperty("from").GetProperty("id").GetString().ShouldBe(BotId);
        reply.GetProperty("conversation").GetProperty("tenantId").GetString().ShouldBe(TenantId);
        reply.GetProperty("entities").EnumerateArray().ShouldContain(e => e.GetProperty("type").GetString() == "https://schema.org/Message");
    }

    [Fact]
    public async Task The_mentioned_question_is_answered_exactly_as_the_plain_one()
    {
        const string question = "Who is Koo Hong-seok?";

        // Two threads: in one conversation the same question again brings the next answer not shown.
        var mentioned = await AskAsync(TeamsMessage(question));
        var plain = await AskAsync(TeamsMessage(question, mentionText: null, thread: "19:def456@thread.tacv2;messageid=1700000000001"));

        mentioned.Text().ShouldBe(plain.Text());
        mentioned.Text().ShouldContain("Koo Hong-seok");
    }

    [Fact]
    public async Task A_message_that_is_only_the_mention_gets_a_reply_not_an_error()
    {
        var reply = await AskAsync(TeamsMessage(""));

        reply.Text().ShouldNotBeNullOrWhiteSpace();
        reply.Text().ShouldNotContain("<at>");
        reply.Text().ShouldNotContain("something went wrong");
    }
}
