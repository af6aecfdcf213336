using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ChatBot.Web.Tests.Infrastructure;

namespace ChatBot.Web.Tests;

/// <summary>Whatever a client sends, the answer is a clear problem+json error or a polite reply, never a 500.</summary>
public sealed class BadInputTests(WebAppFixture fixture) : IClassFixture<WebAppFixture>
{
    private async Task<HttpResponseMessage> PostRawAsync(string body, string contentType = "application/json")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await fixture.Client.PostAsync("/api/messages", content);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task A_non_json_content_type_gets_415(string contentType)
    {
        var response = await PostRawAsync(Activities.Message("hi").ToJsonString(), contentType);
        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Json_with_a_charset_is_json()
    {
        var response = await PostRawAsync(Activities.Message("hi").ToJsonString(), "application/json; charset=utf-8");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413()
    {
        var response = await PostRawAsync(Activities.Message(new string('a', 300_000)).ToJsonString());
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_without_content_length_gets_413()
    {
        var bytes = Encoding.UTF8.GetBytes(Activities.Message(new string('b', 300_000)).ToJsonString());
        var content = new StreamContent(new UnknownLengthStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await fixture.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"x\"")]
    [InlineData("{\"type\":5}")]
    [InlineData("{")]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\"")]
    [InlineData("{}")]
    [InlineData("{\"type\":\"message\",\"channelId\":\"emulator\",\"from\":{\"id\":\"u\"},\"text\":\"no conversation\",\"deliveryMode\":\"expectReplies\"}")]
    [InlineData("{\"type\":\"message\",\"channelId\":\"emulator\",\"conversation\":{\"id\":\"c\"},\"text\":\"no from\",\"deliveryMode\":\"expectReplies\"}")]
    [InlineData("{\"type\":\"message\",\"from\":{\"id\":\"u\"},\"conversation\":{\"id\":\"c\"},\"text\":\"no channel\",\"deliveryMode\":\"expectReplies\"}")]
    [InlineData("{\"type\":\"invoke\",\"channelId\":\"emulator\",\"from\":{\"id\":\"u\"},\"conversation\":{\"id\":\"c\"}}")]
    [InlineData("{\"type\":\"event\",\"channelId\":\"emulator\",\"from\":{\"id\":\"u\"},\"conversation\":{\"id\":\"c\"},\"deliveryMode\":\"expectReplies\"}")]
    [InlineData("{\"type\":\"message\",\"channelId\":\"emulator\",\"from\":{\"id\":\"u\"},\"conversation\":{\"id\":\"c\"},\"text\":\"normal delivery without serviceUrl\"}")]
    public async Task A_body_that_is_not_a_valid_activity_gets_400_problem_json(string body)
    {
        var response = await PostRawAsync(body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("   at ");
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Other_methods_on_the_endpoint_get_405(string method)
    {
        var response = await fixture.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/messages"));
        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
    }

    [Theory]
    [InlineData("🇰🇿🤝🇰🇷")]
    [InlineData("asdkjh qwpoeiru zxmcnv")]
    [InlineData("Какой товарооборот между Казахстаном и Кореей?")]
    [InlineData("한국과 카자흐스탄의 관계는?")]
    [InlineData("   ")]
    [InlineData("\u0000\u0001\u0002")]
    public async Task Garbage_emoji_and_other_languages_get_a_polite_reply(string text)
    {
        var response = await fixture.Client.PostAsync("/api/messages", Activities.Json(Activities.Message(text, "conv-" + Guid.NewGuid().ToString("N"))));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var reply = (await Activities.RepliesAsync(response)).ShouldHaveSingleItem();
        reply.Text().ShouldNotBeNullOrWhiteSpace();
        reply.Text().ShouldNotMatch("Sources?:");
    }

    [Fact]
    public async Task A_ten_kilobyte_question_gets_a_reply()
    {
        var question = string.Concat(Enumerable.Repeat("what about trade and investment between korea and kazakhstan ", 170));
        question.Length.ShouldBeGreaterThan(10_000);

        var response = await fixture.Client.PostAsync("/api/messages", Activities.Json(Activities.Message(question, "conv-" + Guid.NewGuid().ToString("N"))));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Activities.RepliesAsync(response)).ShouldHaveSingleItem().Text().ShouldNotBeNullOrWhiteSpace();
    }

    /// <summary>A stream that hides its length, so the client must send it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
