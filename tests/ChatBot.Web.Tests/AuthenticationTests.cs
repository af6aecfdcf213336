using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using ChatBot.Tests.Shared;
using ChatBot.Web.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace ChatBot.Web.Tests;

/// <summary>Protocol doc §3 and §7: what a signed channel request must carry, against a real loopback OpenID host.</summary>
public sealed class AuthenticationTests : SignedHostTests
{
    private const string ServiceUrl = "http://127.0.0.1:1/";

    private Task<HttpResponseMessage> PostAsync(string? authorization, string channelId = "emulator", string serviceUrl = ServiceUrl)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = Activities.Json(Activities.Message("when were diplomatic relations established", serviceUrl: serviceUrl, channelId: channelId)),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        return Client.SendAsync(request);
    }

    [Fact]
    public async Task A_channel_signed_token_is_accepted_and_answered()
    {
        var response = await PostAsync("Bearer " + Channel.Token(ServiceUrl));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var replies = await Activities.RepliesAsync(response);
        replies.ShouldHaveSingleItem().Text().ShouldContain("1992");
    }

    [Fact]
    public async Task A_request_without_a_token_is_refused() =>
        (await PostAsync(null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task An_expired_token_is_refused() =>
        (await PostAsync("Bearer " + Channel.Token(ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-10), notBefore: DateTime.UtcNow.AddMinutes(-30))))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task A_token_for_another_audience_is_refused() =>
        (await PostAsync("Bearer " + Channel.Token(ServiceUrl, audience: Guid.NewGuid().ToString()))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task A_token_from_another_issuer_is_refused() =>
        (await PostAsync("Bearer " + Channel.Token(ServiceUrl, issuer: "https://evil.example"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task A_token_signed_with_an_unpublished_key_of_a_known_kid_is_refused()
    {
        var impostor = TestChannel.NewKey("key-1");
        (await PostAsync("Bearer " + Channel.Token(ServiceUrl, credentials: new SigningCredentials(impostor, SecurityAlgorithms.RsaSha256))))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_whose_serviceurl_claim_differs_from_the_activity_is_refused() =>
        (await PostAsync("Bearer " + Channel.Token("http://127.0.0.1:9/other"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task A_token_not_yet_valid_is_refused() =>
        (await PostAsync("Bearer " + Channel.Token(ServiceUrl, notBefore: DateTime.UtcNow.AddMinutes(10), expires: DateTime.UtcNow.AddMinutes(40))))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task A_token_without_expiry_is_refused() =>
        (await PostAsync("Bearer " + Channel.Token(ServiceUrl, withExpiry: false))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task An_unsigned_alg_none_token_is_refused()
    {
        static string Part(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var token = Part("""{"alg":"none","typ":"JWT","kid":"key-1"}""") + "." +
                    Part($$"""{"iss":"{{TestChannel.Issuer}}","aud":"{{TestChannel.AppId}}","exp":{{now + 600}},"nbf":{{now - 60}},"serviceurl":"{{ServiceUrl}}"}""") + ".";
        (await PostAsync("Bearer " + token)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_hs256_token_signed_with_the_public_key_is_refused()
    {
        var publicKeyBytes = Channel.SigningKey.Rsa.ExportSubjectPublicKeyInfo();
        var hmac = new SymmetricSecurityKey(publicKeyBytes) { KeyId = "key-1" };
        var token = Channel.Token(ServiceUrl, credentials: new SigningCredentials(hmac, SecurityAlgorithms.HmacSha256));
        (await PostAsync("Bearer " + token)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_key_not_endorsed_for_the_channel_is_refused() =>
        (await PostAsync("Bearer " + Channel.Token(ServiceUrl), channelId: "slack")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task An_activity_without_a_channel_id_is_refused_not_waved_through()
    {
        var activity = Activities.Message("hello");
        activity.Remove("channelId");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Activities.Json(activity) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Channel.Token(ServiceUrl));
        var response = await Client.SendAsync(request);
        ((int)response.StatusCode).ShouldBeOneOf(400, 401);
    }

    [Theory]
    [InlineData("Bearer abc")]
    [InlineData("Bearer a.b.c")]
    [InlineData("Bearer ...")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")]
    public async Task A_malformed_authorization_header_is_refused_without_echoing_it(string header)
    {
        var response = await PostAsync(header);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldNotContain(header.Length > 7 ? header[7..] : header);
        body.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task A_huge_authorization_header_is_refused_not_crashed()
    {
        var response = await PostAsync("Bearer " + new string('a', 20_000) + ".b.c");
        ((int)response.StatusCode).ShouldBeOneOf(401, 431);
    }

    [Fact]
    public async Task An_unknown_kid_refetches_the_keys_once_however_many_arrive()
    {
        (await PostAsync("Bearer " + Channel.Token(ServiceUrl))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var fetchesBefore = Channel.JwksFetches;

        for (var i = 0; i < 20; i++)
        {
            var stranger = new SigningCredentials(TestChannel.NewKey($"unknown-{i}"), SecurityAlgorithms.RsaSha256);
            (await PostAsync("Bearer " + Channel.Token(ServiceUrl, credentials: stranger))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        (Channel.JwksFetches - fetchesBefore).ShouldBeLessThanOrEqualTo(1);
    }

    [Fact]
    public async Task A_rotated_signing_key_works_after_one_refresh()
    {
        (await PostAsync("Bearer " + Channel.Token(ServiceUrl))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var rotated = TestChannel.NewKey("key-2");
        Channel.Publish((rotated, ["emulator"]));
        Channel.UseSigningKey(rotated);
        var fetchesBefore = Channel.JwksFetches;

        (await PostAsync("Bearer " + Channel.Token(ServiceUrl))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (Channel.JwksFetches - fetchesBefore).ShouldBe(1);
    }

    [Fact]
    public async Task An_unreachable_key_host_refuses_the_request_instead_of_failing()
    {
        var settings = Channel.BotSettings();
        settings["BotFramework:OpenIdMetadataUrl"] = $"http://127.0.0.1:{LoopbackPort.Free()}/.well-known/openidconfiguration";
        await using var app = new ChatBotApp(settings);
        using var client = app.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Activities.Json(Activities.Message("hello", serviceUrl: ServiceUrl)) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Channel.Token(ServiceUrl));

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
