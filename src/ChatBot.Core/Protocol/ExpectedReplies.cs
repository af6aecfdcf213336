namespace ChatBot.Core.Protocol;

/// <summary>The body of a 200 answer to an <c>expectReplies</c> request: every activity the bot sent in the turn.</summary>
public sealed class ExpectedReplies
{
    public List<Activity> Activities { get; set; } = [];
}

/// <summary>What an <c>invoke</c> activity is answered with: an HTTP status and an optional body.</summary>
public sealed record InvokeResponse(int Status, System.Text.Json.JsonElement? Body);

/// <summary>The Connector's answer to a sent activity: the id it was stored under.</summary>
public sealed class ResourceResponse
{
    public string? Id { get; set; }
}
