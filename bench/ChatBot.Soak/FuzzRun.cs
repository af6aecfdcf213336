using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using ChatBot.Tests.Shared;

namespace ChatBot.Soak;

/// <summary>
/// The full fuzz run: <c>count</c> generated requests (tests/Shared/FuzzCases.cs) and a set of raw, malformed HTTP
/// requests against one real host on loopback; then checks that the host still answers correctly. Exit code 0 only
/// with no server error, no error logged by the host, and correct answers afterwards.
/// </summary>
public static class FuzzRun
{
    public static async Task<int> RunAsync(int count, int seed, TimeSpan limit)
    {
        var started = Stopwatch.StartNew();
        Console.WriteLine($"fuzz: {count:N0} generated requests + {RawHttpFuzz.Cases.Count * RawHttpFuzz.Rounds:N0} raw ones, seed {seed}, at most {limit.TotalMinutes:0} min");
        await using var host = await BotHostProcess.StartAsync("fuzz", new Dictionary<string, string>
        {
            // The limits out of the way, so the requests reach the endpoints rather than the limiter's 429.
            ["DirectLine__PostsPerMinute"] = "100000",
            ["DirectLine__ReadsPerMinute"] = "100000",
            ["DirectLine__TokensPerMinute"] = "100000",
        }, TimeSpan.FromMinutes(2));
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
        {
            BaseAddress = host.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var rssStart = host.RssMegabytes();

        var statuses = new SortedDictionary<int, int>();
        var byKind = new SortedDictionary<string, (int Requests, int ServerErrors)>();
        var serverErrors = new List<string>();
        var closed = 0;
        var invokeNotHandled = 0;
        var random = new Random(seed);
        FuzzConversation? conversation = null;
        var sent = 0;
        for (; sent < count && started.Elapsed < limit; sent++)
        {
            if (sent % 1_000 == 0)
            {
                conversation = await StartConversationAsync(http); // fresh every thousand: a full conversation drops its oldest activities
            }
            var generated = FuzzCases.Next(random, sent, conversation!);
            int status;
            try
            {
                using var request = generated.ToHttpRequest();
                using var response = await http.SendAsync(request);
                status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync();
                if (body.Contains("   at ", StringComparison.Ordinal))
                {
                    serverErrors.Add($"#{sent} {generated.Kind}: stack trace in a {status} answer");
                }
            }
            catch (HttpRequestException)
            {
                closed++; // Kestrel answered and closed the connection (an oversized header, a bad framing), or refused it
                status = 0;
            }
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var isError = generated.IsServerError(status);
            invokeNotHandled += status == 501 && !isError ? 1 : 0;
            var (requests, errors) = byKind.GetValueOrDefault(generated.Kind);
            byKind[generated.Kind] = (requests + 1, errors + (isError ? 1 : 0));
            if (isError)
            {
                serverErrors.Add($"#{sent} {generated.Kind} {generated.Method} {generated.Path[..Math.Min(100, generated.Path.Length)]}: {status}");
            }
        }
        var generatedElapsed = started.Elapsed;
        var raw = await RawHttpFuzz.RunAsync(host.Port, new Random(seed + 1));
        var rssEnd = host.RssMegabytes();

        var answers = await CheckAnswersAsync(http);
        Console.WriteLine();
        Console.WriteLine($"generated requests: {sent:N0} in {generatedElapsed.TotalSeconds:0.0} s ({sent / generatedElapsed.TotalSeconds:0} req/s)");
        Console.WriteLine("statuses: " + string.Join(", ", statuses.Select(s => $"{(s.Key == 0 ? "closed" : s.Key.ToString())} × {s.Value:N0}")));
        Console.WriteLine($"501 to an invoke (\"not handled\", the protocol's answer): {invokeNotHandled:N0}; connections closed by the host: {closed:N0}");
        Console.WriteLine("by kind: " + string.Join(", ", byKind.Select(k => $"{k.Key} {k.Value.Requests:N0}")));
        Console.WriteLine($"raw HTTP: {raw.Sent:N0} sent, statuses: {string.Join(", ", raw.Statuses.Select(s => $"{(s.Key == 0 ? "closed" : s.Key.ToString())} × {s.Value:N0}"))}");
        Console.WriteLine($"server errors (5xx other than an invoke's 501, or a stack trace): {serverErrors.Count + raw.ServerErrors.Count}");
        foreach (var line in serverErrors.Concat(raw.ServerErrors).Take(20))
        {
            Console.WriteLine("  " + line);
        }
        Console.WriteLine($"errors the host logged (fail:/crit:), undeliverable Connector replies aside: {host.ErrorLines}; by category: " +
                          string.Join(", ", host.ErrorCategories.Select(c => $"{c.Key} × {c.Value}")));
        foreach (var line in host.ErrorSamples.Take(40))
        {
            Console.WriteLine("  | " + line);
        }
        Console.WriteLine($"host RSS: {rssStart:0.0} MB at start, {rssEnd:0.0} MB after the run; still running: {!host.HasExited}");
        Console.WriteLine($"afterwards: {answers}");
        Console.WriteLine($"total time: {started.Elapsed.TotalSeconds:0} s");
        var ok = serverErrors.Count == 0 && raw.ServerErrors.Count == 0 && host.ErrorLines == 0 && !host.HasExited && answers.StartsWith("correct", StringComparison.Ordinal);
        Console.WriteLine(ok ? "fuzz: PASS" : "fuzz: FAIL");
        return ok ? 0 : 1;
    }

    private static async Task<FuzzConversation> StartConversationAsync(HttpClient http)
    {
        using var generate = await http.PostAsync("/v3/directline/tokens/generate", null);
        var token = JsonDocument.Parse(await generate.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new("Bearer", token);
        using var started = await http.SendAsync(start);
        var body = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement;
        return new FuzzConversation(body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!);
    }

    /// <summary>A cited answer through /api/messages and through Direct Line, after everything the fuzz sent.</summary>
    private static async Task<string> CheckAnswersAsync(HttpClient http)
    {
        var activity = """{"type":"message","id":"after-1","channelId":"emulator","serviceUrl":"http://127.0.0.1:1/","deliveryMode":"expectReplies","from":{"id":"u1"},"recipient":{"id":"bot"},"conversation":{"id":"fuzz-after"},"text":"when were diplomatic relations established?"}""";
        using var messages = await http.PostAsync("/api/messages", new StringContent(activity, Encoding.UTF8, "application/json"));
        var text = await messages.Content.ReadAsStringAsync();
        if (messages.StatusCode != HttpStatusCode.OK || !text.Contains("1992", StringComparison.Ordinal))
        {
            return $"WRONG: /api/messages answered {(int)messages.StatusCode}: {text[..Math.Min(200, text.Length)]}";
        }
        var conversation = await StartConversationAsync(http);
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversation.ConversationId}/activities")
        {
            Content = new StringContent("""{"type":"message","text":"What was the trade volume between Kazakhstan and Korea in 2019?","from":{"id":"x"}}""", Encoding.UTF8, "application/json"),
        };
        post.Headers.Authorization = new("Bearer", conversation.Token);
        using var posted = await http.SendAsync(post);
        using var poll = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversation.ConversationId}/activities");
        poll.Headers.Authorization = new("Bearer", conversation.Token);
        using var polled = await http.SendAsync(poll);
        var page = await polled.Content.ReadAsStringAsync();
        return posted.IsSuccessStatusCode && page.Contains("4.2 billion", StringComparison.Ordinal)
            ? "correct (/api/messages: 1992 with its source; Direct Line: 4.2 billion)"
            : $"WRONG: Direct Line post {(int)posted.StatusCode}, poll {(int)polled.StatusCode}";
    }
}
