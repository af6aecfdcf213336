using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBot.Core.Protocol;

/// <summary>
/// The schema.org <c>Message</c> entity that Web Chat and Teams render as citations: each claim is matched by
/// <see cref="Claim.Position"/> to a <c>[n]</c> marker in the markdown text. It is the activity's one root message
/// (<c>@id</c> empty), so Web Chat also reads its <see cref="PotentialAction"/> as the reply's feedback buttons.
/// </summary>
public sealed class CitationGraph
{
    [JsonPropertyName("type")] public string Type { get; init; } = "https://schema.org/Message";
    [JsonPropertyName("@context")] public string Context { get; init; } = "https://schema.org";
    [JsonPropertyName("@id")] public string Id { get; init; } = "";
    [JsonPropertyName("@type")] public string SchemaType { get; init; } = "Message";
    [JsonPropertyName("citation")] public List<Claim>? Citation { get; init; }
    [JsonPropertyName("potentialAction")] public List<FeedbackAction>? PotentialAction { get; init; }

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

/// <summary>One cited claim: its number in the text and where it appears (a document name and the quoted text).</summary>
public sealed class Claim
{
    [JsonPropertyName("@type")] public string SchemaType { get; init; } = "Claim";
    [JsonPropertyName("@id")] public string? Id { get; init; }
    [JsonPropertyName("position")] public int Position { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("appearance")] public DigitalDocument Appearance { get; init; } = new();
}

/// <summary>The cited document: a seed file, the line range in its name, the quote as its abstract or text.</summary>
public sealed class DigitalDocument
{
    /// <summary>The one <c>encodingFormat</c> Teams accepts: <see cref="Text"/> holds a stringified Adaptive Card.</summary>
    public const string AdaptiveCardFormat = "application/vnd.microsoft.card.adaptive";

    [JsonPropertyName("@type")] public string SchemaType { get; init; } = "DigitalDocument";
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("abstract")] public string? Abstract { get; init; }
    [JsonPropertyName("text")] public string? Text { get; init; }
    [JsonPropertyName("encodingFormat")] public string? EncodingFormat { get; init; }
    [JsonPropertyName("keywords")] public List<string>? Keywords { get; init; }
    [JsonPropertyName("url")] public string? Url { get; init; }
}

/// <summary>
/// A schema.org <c>LikeAction</c> or <c>DislikeAction</c>: Web Chat 4.18 draws it as a thumb button and posts it back,
/// whole, in a <c>webchat:activity-status/feedback</c> event; <see cref="Identifier"/> names the answer it rates.
/// </summary>
public sealed class FeedbackAction
{
    public const string Like = "LikeAction";
    public const string Dislike = "DislikeAction";

    [JsonPropertyName("@type")] public string SchemaType { get; init; } = Like;
    [JsonPropertyName("identifier")] public string? Identifier { get; init; }
}
