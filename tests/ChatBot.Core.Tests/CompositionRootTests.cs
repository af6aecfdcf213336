using ChatBot.Core.Bot;
using ChatBot.Core.Dialogs;
using ChatBot.Core.Intents;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Tests.Knowledge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Core.Tests;

/// <summary>The one composition root the host, the CLI, the tests and the benchmarks use: each of the bot's services registered once.</summary>
public sealed class CompositionRootTests
{
    [Fact]
    public void AddChatBotBrain_registers_each_of_the_bots_services_once_and_the_pipeline_as_the_answerer()
    {
        var services = new ServiceCollection().AddLogging()
            .AddChatBotBrain(new ChatBotPaths(RealKnowledge.RepoRoot()), new ConfigurationBuilder().Build());

        var ours = services.Where(d => d.ServiceType.Namespace?.StartsWith("ChatBot.", StringComparison.Ordinal) == true).ToList();
        ours.GroupBy(d => d.ServiceType).Where(g => g.Count() > 1).Select(g => g.Key.Name).ShouldBeEmpty();
        foreach (var type in new[] { typeof(IStorage), typeof(IntentClassifier), typeof(KnowledgeBase), typeof(IQuestionAnswerer), typeof(IBot), typeof(ReplyTexts) })
        {
            ours.ShouldContain(d => d.ServiceType == type, type.Name);
        }
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IQuestionAnswerer>().ShouldBeSameAs(provider.GetRequiredService<AnsweringPipeline>());
    }
}
