using ChatBot.Core.Bot;
using ChatBot.Core.Dialogs;
using ChatBot.Core.Intents;
using ChatBot.Core.Knowledge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

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
        // longer of the two, not their sum. What the loader logs (a retrain) is replayed once logging exists.
        var loaderLog = new ReplayLogger<IntentModelLoader>();
        var classifier = Task.Run(() => new IntentModelLoader(loaderLog).Load(paths));
        services.AddKnowledge(paths, configuration.GetSection("Retrieval").Get<RetrievalOptions>());
        services.AddDialogs(paths, configuration.GetSection(RouterOptions.Section).Get<RouterOptions>());
        services.AddSingleton(sp =>
        {
            var loaded = classifier.GetAwaiter().GetResult();
            if (sp.GetService<ILogger<IntentModelLoader>>() is { } logger)
            {
                loaderLog.ReplayTo(logger);
            }
            return loaded;
        });
        services.TryAddSingleton<IBot, KnowledgeBot>();
        return services;
    }
}
