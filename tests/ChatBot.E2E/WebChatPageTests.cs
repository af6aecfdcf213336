using System.Text.RegularExpressions;
using ChatBot.Core;
using ChatBot.E2E.Infrastructure;
using Microsoft.Playwright;

namespace ChatBot.E2E;

/// <summary>The page at / in Debian's Chromium against the real host: what a user sees and clicks.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class WebChatPageTests(BrowserFixture fixture)
{
    /// <summary>A citation's label, as Web Chat lists it under the answer (there is no "Source:" line in Web Chat).</summary>
    [GeneratedRegex(@"\d{3}_[0-9a-f]{16}\.txt, lines? \d+")]
    private static partial Regex SourceLine();

    [GeneratedRegex(@"^(\d{3}_[0-9a-f]{16}\.txt), lines? (\d+)(?:–(\d+))?$")]
    private static partial Regex CitationName();

    [Fact]
    public async Task The_page_shows_its_title_intro_and_the_welcome_with_suggested_questions()
    {
        await using var chat = await ChatPage.OpenAsync(fixture);

        (await chat.Page.TitleAsync()).ShouldContain("Kazakhstan");
        (await chat.Page.Locator("h1").InnerTextAsync()).ShouldContain("Republic of Korea");
        (await chat.Page.Locator(".intro p").InnerTextAsync()).ShouldContain("five source documents");
        var welcome = await chat.BotMessages.First.InnerTextAsync();
        welcome.ShouldContain("Kazakhstan");
        welcome.ShouldContain("Korea");
        (await chat.SuggestedActions.CountAsync()).ShouldBe(3);
        (await chat.SendBox.IsEditableAsync()).ShouldBeTrue();
        await chat.ScreenshotAsync("welcome");
        chat.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Three_questions_each_get_an_answer_with_its_citation()
    {
        await using var chat = await ChatPage.OpenAsync(fixture);
        (string Question, string Expected)[] questions =
        [
            ("When were diplomatic relations between Kazakhstan and Korea established?", "1992"),
            ("Who is Koo Hong-seok?", "Koo Hong-seok"),
            ("How many Koreans live in Kazakhstan?", "Korean"),
        ];

        foreach (var (question, expected) in questions)
        {
            var answer = await chat.AskAsync(question);

            var text = await answer.InnerTextAsync();
            text.ShouldContain(expected, Case.Insensitive, $"answer to '{question}'");
            text.ShouldMatch(SourceLine().ToString());
            text.ShouldNotContain("Source:", Case.Sensitive, "Web Chat lists the sources itself; a plain line would repeat them");
            (await answer.Locator(ChatPage.CitationMarkerSelector).CountAsync()).ShouldBeGreaterThan(0, $"citation marker in the answer to '{question}'");
        }

        (await chat.UserMessages.CountAsync()).ShouldBe(3);
        await chat.ScreenshotAsync("three-questions");
        chat.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Opening_a_citation_shows_the_quote_with_its_file_and_lines()
    {
        await using var chat = await ChatPage.OpenAsync(fixture);
        var answer = await chat.AskAsync("When were diplomatic relations between Kazakhstan and Korea established?");

        await answer.Locator(ChatPage.CitationMarkerSelector).First.ClickAsync();
        var dialog = chat.Page.Locator(ChatPage.CitationDialogSelector);
        await dialog.WaitForAsync();

        var name = await dialog.Locator(".webchat__citation-modal-dialog__header").InnerTextAsync();
        var quote = await dialog.Locator(".webchat__citation-modal-dialog__body").InnerTextAsync();
        await chat.ScreenshotAsync("citation-open");
        var match = CitationName().Match(name.Trim());
        match.Success.ShouldBeTrue($"citation title '{name}' names a seed file and lines");
        var seed = File.ReadAllLines(Path.Combine(ChatBotPaths.Locate().Root, "seeds", match.Groups[1].Value));
        var first = int.Parse(match.Groups[2].Value);
        var last = match.Groups[3].Success ? int.Parse(match.Groups[3].Value) : first;
        var cited = Collapse(string.Join(" ", seed[(first - 1)..last]));
        quote.ShouldNotBeNullOrWhiteSpace();
        cited.ShouldContain(Collapse(quote)[..Math.Min(40, Collapse(quote).Length)], Case.Sensitive, "the quote is on the cited lines");

        await dialog.Locator("button.webchat__modal-dialog__close-button").ClickAsync();
        await dialog.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden });
        chat.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_suggested_question_is_a_button_that_asks_it_and_gets_a_cited_answer()
    {
        await using var chat = await ChatPage.OpenAsync(fixture);
        var suggestion = chat.SuggestedActions.First;
        var label = (await suggestion.InnerTextAsync()).Trim();
        var before = await chat.BotMessages.CountAsync();

        await suggestion.ClickAsync();
        var answer = await chat.NextBotMessageAsync(before);

        (await chat.UserMessages.Last.InnerTextAsync()).Trim().ShouldBe(label);
        (await answer.InnerTextAsync()).ShouldMatch(SourceLine().ToString());
        (await answer.Locator(ChatPage.CitationMarkerSelector).CountAsync()).ShouldBeGreaterThan(0);
        await chat.ScreenshotAsync("suggested-action");
        chat.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_out_of_scope_question_gets_an_honest_refusal_without_a_citation()
    {
        await using var chat = await ChatPage.OpenAsync(fixture);

        var answer = await chat.AskAsync("What will the weather be like in Paris tomorrow?");

        var text = await answer.InnerTextAsync();
        text.ShouldMatch(@"(?i)don['’]t know"); // Web Chat's markdown typographer curls the apostrophe
        text.ShouldNotMatch(SourceLine().ToString());
        (await answer.Locator(ChatPage.CitationMarkerSelector).CountAsync()).ShouldBe(0);
        await chat.ScreenshotAsync("out-of-scope");
        chat.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task At_phone_width_the_chat_fills_the_screen_without_sideways_scrolling()
    {
        await using var chat = await ChatPage.OpenAsync(fixture, width: 390, height: 844, phone: true);
        var answer = await chat.AskAsync("How much has Korea invested in Kazakhstan?");

        var overflow = await chat.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        var webchat = (await chat.Page.Locator("#webchat").BoundingBoxAsync())!;
        var bubble = (await answer.BoundingBoxAsync())!;
        var sendBox = (await chat.SendBox.BoundingBoxAsync())!;

        overflow.ShouldBeLessThanOrEqualTo(0);
        webchat.Width.ShouldBe(390, 1);
        (bubble.X + bubble.Width).ShouldBeLessThanOrEqualTo(390);
        (sendBox.Y + sendBox.Height).ShouldBeLessThanOrEqualTo(844);
        (await chat.Page.Locator(".intro .more").IsVisibleAsync()).ShouldBeFalse("the long intro is trimmed on a phone");
        await chat.ScreenshotAsync("phone");
        chat.Problems.ShouldBeEmpty();
    }

    private static string Collapse(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
