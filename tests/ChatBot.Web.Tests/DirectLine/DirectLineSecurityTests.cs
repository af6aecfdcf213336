using System.Net;
using System.Text;
using ChatBot.Web.Tests.Infrastructure;

namespace ChatBot.Web.Tests.DirectLine;

/// <summary>Direct Line's token rules (protocol doc §4, §7): 401 missing/malformed/forged, 403 other conversation or expired.</summary>
public sealed class DirectLineSecurityTests(DirectLineAppFixture fixture) : IClassFixture<DirectLineAppFixture>
{
    private DirectLineClient Client => fixture.Client;

    public static TheoryData<string, string> ProtectedEndpoints => new()
    {
        { "POST", "/v3/directline/conversations" },
        { "POST", "/v3/directline/tokens/refresh" },
        { "GET", "/v3/directline/conversations/{0}" },
        { "GET", "/v3/directline/conversations/{0}/activities?watermark=0" },
        { "POST", "/v3/directline/conversations/{0}/activities" },
    };

    [Theory]
    [MemberData(nameof(ProtectedEndpoints))]
    public async Task Without_a_token_every_conversation_endpoint_is_a_401(string method, string path)
    {
        var conversation = await Client.StartAsync();

        using var response = await Client.SendAsync(new HttpMethod(method), string.Format(path, conversation.ConversationId), token: null, Message());

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Theory]
    [InlineData("Bearer abc")]
    [InlineData("Bearer a.b.c")]
    [InlineData("Bearer ...")]
    [InlineData("Bearer eyJhbGciOiJub25lIn0.eyJjb252IjoieCJ9.")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("token")]
    public async Task A_malformed_authorization_header_is_a_401(string header)
    {
        var conversation = await Client.StartAsync();

        using var response = await PollWithHeaderAsync(conversation.ConversationId, header);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(1)]  // 42 characters: a base64url length no 32-byte signature has
    [InlineData(26)] // 17 characters: not a valid base64url length at all (the decoder throws on it)
    [InlineData(43)] // no signature
    public async Task A_token_with_a_truncated_signature_is_a_401_not_a_500(int cut)
    {
        var conversation = await Client.StartAsync();

        using var poll = await PollWithHeaderAsync(conversation.ConversationId, "Bearer " + conversation.Token[..^cut]);
        using var refresh = await Client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Prefix}/tokens/refresh", conversation.Token[..^cut]);

        poll.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        refresh.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_huge_authorization_header_is_refused_without_a_500()
    {
        var conversation = await Client.StartAsync();

        using var response = await PollWithHeaderAsync(conversation.ConversationId, "Bearer " + new string('a', 20_000));

        ((int)response.StatusCode).ShouldBeOneOf(401, 431);
    }

    [Fact]
    public async Task A_token_whose_claims_were_changed_is_forged_and_a_401()
    {
        var victim = await Client.StartAsync();
        var attacker = await Client.StartAsync();
        // The attacker's signature over a payload that names the victim's conversation.
        var parts = attacker.Token.Split('.');
        var payload = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]))
            .Replace(attacker.ConversationId, victim.ConversationId, StringComparison.Ordinal);
        var forged = $"{parts[0]}.{System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";

        using var response = await Client.GetActivitiesAsync(forged, victim.ConversationId);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_with_alg_none_is_a_401()
    {
        var conversation = await Client.StartAsync();
        var parts = conversation.Token.Split('.');
        var none = System.Buffers.Text.Base64Url.EncodeToString("""{"alg":"none","typ":"JWT"}"""u8);

        using var unsigned = await Client.GetActivitiesAsync($"{none}.{parts[1]}.", conversation.ConversationId);
        using var keptSignature = await Client.GetActivitiesAsync($"{none}.{parts[1]}.{parts[2]}", conversation.ConversationId);

        unsigned.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        keptSignature.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_signed_by_another_host_is_a_401()
    {
        await using var other = new ChatBotApp(new Dictionary<string, string?> { ["DirectLine:TokenSigningKey"] = new string('k', 40) });
        var foreign = await new DirectLineClient(other.CreateClient()).StartAsync();
        var conversation = await Client.StartAsync();

        using var response = await Client.GetActivitiesAsync(foreign.Token, conversation.ConversationId);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_for_one_conversation_gets_403_on_another()
    {
        var mine = await Client.StartAsync();
        var theirs = await Client.StartAsync();

        using var read = await Client.GetActivitiesAsync(mine.Token, theirs.ConversationId);
        using var write = await Client.PostActivityAsync(mine.Token, theirs.ConversationId, DirectLineClient.Message("let me in"));
        using var reconnect = await Client.SendAsync(HttpMethod.Get, $"{DirectLineClient.Prefix}/conversations/{theirs.ConversationId}", mine.Token);

        read.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        write.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        reconnect.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Client.PollAsync(theirs)).Activities.ShouldNotContain(a => a.Role() == "user");
    }

    [Fact]
    public async Task Refusals_never_echo_the_token_or_a_stack_trace()
    {
        var mine = await Client.StartAsync();
        var theirs = await Client.StartAsync();

        using var response = await Client.GetActivitiesAsync(mine.Token, theirs.ConversationId);
        var body = await response.Content.ReadAsStringAsync();

        body.ShouldNotContain(mine.Token);
        body.ShouldNotContain(mine.Token.Split('.')[2]);
        body.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Direct_Line_answers_carry_no_CORS_grant_for_a_foreign_origin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{DirectLineClient.Prefix}/tokens/generate");
        request.Headers.Add("Origin", "https://evil.example");
        using var preflight = new HttpRequestMessage(HttpMethod.Options, $"{DirectLineClient.Prefix}/tokens/generate");
        preflight.Headers.Add("Origin", "https://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");

        using var response = await Client.Http.SendAsync(request);
        using var preflightResponse = await Client.Http.SendAsync(preflight);

        response.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
        preflightResponse.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
        ((int)preflightResponse.StatusCode).ShouldNotBeInRange(200, 299);
    }

    [Fact]
    public async Task The_page_is_served_with_a_content_security_policy_and_nosniff()
    {
        using var page = await Client.Http.GetAsync("/");
        using var api = await Client.Http.PostAsync($"{DirectLineClient.Prefix}/tokens/generate", null);

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await page.Content.ReadAsStringAsync()).ShouldContain("Kazakhstan");
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("script-src 'self'");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldNotContain("unsafe-eval");
        page.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        api.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
    }

    [Fact]
    public async Task The_page_loads_Web_Chat_from_this_host_not_a_CDN()
    {
        var html = await Client.Http.GetStringAsync("/");
        using var bundle = await Client.Http.GetAsync("/lib/webchat.js");

        html.ShouldNotContain("cdn.botframework.com");
        html.ShouldNotContain("https://");
        bundle.StatusCode.ShouldBe(HttpStatusCode.OK, "wwwroot/lib/webchat.js is copied from node_modules by the build (WebChat.targets)");
        bundle.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
    }

    private async Task<HttpResponseMessage> PollWithHeaderAsync(string conversationId, string header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{DirectLineClient.Prefix}/conversations/{conversationId}/activities");
        request.Headers.TryAddWithoutValidation("Authorization", header);
        return await Client.Http.SendAsync(request);
    }

    private static StringContent Message() => Activities.Json(DirectLineClient.Message("hi"));
}
