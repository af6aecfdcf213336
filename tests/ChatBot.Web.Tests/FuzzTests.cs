using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ChatBot.Web.Tests.Infrastructure;

namespace ChatBot.Web.Tests;

/// <summary>Thousands of mutated and random bodies: never a 500, and the host still answers a valid request afterwards.</summary>
public sealed class FuzzTests(WebAppFixture fixture) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task Mutated_and_random_bodies_never_get_a_server_error()
    {
        var random = new Random(20261124);
        var seed = Encoding.UTF8.GetBytes(Activities.Message("what was the trade volume in 2019").ToJsonString());
        var statuses = new Dictionary<int, int>();

        for (var i = 0; i < 1_200; i++)
        {
            var body = Mutate(seed, random, i);
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            var response = await fixture.Client.PostAsync("/api/messages", content);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            status.ShouldBeLessThan(500, $"body #{i} ({body.Length} bytes) got {status}");
        }

        statuses.Keys.ShouldContain(400);
        var after = await fixture.Client.PostAsync("/api/messages", Activities.Json(Activities.Message("when were diplomatic ties established")));
        after.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Activities.RepliesAsync(after)).Single().Text().ShouldContain("1992");
    }

    private static byte[] Mutate(byte[] seed, Random random, int i) => (i % 8) switch
    {
        0 => seed[..random.Next(seed.Length)],                                  // truncated JSON
        1 => FlipBytes(seed, random),                                           // random byte flips, invalid UTF-8
        2 => Encoding.UTF8.GetBytes(Deep(random.Next(10, 5_000))),              // deep nesting
        3 => RandomBytes(random, random.Next(1, 4_000)),                        // noise
        4 => Encoding.UTF8.GetBytes(WrongTypes(random)),                        // wrong types for known fields
        5 => Encoding.UTF8.GetBytes(HugeString(random)),                        // huge strings, control characters
        6 => Splice(seed, random),                                              // duplicated / spliced fragments
        _ => Encoding.UTF8.GetBytes(RandomJson(random, 0)),                     // random valid JSON
    };

    private static byte[] FlipBytes(byte[] seed, Random random)
    {
        var copy = (byte[])seed.Clone();
        for (var n = random.Next(1, 12); n > 0; n--)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }
        return copy;
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Splice(byte[] seed, Random random)
    {
        var a = random.Next(seed.Length);
        var b = random.Next(seed.Length);
        return [.. seed[..Math.Max(a, b)], .. seed[Math.Min(a, b)..]];
    }

    private static string Deep(int depth) =>
        "{\"type\":\"message\",\"channelData\":" + new string('[', depth) + new string(']', depth) + "}";

    private static string WrongTypes(Random random)
    {
        string[] values = ["1", "true", "null", "[]", "{}", "\"x\"", "-1e999", "1e400", "\"2026-13-45T99:99\""];
        string[] fields = ["type", "id", "timestamp", "from", "conversation", "text", "entities", "membersAdded", "suggestedActions", "attachments", "deliveryMode", "serviceUrl"];
        var parts = fields.Where(_ => random.Next(2) == 0).Select(f => $"\"{f}\":{values[random.Next(values.Length)]}");
        return "{" + string.Join(",", parts) + "}";
    }

    private static string HugeString(Random random)
    {
        var control = new string(Enumerable.Range(0, random.Next(1, 200)).Select(_ => (char)random.Next(0, 32)).ToArray());
        var escaped = string.Concat(control.Select(c => $"\\u{(int)c:x4}"));
        var filler = new string('x', random.Next(1_000, 200_000));
        return $$"""{"type":"message","channelId":"emulator","from":{"id":"u"},"conversation":{"id":"c"},"deliveryMode":"expectReplies","serviceUrl":"http://127.0.0.1:1","text":"{{escaped}}{{filler}}"}""";
    }

    private static string RandomJson(Random random, int depth)
    {
        if (depth > 4)
        {
            return random.Next(3) switch { 0 => "1", 1 => "\"s\"", _ => "null" };
        }
        return random.Next(5) switch
        {
            0 => "[" + string.Join(",", Enumerable.Range(0, random.Next(4)).Select(_ => RandomJson(random, depth + 1))) + "]",
            1 => "{" + string.Join(",", Enumerable.Range(0, random.Next(4)).Select(k => $"\"k{k}\":{RandomJson(random, depth + 1)}")) + "}",
            2 => "{\"type\":\"message\",\"conversation\":" + RandomJson(random, depth + 1) + "}",
            3 => random.NextDouble().ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => "\"" + Guid.NewGuid() + "\"",
        };
    }
}
