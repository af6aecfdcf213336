using ChatBot.Core.Intents;
using ChatBot.Core.Knowledge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ChatBot.Core.Dialogs;

/// <summary>Registers the intent classifier, the dialog handlers and the router as the bot's <see cref="IQuestionAnswerer"/>.</summary>
public static class DialogsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the dialogs on top of <c>AddKnowledge</c>: the committed classifier is loaded once, on first use (a stale
    /// one stops the load: only <c>chatbot train</c> writes models/); the router replaces any other <see cref="IQuestionAnswerer"/>; a bounded
    /// <see cref="MemoryStorage"/> is the <see cref="IStorage"/> unless one is registered.
    /// </summary>
    public static IServiceCollection AddDialogs(this IServiceCollection services, ChatBotPaths paths, RouterOptions? options = null)
    {
        options ??= new RouterOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IStorage>(sp => new MemoryStorage(new MemoryStorageOptions(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(options);
        services.AddSingleton(_ => DialogCatalog.Load(paths.Dialogs));
        services.AddSingleton(_ => SourceCatalog.Load(paths));
        services.AddSingleton(_ => IntentTrainingSource.LoadClassifier(paths));
        services.AddSingleton(sp => new KnowledgeAnswerer(sp.GetRequiredService<KnowledgeBase>(), sp.GetRequiredService<FollowUpPlanner>(), sp.GetRequiredService<IStorage>()));
        services.AddSingleton<DocumentAnswerHandler>();
        services.AddSingleton<OutOfScopeHandler>();
        services.AddSingleton<SmallTalkHandler>();
        services.AddSingleton<SourcesHandler>();
        services.AddSingleton<IDialogHandler>(sp => sp.GetRequiredService<DocumentAnswerHandler>());
        services.AddSingleton<IDialogHandler>(sp => sp.GetRequiredService<OutOfScopeHandler>());
        services.AddSingleton<IDialogHandler>(sp => sp.GetRequiredService<SmallTalkHandler>());
        services.AddSingleton<IDialogHandler>(sp => sp.GetRequiredService<SourcesHandler>());
        services.AddSingleton<FollowUpResponder>();
        services.AddSingleton<PronounResolver>();
        services.AddSingleton<ConversationStateStore>();
        services.AddSingleton(sp => new UnansweredLog(
            string.IsNullOrWhiteSpace(options.UnansweredLogPath) ? null : Path.Combine(paths.Root, options.UnansweredLogPath),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<DialogRouter>();
        services.RemoveAll<IQuestionAnswerer>();
        services.AddSingleton<IQuestionAnswerer>(sp => sp.GetRequiredService<DialogRouter>());
        return services;
    }
}
