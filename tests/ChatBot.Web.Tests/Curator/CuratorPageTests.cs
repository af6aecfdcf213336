using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Web.Tests.Infrastructure;

namespace ChatBot.Web.Tests.Curator;

/// <summary>
/// The curator's loop through the real host: Teams' feedback invoke and Web Chat's feedback event are recorded
/// against the answer they rate, refused questions are grouped with a question form, and /curator keeps out anyone
/// without the key.
/// </summary>
public sealed class CuratorPageTests : IAsyncLifetime
{
    private const string Key = "curator-key-for-tests-0123456789";
    private readonly ChatBotApp _app = new(new Dictionary<string, string?> { ["Curator:Key"] = Key, ["Curator:SignInsPerMinute"] = "3" });
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    private async Task<JsonElement> AskAsync(string text, string channel, string conversation)
    {
        using var response = await _client.PostAsync("/api/messages", Activities.Json(Activities.Message(text, conversation, channelId: channel)));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await Activities.RepliesAsync(response)).Last();
    }

    private async Task<HttpResponseMessage> PostAsync(JsonObject activity) =>
        await _client.PostAsync("/api/messages", Activities.Json(activity));

    private async Task<string> CuratorPageAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/curator");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        using var response = await _client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    private static JsonObject FeedbackInvoke(string replyToId, string reaction, string? text)
    {
        var invoke = Activities.Base("invoke", "teams-conv", "http://127.0.0.1:1/", "msteams");
        invoke["name"] = "message/submitAction";
        invoke["replyToId"] = replyToId;
        var actionValue = new JsonObject { ["reaction"] = reaction };
        if (text is not null)
        {
            actionValue["feedback"] = new JsonObject { ["feedbackText"] = text }.ToJsonString();
        }
        invoke["value"] = new JsonObject { ["actionName"] = "feedback", ["actionValue"] = actionValue };
        return invoke;
    }

    [Fact]
    public async Task A_Teams_dislike_answers_200_with_an_empty_body_and_shows_on_the_page_with_question_fact_and_comment()
    {
        var reply = await AskAsync("When were diplomatic relations between Kazakhstan and Korea established?", "msteams", "teams-conv");
        reply.GetProperty("channelData").GetProperty("feedbackLoop").GetProperty("type").GetString().ShouldBe("default");

        using var response = await PostAsync(FeedbackInvoke(reply.GetProperty("id").GetString()!, "dislike", "The date format is odd"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBeEmpty();
        var page = await CuratorPageAsync();
        var disliked = page[page.IndexOf("id=\"disliked\"", StringComparison.Ordinal)..page.IndexOf("id=\"ratings\"", StringComparison.Ordinal)];
        disliked.ShouldContain("When were diplomatic relations between Kazakhstan and Korea established?");
        disliked.ShouldContain("The date format is odd");
        disliked.ShouldContain("1992");
        disliked.ShouldMatch("facts [a-z0-9-]+");
    }

    [Fact]
    public async Task A_Web_Chat_like_names_its_answer_in_the_action_and_counts_for_the_fact()
    {
        var reply = await AskAsync("When were diplomatic relations between Kazakhstan and Korea established?", "directline", "web-conv");
        var actions = reply.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "https://schema.org/Message").GetProperty("potentialAction");
        var like = actions.EnumerateArray().Single(a => a.GetProperty("@type").GetString() == "LikeAction");

        var feedback = Activities.Base("event", "web-conv", "http://127.0.0.1:1/", "directline");
        feedback["name"] = "webchat:activity-status/feedback";
        feedback["entities"] = new JsonArray(JsonNode.Parse(like.GetRawText()));
        using var response = await PostAsync(feedback);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await CuratorPageAsync();
        var ratings = page[page.IndexOf("id=\"ratings\"", StringComparison.Ordinal)..page.IndexOf("id=\"uncovered\"", StringComparison.Ordinal)];
        ratings.ShouldMatch(@"<code>[a-z0-9-]+</code></td><td>1</td><td>0</td>");
    }

    [Fact]
    public async Task A_refused_question_is_listed_with_its_count_and_a_question_form_to_paste()
    {
        await AskAsync("What is the best pizza topping in Seoul?", "emulator", "refused-1");
        await AskAsync("what is the best pizza topping in seoul", "emulator", "refused-2");

        var page = await CuratorPageAsync();
        var unanswered = page[page.IndexOf("id=\"unanswered\"", StringComparison.Ordinal)..page.IndexOf("id=\"disliked\"", StringComparison.Ordinal)];
        unanswered.ShouldContain("2 ×</span> what is the best pizza topping in seoul");
        unanswered.ShouldContain("What is the best pizza topping in Seoul?");
        unanswered.ShouldContain("models/facts.yaml");
        unanswered.ShouldContain("      - what is the best pizza topping in seoul");
    }

    [Fact]
    public async Task A_feedback_invoke_that_is_not_feedback_is_a_400()
    {
        var invoke = FeedbackInvoke("nothing", "shrug", null);
        using var response = await PostAsync(invoke);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_page_refuses_a_missing_or_wrong_key_with_401_and_the_sign_in_form()
    {
        using var missing = await _client.GetAsync("/curator");
        missing.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("<form id=\"sign-in\"");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/curator");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-key");
        using var wrong = await _client.SendAsync(request);
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await wrong.Content.ReadAsStringAsync()).ShouldNotContain("id=\"unanswered\"");

        using var forged = new HttpRequestMessage(HttpMethod.Get, "/curator");
        forged.Headers.Add("Cookie", "curator=" + Key);
        (await _client.SendAsync(forged)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Signing_in_sets_an_HttpOnly_SameSite_Strict_cookie_that_opens_the_page()
    {
        using var wrong = await _client.PostAsync("/curator/sign-in", new FormUrlEncodedContent([new("key", "wrong")]));
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var right = await _client.PostAsync("/curator/sign-in", new FormUrlEncodedContent([new("key", Key)]));
        right.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var cookie = right.Headers.GetValues("Set-Cookie").Single();
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=strict", Case.Insensitive);
        cookie.ShouldNotContain(Key);

        using var page = new HttpRequestMessage(HttpMethod.Get, "/curator");
        page.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var response = await _client.SendAsync(page);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("id=\"unanswered\"");
        html.ShouldNotContain("<script>");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self'");
    }

    [Fact]
    public async Task Sign_in_attempts_past_the_limit_get_429()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await _client.PostAsync("/curator/sign-in", new FormUrlEncodedContent([new("key", $"guess-{i}")]));
            statuses.Add(response.StatusCode);
        }
        statuses.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests]);
    }

    [Fact]
    public async Task Without_a_key_there_is_no_curator_page()
    {
        await using var app = new ChatBotApp();
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/curator");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsync("/curator/sign-in", new FormUrlEncodedContent([new("key", Key)]))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
