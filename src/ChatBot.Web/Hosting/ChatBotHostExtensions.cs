using ChatBot.Core;
using ChatBot.Core.Bot;
using ChatBot.Core.Dialogs;
using ChatBot.Web.Auth;
using ChatBot.Web.Connector;
using ChatBot.Web.Messages;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace ChatBot.Web.Hosting;

/// <summary>Registers the bot host: configuration, the brain from ChatBot.Core, auth, the adapter and the Connector client.</summary>
public static class ChatBotHostExtensions
{
    /// <summary>
    /// Reads the repo root's appsettings.json (environment variables and the command line still override it, the
    /// ASP.NET way) and registers every service the endpoints use.
    /// </summary>
    public static WebApplicationBuilder AddChatBot(this WebApplicationBuilder builder, string[] args)
    {
        var paths = ChatBotPaths.Locate(builder.Configuration["ChatBot:Root"]);
        builder.Configuration.AddJsonFile(Path.Combine(paths.Root, "appsettings.json"), optional: false, reloadOnChange: false);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(args);

        var services = builder.Services;
        services.AddSingleton(paths);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IValidateOptions<BotFrameworkOptions>, BotOptionsValidation>();
        services.AddSingleton<IValidateOptions<BotCredentials>, BotOptionsValidation>();
        services.AddOptions<BotCredentials>().Bind(builder.Configuration).ValidateOnStart();
        services.AddOptions<BotFrameworkOptions>().BindConfiguration(BotFrameworkOptions.Section).ValidateOnStart();

        services.AddChatBotBrain(paths, builder.Configuration);
        services.AddChatBotScaleOut(); // Storage:Redis set: state and data-protection keys in Redis (Scaling/)
        ChatBot.Web.Curator.CuratorServices.AddCurator(services); // curator events (SQLite under data/, or Redis) and /curator (Curator/)

        services.AddKeyedSingleton(OpenIdKeyCache.Channel, (sp, _) => KeyCache(sp, o => o.OpenIdMetadataUrl));
        services.AddKeyedSingleton(OpenIdKeyCache.Emulator, (sp, _) => KeyCache(sp, o => o.EmulatorOpenIdMetadataUrl));
        services.AddSingleton<BotFrameworkAuthentication>();
        services.AddSingleton<BotFrameworkHttpAdapter>();
        services.AddSingleton<OutboundQueue>();
        services.AddSingleton<IConnectorTokenProvider, MsalConnectorTokenProvider>();
        services.AddHostedService<ConnectorDispatcher>();
        ChatBot.Web.Page.WebChatPage.AddWebChat(services); // the page at / and its Direct Line endpoints (DirectLine/, Page/)
        services.AddHttpClient(nameof(OpenIdKeyCache), c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddHttpClient<ConnectorClient>()
            .AddResilienceHandler("connector", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
                var perAttempt = TimeSpan.FromSeconds(Math.Max(1, options.ConnectorTimeoutSeconds / (options.ConnectorRetries + 1)));
                pipeline.AddTimeout(TimeSpan.FromSeconds(options.ConnectorTimeoutSeconds));
                if (options.ConnectorRetries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.ConnectorRetries,
                        Delay = TimeSpan.FromMilliseconds(200),
                        BackoffType = Polly.DelayBackoffType.Exponential,
                        UseJitter = true,
                    });
                }
                pipeline.AddTimeout(perAttempt);
            });
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            if (context.Exception is StorageUnavailableException)
            {
                // Redis is away (Direct Line's store): a client should come back shortly, as it reconnects within seconds.
                context.HttpContext.Response.Headers.RetryAfter = "2";
                context.ProblemDetails.Detail = "The conversation store is unavailable for a moment; try again in a few seconds.";
            }
        });
        services.AddHealthChecks();
        return builder;
    }

    private static OpenIdKeyCache KeyCache(IServiceProvider services, Func<BotFrameworkOptions, string> metadataUrl)
    {
        var options = services.GetRequiredService<IOptions<BotFrameworkOptions>>();
        return new OpenIdKeyCache(metadataUrl(options.Value), services.GetRequiredService<IHttpClientFactory>(), options,
            services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<OpenIdKeyCache>>());
    }
}
