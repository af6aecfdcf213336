using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Web.Tests.Infrastructure;

namespace ChatBot.Web.Tests.DirectLine;

/// <summary>Speaks Direct Line to the host the way DirectLineJS (Web Chat's client) does.</summary>
public sealed class DirectLineClient(HttpClient http)
{
    public const string Prefix = "/v3/directline";

    /// <summary>A token answer: the conversation it is bound to, the token and its lifetime.</summary>
    public sealed record Conversation(string ConversationId, string Token, int ExpiresIn);

    /// <summary>A polled page: the activities after the watermark and the watermark to ask from next.</summary>
    public sealed record ActivitySet(List<JsonElement> Activities, string Watermark);

    public HttpClient Http => http;

    public async Task<Conversation> GenerateTokenAsync()
    {
        using var response = await http.PostAsync($"{Prefix}/tokens/generate", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await ReadConversationAsync(response);
    }

    /// <summary>Generates a token and starts its conversation (the bot's welcome is then in the activity list).</summary>
    public async Task<Conversation> StartAsync()
    {
        var generated = await GenerateTokenAsync();
        using var response = await SendAsync(HttpMethod.Post, $"{Prefix}/conversations", generated.Token, Activities.Json("{}"));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return await ReadConversationAsync(response);
    }

    public Task<HttpResponseMessage> PostActivityAsync(string token, string conversationId, JsonNode activity) =>
        SendAsync(HttpMethod.Post, $"{Prefix}/conversations/{conversationId}/activities", token, Activities.Json(activity));

    /// <summary>Posts a message as Web Chat does (with a clientActivityID) and returns the id the channel gave it.</summary>
    public async Task<string> SayAsync(Conversation conversation, string text, string? clientActivityId = null)
    {
        using var response = await PostActivityAsync(conversation.Token, conversation.ConversationId, Message(text, clientActivityId));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetString()!;
    }

    public Task<HttpResponseMessage> GetActivitiesAsync(string token, string conversationId, string? watermark = null) =>
        SendAsync(HttpMethod.Get, $"{Prefix}/conversations/{conversationId}/activities" + (watermark is null ? "" : $"?watermark={Uri.EscapeDataString(watermark)}"), token);

    public async Task<ActivitySet> PollAsync(Conversation conversation, string? watermark = null)
    {
        using var response = await GetActivitiesAsync(conversation.Token, conversation.ConversationId, watermark);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var activities = body.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.Clone()).ToList();
        return new ActivitySet(activities, body.RootElement.GetProperty("watermark").GetString()!);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await http.SendAsync(request);
    }

    /// <summary>A message the way Web Chat posts it: a client-chosen from, a clientActivityID in channelData.</summary>
    public static JsonObject Message(string text, string? clientActivityId = null) => new()
    {
        ["type"] = "message",
        ["text"] = text,
        ["textFormat"] = "plain",
        ["locale"] = "en-US",
        ["from"] = new JsonObject { ["id"] = "r_webchat", ["name"] = "", ["role"] = "user" },
        ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId ?? Guid.NewGuid().ToString("N") },
    };

    /// <summary>The JSON payload of a token (the middle part), as Web Chat decodes it to find the user id.</summary>
    public static JsonElement Claims(string token)
    {
        var payload = token.Split('.')[1];
        return JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(payload)).RootElement.Clone();
    }

    private static async Task<Conversation> ReadConversationAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        return new Conversation(root.GetProperty("conversationId").GetString()!, root.GetProperty("token").GetString()!, root.GetProperty("expires_in").GetInt32());
    }
}

/// <summary>Reads the parts of a polled activity the tests look at.</summary>
public static class DirectLineActivity
{
    public static string Type(this JsonElement activity) => activity.GetProperty("type").GetString()!;

    public static string Role(this JsonElement activity) => activity.GetProperty("from").GetProperty("role").GetString()!;

    public static string FromId(this JsonElement activity) => activity.GetProperty("from").GetProperty("id").GetString()!;

    public static bool IsBotMessage(this JsonElement activity) => activity.Type() == "message" && activity.Role() == "bot";
}
