namespace ChatBot.Core.Intents;

/// <summary>The kinds of dialog handler an intent can name in its <c>handler:</c> field.</summary>
public enum HandlerKind
{
    Facts,
    Timeline,
    People,
    Sources,
    Greeting,
    Help,
    Chitchat,
    OutOfScope,
}

/// <summary>The snake_case names the YAML uses for <see cref="HandlerKind"/>.</summary>
public static class HandlerKinds
{
    private static readonly IReadOnlyDictionary<string, HandlerKind> ByName = new Dictionary<string, HandlerKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["facts"] = HandlerKind.Facts,
        ["timeline"] = HandlerKind.Timeline,
        ["people"] = HandlerKind.People,
        ["sources"] = HandlerKind.Sources,
        ["greeting"] = HandlerKind.Greeting,
        ["help"] = HandlerKind.Help,
        ["chitchat"] = HandlerKind.Chitchat,
        ["out_of_scope"] = HandlerKind.OutOfScope,
    };

    public static IEnumerable<string> Names => ByName.Keys;

    public static bool TryParse(string? name, out HandlerKind kind) => ByName.TryGetValue(name?.Trim() ?? string.Empty, out kind);

    /// <summary>The facts, timeline and people handlers: the ones that answer from the documents.</summary>
    public static bool AnswersFromDocuments(HandlerKind kind) => kind is HandlerKind.Facts or HandlerKind.Timeline or HandlerKind.People;
}
