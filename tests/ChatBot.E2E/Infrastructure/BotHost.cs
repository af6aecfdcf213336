using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.E2E.Infrastructure;

/// <summary>The real bot host (real seeds, facts, model and page) on Kestrel at a free loopback port.</summary>
public sealed class BotHost : WebApplicationFactory<Program>
{
    public BotHost()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>The key of this host's curator page.</summary>
    public const string CuratorKey = "e2e-curator-key-0123456789abcdef";

    /// <summary>Where the browser opens the page, e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl { get; private set; } = "";

    public void Start()
    {
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Unanswered:Path"] = Path.Combine(Path.GetTempPath(), $"chatbot-e2e-unanswered-{Guid.NewGuid():N}.jsonl"),
            ["Curator:Key"] = CuratorKey,
            ["Curator:DatabasePath"] = Path.Combine(Path.GetTempPath(), $"chatbot-e2e-curator-{Guid.NewGuid():N}.db"),
        }));
    }
}
