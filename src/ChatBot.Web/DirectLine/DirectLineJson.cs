using System.Text.Json.Serialization;

namespace ChatBot.Web.DirectLine;

/// <summary>The body of Direct Line's token and conversation answers (<c>expires_in</c> in snake case, as Direct Line).</summary>
public sealed record ConversationResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>Source-generated JSON metadata for the Direct Line wire types that are not activities.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TokenPayload))]
[JsonSerializable(typeof(ConversationResponse))]
[JsonSerializable(typeof(DirectLineConversation))]
public sealed partial class DirectLineJson : JsonSerializerContext;
