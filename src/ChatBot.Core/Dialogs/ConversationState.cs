using System.Text.Json.Serialization;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Dialogs;

/// <summary>What the bot remembers of one conversation between turns, so follow-ups ("and in 2019?", "who is he?") have a referent.</summary>
public sealed record ConversationState
{
    /// <summary>The intent of the last answered question.</summary>
    public string? LastIntent { get; init; }

    /// <summary>The last question as the bot understood it (a follow-up already rewritten into a full question).</summary>
    public string? LastQuestion { get; init; }

    /// <summary>The facts the last answer came from.</summary>
    public IReadOnlyList<string> LastFactIds { get; init; } = [];

    /// <summary>Canonical names of the people, places and organisations of the last answer.</summary>
    public IReadOnlyList<string> LastEntities { get; init; } = [];

    /// <summary>The citations of the last answer, for "where is that from?".</summary>
    public IReadOnlyList<Citation> LastCitations { get; init; } = [];

    /// <summary>Every fact shown under <see cref="LastIntent"/>, so "tell me more" brings something new.</summary>
    public IReadOnlyList<string> ShownFactIds { get; init; } = [];

    public int Turns { get; init; }

    /// <summary>The answered turns, oldest first and at most <see cref="MaxAsked"/>, for "going back to what I asked first: …".</summary>
    public IReadOnlyList<AskedTurn> Asked { get; init; } = [];

    /// <summary>How many answered turns <see cref="Asked"/> keeps.</summary>
    public const int MaxAsked = 4;

    /// <summary>Set once the conversation got its welcome, so a second conversationUpdate does not welcome again.</summary>
    public bool Welcomed { get; init; }

    /// <summary>The buttons of the last ask-back: the text each one sends, and the topic and question it stands for.</summary>
    public IReadOnlyList<PendingChoice> PendingChoices { get; init; } = [];

    public static ConversationState Empty { get; } = new();
}

/// <summary>One answered turn: the question as understood, its topic and its facts (whose entities name what it was about).</summary>
public sealed record AskedTurn(string Question, string Intent, IReadOnlyList<string> FactIds);

/// <summary>One button of an ask-back: what it sends (<paramref name="Label"/>), and what it means.</summary>
public sealed record PendingChoice(string Label, string Intent, string Question);

/// <summary>Source-generated JSON for <see cref="ConversationState"/>, as stored through <see cref="IStorage"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConversationState))]
public sealed partial class ConversationStateJson : JsonSerializerContext;
