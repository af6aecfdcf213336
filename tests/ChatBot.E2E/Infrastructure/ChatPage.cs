using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace ChatBot.E2E.Infrastructure;

/// <summary>The bot's page in its own browser context (so its own Direct Line conversation), read the way a user reads it.</summary>
public sealed class ChatPage : IAsyncDisposable
{
    /// <summary>A bot message bubble in Web Chat's transcript.</summary>
    public const string BotMessageSelector = ".webchat__stacked-layout:not(.webchat__stacked-layout--from-user) .webchat__bubble__content";
    public const string UserMessageSelector = ".webchat__bubble--from-user .webchat__bubble__content";
    public const string SendBoxSelector = "[data-id=webchat-sendbox-input]";
    public const string SuggestedActionSelector = "button.webchat__suggested-action";
    public const string CitationMarkerSelector = "button.webchat__render-markdown__citation";
    public const string CitationDialogSelector = "dialog.webchat__citation-modal-dialog";

    private readonly IBrowserContext _context;

    private ChatPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                Problems.Enqueue($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => Problems.Enqueue($"page error: {error}");
        page.RequestFailed += (_, request) => Problems.Enqueue($"request failed: {request.Method} {request.Url} {request.Failure}");
    }

    public IPage Page { get; }

    /// <summary>Console errors and warnings (a CSP violation is one), script errors and failed requests.</summary>
    public ConcurrentQueue<string> Problems { get; } = new();

    public ILocator BotMessages => Page.Locator(BotMessageSelector);

    public ILocator UserMessages => Page.Locator(UserMessageSelector);

    public ILocator SuggestedActions => Page.Locator(SuggestedActionSelector);

    public ILocator SendBox => Page.Locator(SendBoxSelector);

    /// <summary>Opens the page and waits for the bot's welcome.</summary>
    public static async Task<ChatPage> OpenAsync(BrowserFixture fixture, int width = 1280, int height = 900, bool phone = false)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = phone,
            HasTouch = phone,
            DeviceScaleFactor = phone ? 2 : 1,
            Locale = "en-US",
        });
        context.SetDefaultTimeout(30_000);
        var chat = new ChatPage(context, await context.NewPageAsync());
        await chat.Page.GotoAsync(fixture.BaseUrl + "/");
        await chat.BotMessages.First.WaitForAsync();
        // Web Chat's "Connecting…" notice can trail the first activity by a render; the page is ready once it is gone.
        await chat.Page.Locator(".webchat__connectivityStatus").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden });
        return chat;
    }

    /// <summary>Types the question, presses Enter, and returns the bot's answer bubble once it is shown.</summary>
    public async Task<ILocator> AskAsync(string question)
    {
        var before = await BotMessages.CountAsync();
        await SendBox.FillAsync(question);
        await SendBox.PressAsync("Enter");
        return await NextBotMessageAsync(before);
    }

    /// <summary>The bot message after the first <paramref name="before"/> ones, once it is on the page.</summary>
    public async Task<ILocator> NextBotMessageAsync(int before)
    {
        var next = BotMessages.Nth(before);
        await next.WaitForAsync();
        return next;
    }

    /// <summary>
    /// Asks and measures, in the page's own clock, from the Enter key press to the answer bubble appearing in the
    /// transcript (Direct Line post, the bot's turn, the next poll, Web Chat's render).
    /// </summary>
    public async Task<double> TimeAnswerAsync(string question)
    {
        await SendBox.FillAsync(question);
        await Page.EvaluateAsync("""
            selector => {
              const before = document.querySelectorAll(selector).length;
              window.__answerShown = new Promise(resolve => {
                let sentAt = null;
                document.addEventListener('keydown', e => { if (e.key === 'Enter') sentAt = performance.now(); }, { capture: true, once: true });
                const observer = new MutationObserver(() => {
                  if (sentAt !== null && document.querySelectorAll(selector).length > before) {
                    observer.disconnect();
                    resolve(performance.now() - sentAt);
                  }
                });
                observer.observe(document.body, { childList: true, subtree: true });
              });
            }
            """, BotMessageSelector);
        await SendBox.PressAsync("Enter");
        return await Page.EvaluateAsync<double>("() => window.__answerShown");
    }

    /// <summary>Saves what the user sees to tests/ChatBot.E2E/artifacts/{name}.png.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(BrowserFixture.ArtifactsFolder, name + ".png");
        // Web Chat scrolls to a new message with an animation: show the newest message, not a frame of the scroll.
        await BotMessages.Last.ScrollIntoViewIfNeededAsync();
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        return path;
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
