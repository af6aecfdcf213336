using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChatBot.Core.Intents;

namespace ChatBot.Core.Dialogs;

/// <summary>One turn the bot could not answer, as the curators read it: never the raw conversation id.</summary>
public sealed record UnansweredEntry(DateTimeOffset Time, string Conversation, string Text, string Kind, IReadOnlyList<IntentScore> TopIntents);

/// <summary>Source-generated JSON for the unanswered log's lines.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(UnansweredEntry))]
public sealed partial class UnansweredJson : JsonSerializerContext;

/// <summary>
/// Appends fallback and out-of-scope turns to a JSON Lines file so curators see what users ask that the documents do
/// not answer. One line per turn, written whole under a lock; a write that fails is dropped, never the turn.
/// </summary>
public sealed class UnansweredLog(string? path, TimeProvider clock)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string? Path { get; } = string.IsNullOrWhiteSpace(path) ? null : path;

    public static string HashConversation(string conversationId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(conversationId)));

    public async Task AppendAsync(string conversationId, string text, AnswerKind kind, IntentRanking? ranking, CancellationToken cancellationToken)
    {
        if (Path is null)
        {
            return;
        }
        var entry = new UnansweredEntry(clock.GetUtcNow(), HashConversation(conversationId), text, kind.ToString(),
            [.. (ranking?.Ranked ?? []).Take(3).Select(s => s with { Score = Math.Round(s.Score, 3) })]);
        var line = JsonSerializer.Serialize(entry, UnansweredJson.Default.UnansweredEntry) + "\n";
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            await File.AppendAllTextAsync(Path, line, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The log serves curators; a full disk must not cost the user the answer.
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Every readable line of a log; lines that are not valid entries are skipped.</summary>
    public static IReadOnlyList<UnansweredEntry> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }
        var entries = new List<UnansweredEntry>();
        foreach (var line in File.ReadLines(path))
        {
            try
            {
                if (!string.IsNullOrWhiteSpace(line) && JsonSerializer.Deserialize(line, UnansweredJson.Default.UnansweredEntry) is { } entry)
                {
                    entries.Add(entry);
                }
            }
            catch (JsonException)
            {
                // A torn or hand-edited line is skipped, not fatal.
            }
        }
        return entries;
    }
}
