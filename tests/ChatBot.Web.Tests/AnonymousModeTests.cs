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
}
