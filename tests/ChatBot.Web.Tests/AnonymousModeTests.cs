using System.Net;
using ChatBot.Web.Tests.Infrastructure;

namespace ChatBot.Web.Tests;

/// <summary>With no app id the bot accepts unsigned requests only when it would reply to this machine.</summary>
public sealed class AnonymousModeTests(WebAppFixture fixture) : IClassFixture<WebAppFixture>
{
    [Theory]
    [InlineData("http://localhost:3978/")]
    [InlineData("http://127.0.0.1:9000")]
    [InlineData("http://127.5.6.7/")]
    [InlineData("https://[::1]:8443/")]
    public async Task A_loopback_service_url_is_answered_without_a_token(string serviceUrl)
    {
        var response = await fixture.Client.PostAsync("/api/messages", Activities.Json(Activities.Message("hello", serviceUrl: serviceUrl)));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("http://127.0.0.1.nip.io/")]
    [InlineData("http://localhost.evil.example/")]
    [InlineData("http://127.0.0.1@evil.example/")]
    [InlineData("http://evil.example#@127.0.0.1/")]
    [InlineData("http://0.0.0.0/")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("ftp://127.0.0.1/")]
    public async Task A_look_alike_or_remote_service_url_is_refused(string serviceUrl)
    {
        var response = await fixture.Client.PostAsync("/api/messages", Activities.Json(Activities.Message("hello", serviceUrl: serviceUrl)));
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("Bearer xyz")]
    [InlineData("Bearer a.b.c")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0.c2ln")]
    public async Task A_presented_authorization_header_is_validated_and_a_bad_one_refused(string header)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Activities.Json(Activities.Message("hello", serviceUrl: "http://127.0.0.1:1/")) };
        request.Headers.TryAddWithoutValidation("Authorization", header);

        var response = await fixture.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task A_well_signed_channel_token_is_refused_when_the_bot_has_no_app_id_to_match_it()
    {
        await using var channel = await TestChannel.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Activities.Json(Activities.Message("hello", serviceUrl: "http://127.0.0.1:1/")) };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + channel.Token("http://127.0.0.1:1/"));

        (await fixture.Client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
