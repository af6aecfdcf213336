using ChatBot.Core.Intents;
using ChatBot.Core.Knowledge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatBot.Core.Dialogs;

/// <summary>Registers the stages of a turn (resolve, decide, render) and the pipeline that runs them as the bot's <see cref="IQuestionAnswerer"/>.</summary>
public static class DialogsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the dialogs on top of <c>AddKnowledge</c> and a registered <see cref="IntentClassifier"/> and
    /// <see cref="IStorage"/>; each service once.
    /// </summary>
    public static IServiceCollection AddDialogs(this IServiceCollection services, ChatBotPaths paths, RouterOptions? options = null)
    {
        options ??= new RouterOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(_ => DialogCatalog.Load(paths.Dialogs));
        services.AddSingleton(_ => ReplyTexts.Load(paths.Dialogs));
        services.AddSingleton(_ => SourceCatalog.Load(paths));
        services.AddSingleton(sp => new KnowledgeDecider(sp.GetRequiredService<KnowledgeBase>(), sp.GetRequiredService<AnswerJudge>()));
        services.AddSingleton<PronounResolver>();
        services.AddSingleton<CounterpartSwap>();
        services.AddSingleton<MessageResolver>();
        services.AddSingleton<AnswerDecider>();
        services.AddSingleton<ReplyRenderer>();
        services.AddSingleton<ConversationStateStore>();
        services.AddSingleton<AnsweringPipeline>();
        services.AddSingleton<IQuestionAnswerer>(sp => sp.GetRequiredService<AnsweringPipeline>());
        return services;
    }
}
