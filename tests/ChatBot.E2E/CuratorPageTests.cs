using ChatBot.E2E.Infrastructure;
using Microsoft.Playwright;

namespace ChatBot.E2E;

/// <summary>The curator's loop in Debian's Chromium: a thumbs-down in Web Chat and a refused question reach /curator, signed in through its form.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CuratorPageTests(BrowserFixture fixture)
{
    private const string Answered = "When were diplomatic relations between Kazakhstan and Korea established?";
    private const string Refused = "Which football club won the 1998 World Cup in Oslo?";

    [Fact]
    public async Task A_thumbs_down_and_a_refused_question_appear_on_the_curator_page_after_signing_in()
    {
        await using var chat = await ChatPage.OpenAsync(fixture);
        var answer = await chat.AskAsync(Answered);
        (await answer.InnerTextAsync()).ShouldContain("1992");
        var thumbs = chat.Page.Locator("button.webchat__thumb-button");
        (await thumbs.CountAsync()).ShouldBe(2, "the answer, and only the answer (not the welcome), has a like and a dislike button");
        var dislike = thumbs.Nth(1);
        await dislike.ClickAsync();
        await chat.Page.Locator("button.webchat__thumb-button[aria-pressed=true]").WaitForAsync();
        // Web Chat posts the vote after a 500 ms debounce; the next question travels after it on the same conversation.
        await chat.Page.WaitForTimeoutAsync(800);
        var refusal = await chat.AskAsync(Refused);
        (await refusal.InnerTextAsync()).ShouldMatch(@"(?i)don['’]t know");
        chat.Problems.ShouldBeEmpty();

        var curator = await chat.Page.Context.NewPageAsync();
        var problems = new List<string>();
        // The two 401s (the page before signing in, the wrong key) are the answers this test asks for; anything else is a fault.
        curator.Console += (_, message) => { if (message.Type == "error" && !message.Text.Contains("status of 401", StringComparison.Ordinal)) problems.Add(message.Text); };
        var signIn = await curator.GotoAsync(fixture.BaseUrl + "/curator");
        signIn!.Status.ShouldBe(401);
        await curator.Locator("#key").FillAsync("not the key");
        await curator.Locator("#sign-in button[type=submit]").ClickAsync();
        await curator.Locator("#sign-in-error:has-text('not accepted')").WaitForAsync();

        await curator.Locator("#key").FillAsync(BotHost.CuratorKey);
        await curator.Locator("#sign-in button[type=submit]").ClickAsync();
        await curator.Locator("#unanswered").WaitForAsync();

        (await curator.Locator("#unanswered").InnerTextAsync()).ShouldContain(Refused);
        var disliked = await curator.Locator("#disliked").InnerTextAsync();
        disliked.ShouldContain(Answered);
        disliked.ShouldContain("1992");
        var cookies = await chat.Page.Context.CookiesAsync([fixture.BaseUrl + "/curator"]);
        var session = cookies.ShouldHaveSingleItem();
        session.HttpOnly.ShouldBeTrue();
        session.SameSite.ShouldBe(SameSiteAttribute.Strict);

        await curator.SetViewportSizeAsync(390, 844);
        (await curator.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, "no sideways scrolling at phone width");
        await curator.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "curator-phone.png"), FullPage = true });
        problems.ShouldBeEmpty();
    }
}
