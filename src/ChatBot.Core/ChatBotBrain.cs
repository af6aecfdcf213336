using ChatBot.Core.Bot;
using ChatBot.Core.Dialogs;
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
        services.AddKnowledge(paths, configuration.GetSection("Retrieval").Get<RetrievalOptions>());
        services.AddDialogs(paths, configuration.GetSection(RouterOptions.Section).Get<RouterOptions>());
        services.TryAddSingleton<IBot, KnowledgeBot>();
        return services;
    }
}
