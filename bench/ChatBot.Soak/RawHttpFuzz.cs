using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChatBot.Soak;

/// <summary>
/// Requests HttpClient will not send: broken request lines and framing, conflicting lengths, header lines without a
/// colon or with bytes outside ASCII, bodies cut short. Written to a socket, the status line read back.
/// </summary>
public static class RawHttpFuzz
{
    public const int Rounds = 25;

    private const string Activity = """{"type":"message","id":"1","channelId":"emulator","serviceUrl":"http://127.0.0.1:1/","deliveryMode":"expectReplies","from":{"id":"u"},"conversation":{"id":"raw"},"text":"hello"}""";

    public static IReadOnlyList<Func<Random, byte[]>> Cases { get; } =
    [
        _ => Ascii($"POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\nContent-Length: 500\r\n\r\n{Activity}"),
        _ => Ascii($"POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nContent-Length: 10\r\n\r\nzz\r\n{Activity}\r\n0\r\n\r\n"),
        _ => Ascii($"POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFF\r\n{Activity}"),
        r => Ascii($"POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {Activity.Length + r.Next(1, 50)}\r\n\r\n{Activity}"), // cut short, then closed
        _ => Ascii("POST /api/messages HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n"),
        _ => [.. Encoding.ASCII.GetBytes("POST /api/messages HTTP/1.1\r\nHost: x\r\nX-Bytes: "), 0xC3, 0x28, 0xFF, 0x00, .. Encoding.ASCII.GetBytes("\r\nContent-Length: 0\r\n\r\n")],
        r => Ascii($"GET /{new string('a', r.Next(9_000, 70_000))} HTTP/1.1\r\nHost: x\r\n\r\n"),
        _ => Ascii("POST /api/messages HTTP/9.9\r\nHost: x\r\nContent-Length: 0\r\n\r\n"),
        _ => Ascii("FOO BAR BAZ QUX\r\n\r\n"),
        _ => Ascii($"POST /api/messages HTTP/1.0\r\nContent-Type: application/json\r\nContent-Length: {Activity.Length}\r\n\r\n{Activity}"),
        _ => Ascii("POST /v3/directline/tokens/generate HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"),
        _ => Ascii("GET /v3/directline/conversations/%zz/activities HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer a.b.c\r\n\r\n"),
        r => Ascii("POST /api/messages HTTP/1.1\r\nHost: x\r\n" + string.Concat(Enumerable.Range(0, r.Next(200, 400)).Select(i => $"X-{i}: {new string('v', 100)}\r\n")) + "Content-Length: 0\r\n\r\n"),
        _ => Ascii($"POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {Activity.Length}\r\n\r\n{Activity}GARBAGE / HTTP/1.1\r\n\r\n"),
        _ => Ascii("POST /api/messages HTTP/1.1\r\nHost: x\r\n Folded: header\r\nContent-Length: 0\r\n\r\n"),
        _ => Ascii("\r\n\r\n\r\nGET / HTTP/1.1\r\n\r\n"),
    ];

    /// <summary>The case whose body is shorter than its Content-Length: the socket's sending side is closed after it.</summary>
    private const int CutShort = 3;

    public sealed record Outcome(int Sent, SortedDictionary<int, int> Statuses, List<string> ServerErrors);

    public static async Task<Outcome> RunAsync(int port, Random random)
    {
        var statuses = new SortedDictionary<int, int>();
        var errors = new List<string>();
        var sent = 0;
        for (var round = 0; round < Rounds; round++)
        {
            for (var i = 0; i < Cases.Count; i++)
            {
                var status = await SendAsync(port, Cases[i](random), halfClose: i == CutShort);
                sent++;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                // 505 is the right answer to a request line naming an HTTP version that does not exist (Kestrel's).
                if (status >= 500 && !(status == 505 && i is 7 or 8))
                {
                    errors.Add($"raw case {i}: {status}");
                }
            }
        }
        return new Outcome(sent, statuses, errors);
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    /// <summary>The status code of the first response line, or 0 when the host closed the connection without one.</summary>
    private static async Task<int> SendAsync(int port, byte[] request, bool halfClose)
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(request, timeout.Token);
            if (halfClose)
            {
                client.Client.Shutdown(SocketShutdown.Send); // a body cut short stays cut short
            }
            var buffer = new byte[64];
            var read = 0;
            while (read < 12)
            {
                var n = await stream.ReadAsync(buffer.AsMemory(read), timeout.Token);
                if (n == 0)
                {
                    break;
                }
                read += n;
            }
            var line = Encoding.ASCII.GetString(buffer, 0, read);
            return line.StartsWith("HTTP/1.", StringComparison.Ordinal) && line.Length >= 12 && int.TryParse(line.AsSpan(9, 3), out var status) ? status : 0;
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return 0;
        }
    }
}
