using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatBot.Tests.Shared;

/// <summary>
/// Generates hostile request bodies from real activities: truncated, byte-flipped (invalid UTF-8), deeply nested,
/// huge, wrongly typed, spliced, or random JSON. Deterministic for a given <see cref="Random"/>.
/// </summary>
public static class FuzzBodies
{
    /// <summary>Activities as the Emulator, Teams and Web Chat send them, the raw material of the mutations.</summary>
    public static IReadOnlyList<string> Seeds(string conversationId) =>
    [
        Activity("message", conversationId, new JsonObject { ["text"] = "what was the trade volume in 2019", ["deliveryMode"] = "expectReplies" }),
        Activity("message", conversationId, new JsonObject
        {
            ["text"] = "<at>KzKr Bot</at> when were diplomatic relations established?",
            ["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = "<at>KzKr Bot</at>", ["mentioned"] = new JsonObject { ["id"] = "bot-1" } }),
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "t-1" } },
            ["deliveryMode"] = "expectReplies",
        }),
        Activity("conversationUpdate", conversationId, new JsonObject
        {
            ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "user-1" }, new JsonObject { ["id"] = "bot-1" }),
            ["deliveryMode"] = "expectReplies",
        }),
        Activity("invoke", conversationId, new JsonObject { ["name"] = "message/submitAction", ["value"] = new JsonObject { ["actionName"] = "feedback", ["actionValue"] = new JsonObject { ["reaction"] = "like" } } }),
        Activity("event", conversationId, new JsonObject { ["name"] = "webchat/join", ["value"] = new JsonObject { ["language"] = "en-US" } }),
        Activity("messageReaction", conversationId, new JsonObject { ["reactionsAdded"] = new JsonArray(new JsonObject { ["type"] = "like" }), ["replyToId"] = "1" }),
        Activity("message", conversationId, new JsonObject
        {
            ["text"] = "and in 2010?",
            ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "image/png", ["contentUrl"] = "http://127.0.0.1:1/x.png" }),
            ["suggestedActions"] = new JsonObject { ["actions"] = new JsonArray(new JsonObject { ["type"] = "imBack", ["value"] = "x" }) },
        }),
    ];

    private static string Activity(string type, string conversationId, JsonObject extra)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = "a-" + conversationId,
            ["timestamp"] = "2026-11-24T10:00:00.000Z",
            ["channelId"] = "emulator",
            ["serviceUrl"] = "http://127.0.0.1:1/",
            ["from"] = new JsonObject { ["id"] = "user-1", ["name"] = "User", ["role"] = "user" },
            ["recipient"] = new JsonObject { ["id"] = "bot-1", ["name"] = "Bot", ["role"] = "bot" },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["locale"] = "en-US",
        };
        foreach (var (key, value) in extra)
        {
            activity[key] = value?.DeepClone();
        }
        return activity.ToJsonString();
    }

    /// <summary>One hostile body, the kind picked by <paramref name="kind"/> (any integer; it wraps).</summary>
    public static byte[] Next(Random random, int kind, string seed) => (Math.Abs(kind) % 10) switch
    {
        0 => Truncate(Encoding.UTF8.GetBytes(seed), random),
        1 => FlipBytes(Encoding.UTF8.GetBytes(seed), random),
        2 => Encoding.UTF8.GetBytes(Deep(random)),
        3 => RandomBytes(random, random.Next(1, 4_000)),
        4 => Encoding.UTF8.GetBytes(WrongTypes(random)),
        5 => Encoding.UTF8.GetBytes(HugeString(random)),
        6 => Splice(Encoding.UTF8.GetBytes(seed), random),
        7 => Encoding.UTF8.GetBytes(RandomJson(random, 0)),
        8 => InvalidUtf8(seed, random),
        _ => Encoding.UTF8.GetBytes(MutateField(seed, random)),
    };

    private static byte[] Truncate(byte[] seed, Random random) => seed[..random.Next(seed.Length)];

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

    /// <summary>Arrays, objects or both nested 10 to 20,000 deep, in a field the bot reads or one it does not.</summary>
    private static string Deep(Random random)
    {
        var depth = random.Next(10, random.Next(2) == 0 ? 200 : 20_000);
        var field = random.Next(3) switch { 0 => "channelData", 1 => "value", _ => "entities" };
        var (open, close) = random.Next(3) switch
        {
            0 => (new string('[', depth), new string(']', depth)),
            1 => (string.Concat(Enumerable.Repeat("{\"a\":", depth)), "1" + new string('}', depth)),
            _ => (string.Concat(Enumerable.Repeat("[{\"a\":", depth)), "1" + string.Concat(Enumerable.Repeat("}]", depth))),
        };
        return "{\"type\":\"message\",\"text\":\"hi\",\"conversation\":{\"id\":\"c\"},\"serviceUrl\":\"http://127.0.0.1:1/\",\"" + field + "\":" + open + close + "}";
    }

    private static readonly string[] Values = ["1", "true", "false", "null", "[]", "{}", "\"x\"", "-1e999", "1e400", "-0", "\"2026-13-45T99:99\"", "[null]", "{\"id\":[]}", "\"\\u0000\"", "9223372036854775808"];

    private static readonly string[] Fields = ["type", "id", "timestamp", "localTimestamp", "from", "recipient", "conversation", "text", "textFormat",
        "entities", "membersAdded", "membersRemoved", "suggestedActions", "attachments", "deliveryMode", "serviceUrl", "channelId", "channelData",
        "value", "name", "replyToId", "locale", "reactionsAdded", "inputHint", "speak", "expiration", "importance", "listenFor"];

    private static string WrongTypes(Random random)
    {
        var parts = Fields.Where(_ => random.Next(2) == 0).Select(f => $"\"{f}\":{Values[random.Next(Values.Length)]}");
        return "{" + string.Join(",", parts) + "}";
    }

    private static string HugeString(Random random)
    {
        var control = new string(Enumerable.Range(0, random.Next(1, 200)).Select(_ => (char)random.Next(0, 32)).ToArray());
        var escaped = string.Concat(control.Select(c => $"\\u{(int)c:x4}"));
        var filler = random.Next(4) switch
        {
            0 => new string('x', random.Next(1_000, 300_000)),
            1 => string.Concat(Enumerable.Repeat("\\ud83d\\ude00", random.Next(100, 20_000))), // surrogate pairs
            2 => string.Concat(Enumerable.Repeat("Казахстан 한국 ", random.Next(100, 10_000))),
            _ => new string('9', random.Next(1_000, 100_000)),
        };
        var field = random.Next(3) switch { 0 => "text", 1 => "id", _ => "locale" };
        return $$"""{"type":"message","channelId":"emulator","from":{"id":"u"},"conversation":{"id":"c"},"deliveryMode":"expectReplies","serviceUrl":"http://127.0.0.1:1","text":"hi","{{field}}":"{{escaped}}{{filler}}"}""";
    }

    /// <summary>Real activities with byte sequences no UTF-8 decoder may accept: overlong forms, lone surrogates, stray continuation bytes.</summary>
    private static byte[] InvalidUtf8(string seed, Random random)
    {
        byte[][] bad = [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xFF], [0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80]];
        var bytes = Encoding.UTF8.GetBytes(seed).ToList();
        var textAt = seed.IndexOf("\"text\":\"", StringComparison.Ordinal);
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var at = textAt > 0 && random.Next(2) == 0 ? textAt + 8 : random.Next(bytes.Count);
            bytes.InsertRange(Math.Min(at, bytes.Count), bad[random.Next(bad.Length)]);
        }
        if (random.Next(4) == 0)
        {
            bytes.InsertRange(0, new byte[] { 0xEF, 0xBB, 0xBF }); // a byte-order mark in front
        }
        return [.. bytes];
    }

    /// <summary>A real activity with one field removed, retyped or replaced, or its type changed.</summary>
    private static string MutateField(string seed, Random random)
    {
        var activity = JsonNode.Parse(seed)!.AsObject();
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var field = Fields[random.Next(Fields.Length)];
            switch (random.Next(4))
            {
                case 0:
                    activity.Remove(field);
                    break;
                case 1:
                    activity[field] = JsonNode.Parse(Values[random.Next(Values.Length)]);
                    break;
                case 2:
                    activity[field] = JsonNode.Parse(RandomJson(random, 2));
                    break;
                default:
                    activity["type"] = random.Next(3) switch { 0 => "", 1 => "MESSAGE", _ => "x" + random.Next(1000) };
                    break;
            }
        }
        return activity.ToJsonString();
    }

    public static string RandomJson(Random random, int depth)
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
            3 => random.NextDouble().ToString(CultureInfo.InvariantCulture),
            _ => "\"" + random.Next() + "\"",
        };
    }
}
