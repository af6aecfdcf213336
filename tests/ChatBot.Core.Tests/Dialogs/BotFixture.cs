using ChatBot.Core;
using ChatBot.Core.Bot;
using ChatBot.Core.Dialogs;
using ChatBot.Core.Intents;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Tests.Knowledge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBot.Core.Tests.Dialogs;

/// <summary>
/// The brain as the host registers it (<see cref="ChatBotBrain.AddChatBotBrain"/>), loaded once per test class because
/// its parts are immutable: the seeds, facts, dialogs, replies and the committed intent model. Every bot built from it
/// gets its own storage (and, when a test asks, its own router options) for the pipeline, so tests
/// share no conversation state.
/// </summary>
public sealed class BotFixture : IDisposable
{
    private readonly ServiceProvider _services;

    public BotFixture() => _services = RealBrain.Build();

    public KnowledgeBase Knowledge => _services.GetRequiredService<KnowledgeBase>();
    public DialogCatalog Dialogs => _services.GetRequiredService<DialogCatalog>();
    public SourceCatalog Sources => _services.GetRequiredService<SourceCatalog>();
    public ReplyTexts Replies => _services.GetRequiredService<ReplyTexts>();
    public AnswerJudge Judge => _services.GetRequiredService<AnswerJudge>();

    /// <summary>The registered pipeline's stages, with this test's storage and router options in place of the host's.</summary>
    public AnsweringPipeline Pipeline(IStorage storage, RouterOptions? options = null)
    {
        var decider = options is null
            ? _services.GetRequiredService<AnswerDecider>()
            : ActivatorUtilities.CreateInstance<AnswerDecider>(_services, options);
        return ActivatorUtilities.CreateInstance<AnsweringPipeline>(_services, decider, new ConversationStateStore(storage));
    }

    public TestFlow Flow(IStorage? storage = null, RouterOptions? options = null) =>
        new(new KnowledgeBot(Pipeline(storage ?? new MemoryStorage(), options), NullLogger<KnowledgeBot>.Instance));

    /// <summary>
    /// The ids of the facts a reply states, as a user reads them: the fact's answer in the text and one of its
    /// locations on the "Source(s):" line.
    /// </summary>
    public IReadOnlyList<string> StatedFacts(Protocol.Activity reply)
    {
        var text = reply.Text ?? "";
        var sources = text.Split('\n').FirstOrDefault(l => l.StartsWith("Source: ", StringComparison.Ordinal) || l.StartsWith("Sources: ", StringComparison.Ordinal)) ?? "";
        var labels = sources[(sources.IndexOf(' ') + 1)..].Split("; ");
        return [.. Knowledge.Facts
            .Where(f => text.Contains(f.Answer, StringComparison.Ordinal) && f.Locations.Any(l => labels.Contains(new Citation(l.Source, l.FirstLine, l.LastLine, l.Quote).Label)))
            .Select(f => f.Id)];
    }

    public void Dispose() => _services.Dispose();
}
