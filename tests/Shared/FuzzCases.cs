using System.Net.Http.Headers;
using System.Text;

namespace ChatBot.Tests.Shared;

/// <summary>One generated request: where it goes, its body, content type and extra headers, and what kind of abuse it is.</summary>
public sealed record FuzzRequest(string Kind, HttpMethod Method, string Path, byte[]? Body, string? ContentType, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    /// <summary>
    /// Whether a status is the right answer rather than a failure: the one 5xx allowed is 501 to an <c>invoke</c> on
    /// /api/messages, the Bot Framework's "invoke not handled" (what the SDK's ActivityHandler answers too).
    /// </summary>
    public bool IsServerError(int status) =>
        status >= 500 && !(status == 501 && Path == "/api/messages" && Body is not null
                           && System.Text.Encoding.UTF8.GetString(Body).Contains("\"type\":\"invoke\"", StringComparison.Ordinal));

    /// <summary>The request as HttpClient sends it; headers are added without validation so malformed ones go out as written.</summary>
    public HttpRequestMessage ToHttpRequest()
    {
        var request = new HttpRequestMessage(Method, Path);
        if (Body is not null)
        {
            var content = new ByteArrayContent(Body);
            if (ContentType is not null && !content.Headers.TryAddWithoutValidation("Content-Type", ContentType))
            {
                content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            }
            request.Content = content;
        }
        foreach (var (name, value) in Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }
        return request;
    }
}

/// <summary>A live Direct Line conversation the fuzzer may post into and poll, with a valid token for it.</summary>
public sealed record FuzzConversation(string ConversationId, string Token);

/// <summary>
/// The fuzz plan for <c>/api/messages</c> and the Direct Line endpoints: mutated real activities, wrong types, deep
/// nesting, huge strings, invalid UTF-8, wrong content types, header abuse, forged tokens and hostile paths and
/// watermarks. Request <c>i</c> of a run is determined by the <see cref="Random"/> seed and <c>i</c>.
/// </summary>
public static class FuzzCases
{
    private const string DirectLine = "/v3/directline";

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "text/plain", "application/xml", "multipart/form-data; boundary=x",
        "application/x-www-form-urlencoded", "application/json; charset=utf-16", "application/json; charset=latin1", "application/json;;;",
        "*/*", "application/", "json", "application/json; boundary=\"", "APPLICATION/JSON", "application/problem+json", "",
    ];

    /// <summary>Request <paramref name="i"/>; <paramref name="nulInPaths"/> false for the in-process TestServer, whose client refuses a %00 path itself.</summary>
    public static FuzzRequest Next(Random random, int i, FuzzConversation conversation, bool nulInPaths = true)
    {
        var request = Generate(random, i, conversation);
        return nulInPaths ? request : request with { Path = request.Path.Replace("%00", "%01", StringComparison.Ordinal) };
    }

    private static FuzzRequest Generate(Random random, int i, FuzzConversation conversation)
    {
        var seeds = FuzzBodies.Seeds("fuzz-" + (i % 97));
        var seed = seeds[random.Next(seeds.Count)];
        return (i % 16) switch
        {
            < 7 => Messages("body", FuzzBodies.Next(random, random.Next(10), seed), "application/json", []),
            7 => Messages("content-type", Encoding.UTF8.GetBytes(seed), ContentTypes[random.Next(ContentTypes.Length)], []),
            8 => Messages("headers", Encoding.UTF8.GetBytes(seed), "application/json", AbusiveHeaders(random)),
            9 => Messages("no-body", random.Next(2) == 0 ? [] : null, random.Next(2) == 0 ? "application/json" : null, []),
            10 or 11 => Post($"{DirectLine}/conversations/{conversation.ConversationId}/activities", conversation.Token, "dl-body",
                FuzzBodies.Next(random, random.Next(10), DirectLineSeed(seed)), random.Next(6) == 0 ? ContentTypes[random.Next(ContentTypes.Length)] : "application/json"),
            12 => Post($"{DirectLine}/conversations/{HostileId(random, conversation.ConversationId)}/activities", ForgedToken(random, conversation.Token), "dl-token",
                Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"hi\"}"), "application/json"),
            13 => new FuzzRequest("dl-watermark", HttpMethod.Get,
                $"{DirectLine}/conversations/{conversation.ConversationId}/activities?{HostileWatermark(random)}", null, null, Bearer(conversation.Token)),
            14 => TokenEndpoint(random, conversation),
            _ => new FuzzRequest("dl-method", RandomMethod(random), HostilePath(random, conversation.ConversationId),
                random.Next(2) == 0 ? FuzzBodies.Next(random, random.Next(10), seed) : null, "application/json",
                random.Next(2) == 0 ? Bearer(conversation.Token) : AbusiveHeaders(random)),
        };
    }

    private static FuzzRequest Messages(string kind, byte[]? body, string? contentType, IReadOnlyList<KeyValuePair<string, string>> headers) =>
        new("messages-" + kind, HttpMethod.Post, "/api/messages", body, contentType, headers);

    private static FuzzRequest Post(string path, string? token, string kind, byte[] body, string contentType) =>
        new(kind, HttpMethod.Post, path, body, contentType, token is null ? [] : Bearer(token));

    private static List<KeyValuePair<string, string>> Bearer(string token) => [new("Authorization", "Bearer " + token)];

    /// <summary>A seed as a Web Chat client posts it (no serviceUrl or conversation of its own to trust).</summary>
    private static string DirectLineSeed(string seed) => seed.Replace("\"serviceUrl\":\"http://127.0.0.1:1/\",", "", StringComparison.Ordinal);

    private static List<KeyValuePair<string, string>> AbusiveHeaders(Random random)
    {
        var headers = new List<KeyValuePair<string, string>>();
        switch (random.Next(8))
        {
            case 0:
                headers.Add(new("Authorization", "Bearer " + new string('a', random.Next(10, 20_000)) + ".b.c"));
                break;
            case 1:
                headers.Add(new("Authorization", random.Next(3) switch { 0 => "Bearer", 1 => "Basic dXNlcjpwYXNz", _ => "Bearer eyJhbGciOiJub25lIn0.e30." }));
                break;
            case 2:
                for (var n = random.Next(50, 150); n > 0; n--)
                {
                    headers.Add(new($"X-Fuzz-{n}", new string('v', random.Next(1, 200))));
                }
                break;
            case 3:
                headers.Add(new("X-Long", new string('h', random.Next(8_000, 40_000)))); // past Kestrel's 32 KB of headers: 431
                break;
            case 4:
                headers.Add(new("Content-Encoding", random.Next(2) == 0 ? "gzip" : "br, deflate, x-unknown"));
                break;
            case 5:
                headers.Add(new("Accept", "application/xml;q=1, */*;q=0"));
                headers.Add(new("Accept-Charset", "ebcdic"));
                break;
            case 6:
                headers.Add(new("Expect", "100-continue"));
                headers.Add(new("X-Forwarded-For", "127.0.0.1, 10.0.0." + random.Next(256)));
                break;
            default:
                headers.Add(new("Authorization", "Bearer " + Convert.ToBase64String(Encoding.UTF8.GetBytes(FuzzBodies.RandomJson(random, 0))) + ".e30.sig"));
                break;
        }
        return headers;
    }

    private static string? ForgedToken(Random random, string token) => random.Next(6) switch
    {
        0 => null,
        1 => token[..random.Next(token.Length)],
        2 => Flip(random, token),
        3 => string.Join('.', token.Split('.').Reverse()),
        4 => "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0." + token.Split('.')[1] + ".",
        _ => token, // a good token, on a hostile path: 403 for another conversation
    };

    private static string Flip(Random random, string token)
    {
        var chars = token.ToCharArray();
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            chars[random.Next(chars.Length)] = "ABCxyz019-_."[random.Next(12)];
        }
        return new string(chars);
    }

    private static string HostileId(Random random, string conversationId) => random.Next(7) switch
    {
        0 => "..%2F..%2Fetc%2Fpasswd",
        1 => new string('c', random.Next(100, 4_000)),
        2 => Uri.EscapeDataString("Казахстан\u0000\u202e"),
        3 => conversationId + "%00",
        4 => "%ff%fe",
        5 => conversationId.ToUpperInvariant(),
        _ => "dl_" + random.Next(),
    };

    private static string HostileWatermark(Random random) => random.Next(9) switch
    {
        0 => "watermark=-1",
        1 => "watermark=99999999999999999999999",
        2 => "watermark=abc",
        3 => "watermark=1&watermark=2",
        4 => "watermark=" + new string('9', random.Next(20, 2_000)),
        5 => "watermark=%00",
        6 => "watermark=1e3",
        7 => "watermark=" + random.Next(0, 1000),
        _ => "watermark=",
    };

    private static FuzzRequest TokenEndpoint(Random random, FuzzConversation conversation)
    {
        var path = random.Next(3) switch
        {
            0 => $"{DirectLine}/tokens/generate",
            1 => $"{DirectLine}/tokens/refresh",
            _ => $"{DirectLine}/conversations",
        };
        var headers = random.Next(3) switch
        {
            0 => Bearer(conversation.Token),
            1 => ForgedToken(random, conversation.Token) is { } forged ? Bearer(forged) : [],
            _ => AbusiveHeaders(random),
        };
        var body = random.Next(2) == 0 ? FuzzBodies.Next(random, random.Next(10), "{}") : null;
        return new FuzzRequest("dl-tokens", HttpMethod.Post, path, body, ContentTypes[random.Next(ContentTypes.Length)], headers);
    }

    private static HttpMethod RandomMethod(Random random) =>
        new[] { HttpMethod.Get, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch, HttpMethod.Options, HttpMethod.Head, new HttpMethod("PROPFIND") }[random.Next(7)];

    private static string HostilePath(Random random, string conversationId) => random.Next(6) switch
    {
        0 => "/api/messages",
        1 => $"{DirectLine}/conversations/{conversationId}",
        2 => $"{DirectLine}/conversations/{conversationId}/activities/../../tokens/generate",
        3 => $"{DirectLine}/tokens/{new string('t', random.Next(1, 3_000))}",
        4 => $"{DirectLine}/conversations/{HostileId(random, conversationId)}",
        _ => "/api/messages?" + new string('q', random.Next(1, 8_000)),
    };
}
