using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBot.Core.Protocol;

/// <summary>Metadata attached to an activity (a mention, a citation graph, client info), typed by <see cref="Type"/>.</summary>
public sealed class Entity
{
    public string? Type { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
