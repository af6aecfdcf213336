using ChatBot.Tests.Shared;
using Microsoft.Playwright;

namespace ChatBot.E2E.Infrastructure;

/// <summary>Debian's Chromium driven by Playwright (Playwright's own browser download cannot work on these machines).</summary>
public static class Browser
{
    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>Launches Chromium headless, installing Debian's package first when it is missing (one line through <paramref name="announce"/>).</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync(Action<string> announce)
    {
        var chromium = await SystemPackage.Chromium.EnsureInstalledAsync(announce);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = Arguments,
            Timeout = 60_000,
        });
        return (playwright, browser);
    }
}
