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
            _ when turn.Intent == "thanks_goodbye" => "You're welcome! Come back any time with more questions about Kazakhstan and Korea.",
            _ => WhatIKnow + " I'm not a person and I don't know anything beyond those documents.",
        };
        var suggestions = dialog?.FollowUps ?? [];
        return DialogReply.Of(new BotAnswer(text, [], [.. suggestions.Take(3)], turn.Intent, turn.Confidence, AnswerKind.SmallTalk));
    }

    /// <summary>The topical intents in plain words, from the dialogs of the facts, timeline and people handlers.</summary>
    private IEnumerable<string> Topics() =>
        dialogs.Dialogs.Where(d => d.Handler is HandlerKind.Facts or HandlerKind.Timeline or HandlerKind.People)
            .Select(d => d.Intent.Replace('_', ' '));
}
