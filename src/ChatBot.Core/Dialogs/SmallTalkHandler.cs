using ChatBot.Core.Intents;

namespace ChatBot.Core.Dialogs;

/// <summary>
/// Greeting, help and chit-chat in one consistent persona: brief, friendly, and always saying what the bot knows
/// and where it comes from, then pointing back to questions it can answer.
/// </summary>
public sealed class SmallTalkHandler(DialogCatalog dialogs, SourceCatalog sources) : IDialogHandler
{
    public IReadOnlyList<HandlerKind> Kinds { get; } = [HandlerKind.Greeting, HandlerKind.Help, HandlerKind.Chitchat];

    /// <summary>"I answer questions about … from five documents …": the persona's one-line self-description.</summary>
    public string WhatIKnow =>
        $"I'm a small bot that answers questions about relations between Kazakhstan and the Republic of Korea, only from {sources.Documents.Count} documents " +
        "(ambassadors' interviews, a foreign ministry press release and a book chapter, 2008–2022), and I name the file and lines behind every answer.";

    public DialogReply Handle(DialogTurn turn)
    {
        var dialog = dialogs.Find(turn.Intent);
        var text = dialog?.Handler switch
        {
            HandlerKind.Greeting => "Hello! " + WhatIKnow + " What would you like to know?",
            HandlerKind.Help => WhatIKnow + "\n\nYou can ask about: " + string.Join(", ", Topics()) +
                ". Ask in your own words, follow up with \"and in 2019?\", \"who is he?\", \"tell me more\" or \"where is that from?\".",
            _ when turn.Intent == "thanks_goodbye" => Parting(turn.Question),
            _ => WhatIKnow + " I'm not a person and I don't know anything beyond those documents.",
        };
        var suggestions = dialog?.FollowUps ?? [];
        return DialogReply.Of(new BotAnswer(text, [], [.. suggestions.Take(3)], turn.Intent, turn.Confidence, AnswerKind.SmallTalk));
    }

    // Words, or word starts, that say which of thanks, goodbye or a plain "ok" a thanks_goodbye message is, read after the
    // normalizer has spelled Cyrillic and Hangul in Latin letters ("спасибо" → "spasibo", "감사" → "gamsa").
    private static readonly string[] ThanksWords =
        ["thank", "thx", "thnx", "ty", "tysm", "cheers", "appreciat", "grateful", "rahmet", "rakhmet", "rakmet", "spasib", "gamsa", "kamsa", "gomaw", "komaw", "merci"];

    private static readonly string[] GoodbyeWords =
        ["bye", "goodbye", "farewell", "cya", "later", "night", "see", "ciao", "adios", "poka", "dosvidan", "sau", "annyeonghi", "annyeong"];

    /// <summary>The reply to a thank-you, a goodbye or an acknowledgement, each in the persona's one voice.</summary>
    private static string Parting(string message)
    {
        var words = IntentTextNormalizer.Plain.Normalize(message).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // Three letters or fewer must be the whole word ("ty", "see"), not the start of one ("type", "seems").
        bool Has(string[] starts) => words.Any(w => starts.Any(s => s.Length <= 3 ? w == s : w.StartsWith(s, StringComparison.Ordinal)));
        const string Back = "Come back any time with more questions about Kazakhstan and Korea.";
        return Has(ThanksWords) ? "You're welcome! " + Back
            : Has(GoodbyeWords) ? "Goodbye! " + Back
            : "Glad that helped. Ask me anything else about Kazakhstan and Korea, or say \"help\" to see what I cover.";
    }

    /// <summary>The topical intents in plain words, from the dialogs of the facts, timeline and people handlers.</summary>
    private IEnumerable<string> Topics() =>
        dialogs.Dialogs.Where(d => d.Handler is HandlerKind.Facts or HandlerKind.Timeline or HandlerKind.People)
            .Select(d => d.Intent.Replace('_', ' '));
}
