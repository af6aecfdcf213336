using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBot.Core.Protocol;

/// <summary>
/// The schema.org <c>Message</c> entity that Web Chat and Teams render as citations: each claim is matched by
/// <see cref="Claim.Position"/> to a <c>[n]</c> marker in the markdown text.
/// </summary>
public sealed class CitationGraph
{
    [JsonPropertyName("type")] public string Type { get; init; } = "https://schema.org/Message";
    [JsonPropertyName("@context")] public string Context { get; init; } = "https://schema.org";
    [JsonPropertyName("@id")] public string Id { get; init; } = "";
    [JsonPropertyName("@type")] public string SchemaType { get; init; } = "Message";
    [JsonPropertyName("citation")] public List<Claim> Citation { get; init; } = [];

    /// <summary>The graph as an activity entity.</summary>
    public Entity ToEntity()
    {
        var element = JsonSerializer.SerializeToElement(this, ProtocolJson.Default.CitationGraph);
        var properties = new Dictionary<string, JsonElement>();
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name != "type")
            {
                properties[property.Name] = property.Value.Clone();
            }
        }
        return new Entity { Type = Type, Properties = properties };
    }
}

/// <summary>One cited claim: where it appears (a document name and the quoted text).</summary>
public sealed class Claim
{
    [JsonPropertyName("@type")] public string SchemaType { get; init; } = "Claim";
    [JsonPropertyName("@id")] public string? Id { get; init; }
    [JsonPropertyName("position")] public int Position { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("appearance")] public DigitalDocument Appearance { get; init; } = new();
}

/// <summary>The cited document: a seed file, the line range in its name, the quote as its text.</summary>
public sealed class DigitalDocument
{
    [JsonPropertyName("@type")] public string SchemaType { get; init; } = "DigitalDocument";
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("abstract")] public string? Abstract { get; init; }
    [JsonPropertyName("text")] public string? Text { get; init; }
    [JsonPropertyName("encodingFormat")] public string EncodingFormat { get; init; } = "text/plain";
    [JsonPropertyName("url")] public string? Url { get; init; }
}
