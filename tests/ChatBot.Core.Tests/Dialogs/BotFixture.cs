using ChatBot.Core;
using ChatBot.Core.Bot;
using ChatBot.Core.Dialogs;
using ChatBot.Core.Intents;
using ChatBot.Core.Knowledge;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBot.Core.Tests.Dialogs;

/// <summary>
/// The real parts, loaded once per test class because they are immutable: the seeds, facts, dialogs and the committed
/// intent model. Every bot built from it gets its own storage and router, so tests share no conversation state.
/// </summary>
public sealed class BotFixture
{
    public BotFixture()
    {
        Paths = ChatBotPaths.Locate();
        Knowledge = KnowledgeBase.Load(Paths);
        FollowUps = new FollowUpPlanner(Knowledge);
        Dialogs = DialogCatalog.Load(Paths.Dialogs);
        Sources = SourceCatalog.Load(Paths);
        Classifier = IntentTrainingSource.LoadClassifier(Paths);
    }

    public ChatBotPaths Paths { get; }
    public KnowledgeBase Knowledge { get; }
    public FollowUpPlanner FollowUps { get; }
    public DialogCatalog Dialogs { get; }
    public SourceCatalog Sources { get; }
    public IntentClassifier Classifier { get; }

    public DialogRouter Router(IStorage storage, string? unansweredLog = null, RouterOptions? options = null)
    {
        var documents = new DocumentAnswerHandler(Knowledge, new KnowledgeAnswerer(Knowledge, FollowUps, new MemoryStorage()));
        var outOfScope = new OutOfScopeHandler(Knowledge, FollowUps);
        IDialogHandler[] handlers = [documents, outOfScope, new SmallTalkHandler(Dialogs, Sources), new SourcesHandler(Sources, Dialogs)];
        return new DialogRouter(Classifier, Dialogs, handlers, documents, new FollowUpResponder(Knowledge, documents), new PronounResolver(Knowledge), outOfScope,
            new ConversationStateStore(storage), new UnansweredLog(unansweredLog, TimeProvider.System), options ?? new RouterOptions(),
            NullLogger<DialogRouter>.Instance);
    }

    public TestFlow Flow(IStorage? storage = null, string? unansweredLog = null, RouterOptions? options = null)
    {
        storage ??= new MemoryStorage();
        return new TestFlow(new KnowledgeBot(Router(storage, unansweredLog, options), storage, NullLogger<KnowledgeBot>.Instance));
    }
}
