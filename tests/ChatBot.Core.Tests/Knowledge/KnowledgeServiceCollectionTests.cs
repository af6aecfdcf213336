using ChatBot.Core.Dialogs;
using ChatBot.Core.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Core.Tests.Knowledge;

/// <summary>AddKnowledge loads the data once and registers it for the host, the CLI and the dialog router.</summary>
public sealed class KnowledgeServiceCollectionTests
{
    [Fact]
    public void AddKnowledge_registers_one_loaded_knowledge_base_and_no_conversation_types()
    {
        var services = new ServiceCollection().AddKnowledge(new ChatBotPaths(RealKnowledge.RepoRoot()));

        T Registered<T>() => (T)services.Single(d => d.ServiceType == typeof(T)).ImplementationInstance!;
        Registered<FactRetriever>().ShouldBeSameAs(Registered<KnowledgeBase>().Retriever);
        Registered<SeedCorpus>().Documents.Count.ShouldBe(5);
        Registered<FactStore>().Facts.Count.ShouldBeGreaterThanOrEqualTo(150);
        services.ShouldNotContain(d => d.ServiceType == typeof(IQuestionAnswerer) || d.ServiceType == typeof(IStorage));
        services.ShouldAllBe(d => d.Lifetime == ServiceLifetime.Singleton);
    }

    [Fact]
    public void A_missing_fact_store_stops_the_start_with_a_message_naming_it()
    {
        var root = Directory.CreateTempSubdirectory("chatbot-root-");
        try
        {
            Directory.CreateDirectory(Path.Combine(root.FullName, "seeds"));
            File.Copy(Path.Combine(RealKnowledge.RepoRoot(), "seeds", "000_d4e2d44c68f0d52c.txt"), Path.Combine(root.FullName, "seeds", "000_d4e2d44c68f0d52c.txt"));

            var error = Should.Throw<ChatBotDataException>(() => new ServiceCollection().AddKnowledge(new ChatBotPaths(root.FullName)));

            error.Message.ShouldContain("facts.yaml");
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
