using System.Text.Json;

namespace ChatBot.Core.Bot;

/// <summary>
/// The value of Teams' <c>message/submitAction</c> invoke from its default feedback form:
/// <c>{"actionName":"feedback","actionValue":{"reaction":"like"|"dislike","feedback":"{\"feedbackText\":\"…\"}"}}</c>.
/// </summary>
public sealed record TeamsFeedback(bool Like, string? Comment)
{
    /// <summary>The feedback in <paramref name="value"/>, or null when it is not a feedback submission.</summary>
    public static TeamsFeedback? Read(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v
            || !v.TryGetProperty("actionName", out var name) || name.ValueKind != JsonValueKind.String || name.GetString() != "feedback"
            || !v.TryGetProperty("actionValue", out var action) || action.ValueKind != JsonValueKind.Object
            || !action.TryGetProperty("reaction", out var reaction) || reaction.ValueKind != JsonValueKind.String)
        {
            return null;
        }
        var like = reaction.GetString() switch { "like" => true, "dislike" => false, _ => (bool?)null };
        return like is null ? null : new TeamsFeedback(like.Value, FormText(action));
    }

    /// <summary>The form's text: Teams sends it as a JSON string inside <c>feedback</c>; a plain string is taken as it is.</summary>
    private static string? FormText(JsonElement action)
    {
        if (!action.TryGetProperty("feedback", out var feedback))
        {
            return null;
        }
        if (feedback.ValueKind == JsonValueKind.Object)
        {
            return Text(feedback);
        }
        if (feedback.ValueKind != JsonValueKind.String || feedback.GetString() is not { Length: > 0 } raw)
        {
            return null;
        }
        try
        {
            using var inner = JsonDocument.Parse(raw);
            return inner.RootElement.ValueKind == JsonValueKind.Object ? Text(inner.RootElement) : raw;
        }
        catch (JsonException)
        {
            return raw;
        }
    }

    private static string? Text(JsonElement form) =>
        form.TryGetProperty("feedbackText", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;
}
