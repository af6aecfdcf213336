using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace ChatBot.Core.Curation;

/// <summary>What a curator reviews: a question the bot refused, nearly answered or asked back about, or a rated answer.</summary>
public enum CuratorEventKind
{
    Refusal,
    NearMiss,
    AskBack,
    Like,
    Dislike,
}

/// <summary>
/// One event of the curator's loop. <see cref="User"/> is a hash, never a channel's user id; <see cref="Candidates"/>
/// are the facts nearest to an unanswered question, <see cref="FactIds"/> the facts a rated answer was built from.
/// </summary>
public sealed record CuratorEvent(
    DateTimeOffset Time,
    CuratorEventKind Kind,
    string User,
    string Channel,
    string Question,
    string? Answer,
    string? Reason,
    IReadOnlyList<string> FactIds,
    IReadOnlyList<string> Candidates,
    string? Comment,
    string? AnswerId);

/// <summary>An answer the bot sent and invited feedback on, remembered so a later like or dislike knows what it rates.</summary>
public sealed record AnsweredTurn(
    string AnswerId,
    DateTimeOffset Time,
    string User,
    string Channel,
    string Question,
    string Answer,
    string Kind,
    IReadOnlyList<string> FactIds);

/// <summary>Source-generated JSON for the stores' rows.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(CuratorEvent))]
[JsonSerializable(typeof(AnsweredTurn))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
public sealed partial class CuratorJson : JsonSerializerContext;

/// <summary>How user ids are kept: a SHA-256 of channel and id, so one user's events group without naming them.</summary>
public static class CuratorUser
{
    public static string Hash(string? channel, string? userId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{channel}\n{userId}")))[..16];
}
