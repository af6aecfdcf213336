using ChatBot.Core;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ChatBot.E2E.Infrastructure;

/// <summary>One host and one browser for the browser tests; each test opens its own page, and so its own conversation.</summary>
public sealed class BrowserFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    private readonly BotHost _host = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl => _host.BaseUrl;

    /// <summary>tests/ChatBot.E2E/artifacts: a screenshot per test lands here (git-ignored).</summary>
    public static string ArtifactsFolder { get; } = Path.Combine(ChatBotPaths.Locate().Root, "tests", "ChatBot.E2E", "artifacts");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ArtifactsFolder);
        _host.Start();
        (_playwright, Browser) = await Infrastructure.Browser.LaunchAsync(line => diagnostics.OnMessage(new DiagnosticMessage(line)));
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        await _host.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
