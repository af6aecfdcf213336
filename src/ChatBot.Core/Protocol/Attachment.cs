using System.Text.Json;

namespace ChatBot.Core.Protocol;

/// <summary>A card, file or other rich content carried by an activity.</summary>
public sealed class Attachment
{
    public string? ContentType { get; set; }
    public JsonElement? Content { get; set; }
    public string? ContentUrl { get; set; }
    public string? Name { get; set; }
    public string? ThumbnailUrl { get; set; }
}
