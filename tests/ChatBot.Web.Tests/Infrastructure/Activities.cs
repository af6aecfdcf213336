using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatBot.Web.Tests.Infrastructure;

/// <summary>Builds activity JSON the way the Emulator, Web Chat and Teams send it.</summary>
public static class Activities
{
    public static JsonObject Message(string text, string conversationId = "conv-1", string serviceUrl = "http://127.0.0.1:1/", bool expectReplies = true, string channelId = "emulator")
    {
        var activity = Base("message", conversationId, serviceUrl, channelId);
        activity["text"] = text;
        if (expectReplies)
        {
            activity["deliveryMode"] = "expectReplies";
        }
        return activity;
    }

    public static JsonObject ConversationUpdate(string conversationId, bool expectReplies = true)
    {
        var activity = Base("conversationUpdate", conversationId, "http://127.0.0.1:1/", "emulator");
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "user-1", ["name"] = "User" }, new JsonObject { ["id"] = "bot-1", ["name"] = "Bot" });
        if (expectReplies)
        {
            activity["deliveryMode"] = "expectReplies";
        }
        return activity;
    }

    public static JsonObject Base(string type, string conversationId, string serviceUrl, string channelId) => new()
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString("N"),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["channelId"] = channelId,
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = "user-1", ["name"] = "User", ["role"] = "user" },
        ["recipient"] = new JsonObject { ["id"] = "bot-1", ["name"] = "Bot", ["role"] = "bot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId },
        ["locale"] = "en-US",
    };

    public static StringContent Json(JsonNode node) => Json(node.ToJsonString());

    public static StringContent Json(string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>The message activities of an expectReplies answer.</summary>
    public static async Task<List<JsonElement>> RepliesAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("activities").EnumerateArray()
            .Where(a => a.GetProperty("type").GetString() == "message")
            .Select(a => a.Clone())
            .ToList();
    }

    public static string Text(this JsonElement activity) => activity.GetProperty("text").GetString() ?? "";
}
