using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBot.Core.Protocol;

/// <summary>A participant of a conversation: a user, the bot or a channel member.</summary>
public sealed class ChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Role { get; set; }
    public string? AadObjectId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
