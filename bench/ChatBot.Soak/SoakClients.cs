using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ChatBot.Soak;

/// <summary>
/// The soak's two kinds of user, each a bounded loop until the deadline: a Web Chat page on Direct Line (token,
/// start, post, poll every 300 ms until the answer, on alternating instances) and a channel sending /api/messages
/// turns with follow-ups, the follow-up to the other instance.
/// </summary>
public sealed class SoakClients(HttpClient[] hosts, SoakStats stats, DateTime deadline)
{
    private const int MaxTurnsPerConversation = 5;
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(45);

    private static readonly string[] DirectLineQuestions =
    [
        "What was the trade volume between Kazakhstan and Korea in 2019?",
        "When were diplomatic relations established?",
        "Which president visited Korea in 2021?",
        "Tell me about the Koryo-saram",
        "what is the weather in Paris?",
    ];

    /// <summary>A question and its follow-up, each with a word the right answer contains.</summary>
    private static readonly (string Question, string Expect, string FollowUp, string FollowUpExpect)[] Turns =
    [
        ("Which president visited Korea in 2021?", "Tokayev", "and in 2010?", "Nazarbayev"),
        ("When were diplomatic relations established?", "1992", "What was the trade volume between Kazakhstan and Korea in 2019?", "4.2 billion"),
    ];

    private HttpClient Host(int i) => hosts[Math.Abs(i) % hosts.Length];

    public async Task DirectLinePageAsync(int page)
    {
        var random = new Random(1000 + page);
        var request = page;
        for (var conversationNumber = 0; conversationNumber < 10_000 && DateTime.UtcNow < deadline; conversationNumber++)
        {
            var token = await RetryAsync(() => SendAsync(Host(request++), HttpMethod.Post, "/v3/directline/tokens/generate", null, null, "dl tokens/generate"), "token");
            if (token is null)
            {
                continue;
            }
            var conversation = await RetryAsync(() => SendAsync(Host(request++), HttpMethod.Post, "/v3/directline/conversations", token.Value.GetProperty("token").GetString(), null, "dl conversations"), "conversationId");
            if (conversation is null)
            {
                continue;
            }
            Interlocked.Increment(ref stats.DirectLineConversations);
            var id = conversation.Value.GetProperty("conversationId").GetString()!;
            var bearer = conversation.Value.GetProperty("token").GetString()!;
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var replied = new HashSet<string>(StringComparer.Ordinal);
            string? watermark = null;
            var posted = new List<string>();
            for (var turn = 0; turn < MaxTurnsPerConversation && DateTime.UtcNow < deadline; turn++)
            {
                var body = JsonSerializer.Serialize(new { type = "message", text = DirectLineQuestions[random.Next(DirectLineQuestions.Length)], from = new { id = "page" } });
                var answer = await RetryAsync(() => SendAsync(Host(request++), HttpMethod.Post, $"/v3/directline/conversations/{id}/activities", bearer, body, "dl post"), "id");
                if (answer is null)
                {
                    break;
                }
                var activityId = answer.Value.GetProperty("id").GetString()!;
                posted.Add(activityId);
                Interlocked.Increment(ref stats.DirectLinePosts);
                var waitUntil = DateTime.UtcNow + ReplyTimeout;
                while (!replied.Contains(activityId) && DateTime.UtcNow < waitUntil)
                {
                    await Task.Delay(300);
                    watermark = await PollAsync(Host(request++), id, bearer, watermark, seen, replied) ?? watermark;
                }
                await Task.Delay(random.Next(500, 1_500));
            }
            // The transcript at the end: every acknowledged post is there once, and so is a reply to it.
            for (var attempt = 0; attempt < 20 && posted.Any(p => !seen.ContainsKey(p) || !replied.Contains(p)); attempt++)
            {
                await Task.Delay(500);
                watermark = await PollAsync(Host(request++), id, bearer, watermark, seen, replied) ?? watermark;
            }
            var lost = posted.Count(p => !seen.ContainsKey(p) || !replied.Contains(p));
            Interlocked.Add(ref stats.DirectLineLost, lost);
            Interlocked.Add(ref stats.DirectLineRepliesSeen, posted.Count - lost);
            Interlocked.Add(ref stats.DirectLineDuplicates, seen.Values.Sum(n => n - 1));
        }
    }

    /// <summary>One poll from the watermark; records each activity id and which posts have a reply. Null when the poll failed.</summary>
    private async Task<string?> PollAsync(HttpClient host, string conversationId, string bearer, string? watermark,
        Dictionary<string, int> seen, HashSet<string> replied)
    {
        var path = $"/v3/directline/conversations/{conversationId}/activities" + (watermark is null ? "" : $"?watermark={watermark}");
        var page = await SendAsync(host, HttpMethod.Get, path, bearer, null, "dl poll");
        if (page is null)
        {
            return null;
        }
        foreach (var activity in page.Value.GetProperty("activities").EnumerateArray())
        {
            var activityId = activity.GetProperty("id").GetString()!;
            seen[activityId] = seen.GetValueOrDefault(activityId) + 1;
            if (activity.TryGetProperty("replyToId", out var replyTo) && replyTo.GetString() is { } to
                && activity.TryGetProperty("from", out var from) && from.GetProperty("id").GetString() != "page")
            {
                replied.Add(to);
            }
        }
        return page.Value.GetProperty("watermark").GetString();
    }

    public async Task ChannelUserAsync(int user)
    {
        var random = new Random(2000 + user);
        for (var n = 0; n < 100_000 && DateTime.UtcNow < deadline; n++)
        {
            var conversation = $"soak-{user}-{n}";
            var (question, expect, followUp, followUpExpect) = Turns[random.Next(Turns.Length)];
            var first = random.Next(hosts.Length);
            await AskAsync(hosts[first], conversation, question, expect);
            await Task.Delay(random.Next(200, 800));
            await AskAsync(hosts[(first + 1) % hosts.Length], conversation, followUp, followUpExpect); // the follow-up to the other instance
            await Task.Delay(random.Next(300, 1_000));
        }
    }

    private async Task AskAsync(HttpClient host, string conversationId, string text, string expect)
    {
        var started = stats.Now;
        var activity = JsonSerializer.Serialize(new
        {
            type = "message", id = Guid.NewGuid().ToString("N"), channelId = "emulator", serviceUrl = "http://127.0.0.1:1/",
            deliveryMode = "expectReplies", from = new { id = "user" }, recipient = new { id = "bot" }, conversation = new { id = conversationId }, text,
        });
        var body = await SendAsync(host, HttpMethod.Post, "/api/messages", null, activity, "/api/messages");
        var reply = body?.GetProperty("activities").EnumerateArray().Where(a => a.GetProperty("type").GetString() == "message")
            .Select(a => a.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "").FirstOrDefault();
        stats.Turn(started, reply switch
        {
            null => SoakStats.Answer.NoAnswer,
            _ when reply.Contains("lost the thread", StringComparison.OrdinalIgnoreCase) => SoakStats.Answer.LostTheThread,
            _ when reply.Contains(expect, StringComparison.Ordinal) => SoakStats.Answer.Correct,
            _ => SoakStats.Answer.Wrong,
        });
    }

    /// <summary>Sends a request, counts it, and returns the JSON body of a 2xx answer (null for anything else).</summary>
    private async Task<JsonElement?> SendAsync(HttpClient host, HttpMethod method, string path, string? bearer, string? json, string what)
    {
        var started = stats.Now;
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        try
        {
            using var response = await host.SendAsync(request);
            stats.Request(started, what, (int)response.StatusCode);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }
            var text = await response.Content.ReadAsStringAsync();
            return text.Length == 0 ? null : JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            stats.Request(started, what + " (" + ex.GetType().Name + ")", 0);
            return null;
        }
    }

    /// <summary>Retries a request that failed (a 503 while Redis is away, a 429) once a second, at most 60 times, as a client that waits.</summary>
    private async Task<JsonElement?> RetryAsync(Func<Task<JsonElement?>> send, string property)
    {
        for (var attempt = 0; attempt < 60 && DateTime.UtcNow < deadline + TimeSpan.FromSeconds(30); attempt++)
        {
            if (await send() is { } body && body.TryGetProperty(property, out _))
            {
                return body;
            }
            await Task.Delay(1_000);
        }
        return null;
    }
}
