using System.Text.RegularExpressions;
using ChatBot.Core.Intents;
using ChatBot.Core.Knowledge;
using Microsoft.Extensions.Logging;

namespace ChatBot.Core.Dialogs;

/// <summary>
/// The bot's brain behind <see cref="IQuestionAnswerer"/>: follow-ups are answered from the conversation state;
/// other messages go through the intent classifier to the handler their <c>dialogs/&lt;intent&gt;.yaml</c> names —
/// asking back when two topics are equally likely, saying "I don't know that from my documents" when none is.
/// </summary>
public sealed partial class DialogRouter(
    IntentClassifier classifier,
    DialogCatalog dialogs,
    IEnumerable<IDialogHandler> handlers,
    DocumentAnswerHandler documents,
    FollowUpResponder followUps,
    PronounResolver pronouns,
    OutOfScopeHandler outOfScope,
    ConversationStateStore states,
    UnansweredLog unanswered,
    RouterOptions options,
    ILogger<DialogRouter> logger) : IQuestionAnswerer
{
    public const string LostThread = "I lost the thread of our conversation, please ask again.";

    private readonly Dictionary<HandlerKind, IDialogHandler> _handlers = handlers.SelectMany(h => h.Kinds.Select(k => (k, h))).ToDictionary(x => x.k, x => x.h);

    public async Task<BotAnswer> AnswerAsync(string conversationId, string text, CancellationToken cancellationToken)
    {
        ConversationState state;
        string eTag;
        try
        {
            (state, eTag) = await states.ReadAsync(conversationId, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageUnavailableException ex)
        {
            logger.LogWarning(ex, "Conversation state unavailable for {ConversationId}", conversationId);
            return new BotAnswer(LostThread, [], [], "lost_thread", 0, AnswerKind.LostThread);
        }

        var (reply, question, ranking) = Route(text.Trim(), state);
        if (reply.Unanswered)
        {
            await unanswered.AppendAsync(conversationId, text, reply.Answer.Kind, ranking, cancellationToken).ConfigureAwait(false);
        }
        try
        {
            await states.WriteAsync(conversationId, state, eTag, s => Remember(s, reply, question), cancellationToken).ConfigureAwait(false);
        }
        catch (StorageUnavailableException ex)
        {
            // The answer stands; only the next follow-up loses its context (and then says so).
            logger.LogWarning(ex, "Could not save the conversation state of {ConversationId}", conversationId);
        }
        return reply.Answer;
    }

    public BotAnswer Welcome()
    {
        var greeting = dialogs.Dialogs.FirstOrDefault(d => d.Handler == HandlerKind.Greeting);
        return Handle(new DialogTurn("hello", greeting?.Intent ?? "greeting", 1, ConversationState.Empty)).Answer;
    }

    /// <summary>Routes one message: the reply, the question as understood (for the state), and the intent ranking when one was made.</summary>
    public (DialogReply Reply, string Question, IntentRanking? Ranking) Route(string text, ConversationState state)
    {
        if (text.Length == 0)
        {
            var help = dialogs.Dialogs.FirstOrDefault(d => d.Handler == HandlerKind.Help)?.Intent ?? "help";
            return (Handle(new DialogTurn(text, help, 1, state)), text, null);
        }
        if (TopicChoice().Match(text) is { Success: true } choice && IntentOfTitle(choice.Groups["topic"].Value) is { } chosen)
        {
            var asked = choice.Groups["question"].Value.Trim();
            return (Handle(new DialogTurn(asked, chosen, 1, state)), asked, null);
        }
        if (FollowUpDetector.Detect(text) is { } followUp && followUps.Respond(followUp, new DialogTurn(text, state.LastIntent ?? "", 1, state)) is { } followed)
        {
            return (followed, followUp.Kind == FollowUpKind.Reask ? FollowUpResponder.Reask(state.LastQuestion!, followUp.Addition) : state.LastQuestion ?? text, null);
        }

        var ranking = classifier.Classify(text);
        var (top, runnerUp) = (ranking.Top, ranking.RunnerUp);
        if (state.LastQuestion is { } previous && KnowledgeAnswerer.IsFollowUp(text) && state.LastIntent is { } lastIntent
            && dialogs.Find(lastIntent) is { } last && IsDocumentHandler(last.Handler))
        {
            // "what did he sign there": the classifier cannot know what "he" or "there" is; the last answer's topic
            // is the better prior, and the last question the context the answer is found with.
            var resolved = pronouns.Resolve(text, state);
            var leaning = Handle(new DialogTurn(resolved, lastIntent, 1, state, previous) { Ranking = ranking, FollowUp = new FollowUpPrior(lastIntent, state.LastFactIds) });
            if (leaning.Answer.Kind is AnswerKind.Fact or AnswerKind.Timeline)
            {
                return (leaning, resolved, ranking);
            }
        }
        var turn = new DialogTurn(text, top.Intent, top.Score, state, state.LastQuestion) { Ranking = ranking };
        var dialog = dialogs.Find(top.Intent);
        if (dialog is null || top.Score < options.MinConfidence || dialog.Handler == HandlerKind.OutOfScope)
        {
            // Unsure, or "not about the documents": answer only if a fact clearly does, else say so.
            var documents = Handle(turn with { Intent = string.Empty });
            if (documents.Answer.Kind is AnswerKind.Fact or AnswerKind.Timeline)
            {
                return (documents, text, ranking);
            }
            var reason = documents.Answer.Kind == AnswerKind.Fallback ? FirstSentence(documents.Answer.Text) : null;
            return (DialogReply.Of(outOfScope.Reply(turn with { Intent = "out_of_scope" }, AnswerKind.OutOfScope, reason)), text, ranking);
        }
        var reply = Handle(turn);
        if (IsDocumentHandler(dialog.Handler) && runnerUp.Score >= options.MinConfidence && ranking.Margin < options.ClarifyMargin
            && dialogs.Find(runnerUp.Intent) is { } other && IsDocumentHandler(other.Handler))
        {
            // Two close topics are worth a question back only when each leads to a fact of its own.
            if (reply.Answer.Kind == AnswerKind.Fact && documents.FactFor(text, top.Intent) is { } first
                && documents.FactFor(text, runnerUp.Intent) is { } second && first != second)
            {
                return (Clarify(turn, top.Intent, runnerUp.Intent), text, ranking);
            }
        }
        return (reply, text, ranking);
    }

    private DialogReply Handle(DialogTurn turn)
    {
        var kind = dialogs.Find(turn.Intent)?.Handler ?? HandlerKind.Facts;
        return _handlers.TryGetValue(kind, out var handler)
            ? handler.Handle(turn)
            : throw new InvalidOperationException($"No handler for '{kind}' (intent {turn.Intent}); register one in AddDialogs.");
    }

    private static DialogReply Clarify(DialogTurn turn, string first, string second)
    {
        var (a, b) = (Title(first), Title(second));
        var answer = new BotAnswer(
            $"Do you mean {a} or {b}? My documents say different things about each.",
            [], [$"About {a}: {turn.Question}", $"About {b}: {turn.Question}"], first, turn.Confidence, AnswerKind.Clarify);
        return DialogReply.Of(answer);
    }

    private static ConversationState Remember(ConversationState state, DialogReply reply, string question)
    {
        var answer = reply.Answer;
        var next = state with { Turns = state.Turns + 1 };
        if (answer.Kind is not (AnswerKind.Fact or AnswerKind.Timeline) || reply.FactIds.Count == 0)
        {
            return next;
        }
        var sameTopic = state.LastIntent == answer.Intent;
        return next with
        {
            LastIntent = answer.Intent,
            LastQuestion = question,
            LastFactIds = reply.FactIds,
            LastEntities = reply.Entities.Count > 0 ? reply.Entities : state.LastEntities,
            LastCitations = answer.Citations,
            ShownFactIds = [.. (sameTopic ? state.ShownFactIds : []).Concat(reply.FactIds).Distinct(StringComparer.Ordinal).TakeLast(100)],
        };
    }

    private static bool IsDocumentHandler(HandlerKind kind) => kind is HandlerKind.Facts or HandlerKind.Timeline or HandlerKind.People;

    private string? IntentOfTitle(string title) =>
        dialogs.Intents.FirstOrDefault(i => string.Equals(Title(i), title.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string Title(string intent) => intent.Replace('_', ' ');

    private static string FirstSentence(string text) => text.Split(". ", 2)[0].TrimEnd('.') + ".";

    [GeneratedRegex(@"^About (?<topic>[a-z][a-z ]{1,60}):\s*(?<question>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex TopicChoice();
}
