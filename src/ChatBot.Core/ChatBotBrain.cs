using ChatBot.Core.Bot;
using ChatBot.Core.Dialogs;
using ChatBot.Core.Intents;
using ChatBot.Core.Knowledge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatBot.Core;

/// <summary>Registers the whole brain (knowledge, intents, dialogs, the turn handler) for the host, the CLI and tests alike.</summary>
public static class ChatBotBrain
{
    public static IServiceCollection AddChatBotBrain(this IServiceCollection services, ChatBotPaths paths, IConfiguration configuration)
    {
        services.TryAddSingleton(paths);
        services.TryAddSingleton(TimeProvider.System);
        // Read when first resolved, so settings added after registration (tests, later sources) still count.
        services.TryAddSingleton<IStorage>(sp => new MemoryStorage(
            configuration.GetSection("Storage:Memory").Get<MemoryStorageOptions>() ?? new MemoryStorageOptions(),
            sp.GetRequiredService<TimeProvider>()));
        // The intent model (~0.5 s) loads on a worker while the fact store loads here (~0.3 s): start-up costs the
        // longer of the two, not their sum. A stale model stops the start with a message naming `chatbot train`.
        var classifier = Task.Run(() => IntentTrainingSource.LoadClassifier(paths));
        services.AddKnowledge(paths, configuration.GetSection("Retrieval").Get<RetrievalOptions>());
        services.AddDialogs(paths, configuration.GetSection(RouterOptions.Section).Get<RouterOptions>());
        services.AddSingleton(_ => classifier.GetAwaiter().GetResult());
        services.TryAddSingleton<IBot, KnowledgeBot>();
        return services;
    }
}
