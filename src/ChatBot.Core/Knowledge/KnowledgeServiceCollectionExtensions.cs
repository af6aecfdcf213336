using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatBot.Core.Knowledge;

/// <summary>Registers the knowledge side: loaded and indexed once, here, so bad data stops the host at start with a clear message.</summary>
public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>The committed answer model with the features it was trained on, checked against the data it was trained from.</summary>
    public static AnswerJudge AnswerJudgeFor(ChatBotPaths paths, KnowledgeBase knowledge) => new(
        AnswerModel.Load(paths.AnswerModel, AnswerModelTrainer.Hash(paths)),
        AnswerFeatures.For(knowledge, paths),
        knowledge.Options.AnswerModelThreshold);

    /// <summary>
    /// Loads <c>seeds/</c>, <c>models/facts.yaml</c> and <c>models/entities.yaml</c> under <paramref name="paths"/> and
    /// registers them as singletons.
    /// </summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services, ChatBotPaths paths, RetrievalOptions? options = null)
    {
        var knowledge = KnowledgeBase.Load(paths, options);
        services.AddSingleton(knowledge);
        services.AddSingleton(knowledge.Options);
        services.AddSingleton(knowledge.Corpus);
        services.AddSingleton(knowledge.Store);
        services.AddSingleton(knowledge.Entities);
        services.AddSingleton(knowledge.Lexicon);
        services.AddSingleton(knowledge.Retriever);
        services.AddSingleton(knowledge.Passages);
        services.AddSingleton(knowledge.Timeline);
        services.AddSingleton(new FollowUpPlanner(knowledge));
        // Read, never trained, here: a stale or missing answer model stops the host and names `chatbot train`.
        services.AddSingleton(AnswerJudgeFor(paths, knowledge));
        return services;
    }
}
