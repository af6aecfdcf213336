using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBot.Core.Protocol;

/// <summary>Source-generated JSON metadata for the wire types: camelCase, nulls left out, no reflection at run time.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    MaxDepth = 64)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ExpectedReplies))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(List<Activity>))]
[JsonSerializable(typeof(CitationGraph))]
[JsonSerializable(typeof(MentionTarget))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
public sealed partial class ProtocolJson : JsonSerializerContext;
