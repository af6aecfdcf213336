using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Web.Tests.Infrastructure;

/// <summary>The real bot host (real seeds, facts and model) in memory, with per-test configuration overrides.</summary>
public sealed class ChatBotApp(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config =>
        {
            config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Warning",
                ["Curator:DatabasePath"] = Path.Combine(Path.GetTempPath(), $"chatbot-curator-{Guid.NewGuid():N}.db"),
            });
            if (settings is not null)
            {
                config.AddInMemoryCollection(settings);
            }
        });
        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }
}
