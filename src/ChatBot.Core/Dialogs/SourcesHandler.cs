using System.Text;
using ChatBot.Core.Intents;

namespace ChatBot.Core.Dialogs;

/// <summary>Answers "what documents do you use?": the seed files, one line each.</summary>
public sealed class SourcesHandler(SourceCatalog sources, DialogCatalog dialogs) : IDialogHandler
{
    public IReadOnlyList<HandlerKind> Kinds { get; } = [HandlerKind.Sources];

    public DialogReply Handle(DialogTurn turn)
    {
        var text = new StringBuilder($"I answer only from these {sources.Documents.Count} documents, and every answer names the file and lines it comes from:\n");
        foreach (var document in sources.Documents)
        {
            text.Append("\n- **").Append(document.File).Append("**");
            if (document.Description.Length > 0)
            {
                text.Append(" — ").Append(document.Description);
            }
        }
        var suggestions = dialogs.Find(turn.Intent)?.FollowUps ?? [];
        return DialogReply.Of(new BotAnswer(text.ToString(), [], [.. suggestions.Take(3)], turn.Intent, turn.Confidence, AnswerKind.SmallTalk));
    }
}
