using ChatBot.Core.Dialogs;
using ChatBot.Core.Knowledge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Core.Tests.Knowledge;

/// <summary>
/// The whole brain as the host and the CLI register it (<see cref="ChatBotBrain.AddChatBotBrain"/>: intent router,
/// dialogs, fact store) with the repository's appsettings.json, loaded once per test class. Each question asked
/// through it names its own conversation, so tests share no conversation state; nothing is written to the unanswered log.
/// </summary>
public sealed class RealBrain : IDisposable
{
    private readonly ServiceProvider _services;

    public RealBrain() => _services = Build();

    /// <summary>The brain's services as the host registers them, with the repository's appsettings.json.</summary>
    public static ServiceProvider Build()
    {
        var root = RealKnowledge.RepoRoot();
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(root, "appsettings.json"), optional: false)
            .Build();
        return new ServiceCollection().AddLogging().AddChatBotBrain(new ChatBotPaths(root), configuration).BuildServiceProvider();
    }

    public KnowledgeBase Knowledge => _services.GetRequiredService<KnowledgeBase>();

    public IQuestionAnswerer Answerer => _services.GetRequiredService<IQuestionAnswerer>();

    public void Dispose() => _services.Dispose();
}
