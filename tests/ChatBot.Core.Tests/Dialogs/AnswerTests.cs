using ChatBot.Core.Bot;
using ChatBot.Core.Dialogs;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Tests.Dialogs;

/// <summary>What a user sees of the whole turn: cited answers, dated timelines, follow-ups, and an honest "I don't know".</summary>
public sealed class AnswerTests(BotFixture real) : IClassFixture<BotFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private AnsweringPipeline NewAnswerer() => real.Pipeline(new MemoryStorage());

    [Fact]
    public async Task Answer_cites_source_file_and_lines()
    {
        var answer = await NewAnswerer().AnswerAsync("c1", "when were diplomatic relations established?", None);

        answer.Kind.ShouldBe(AnswerKind.Fact);
        answer.Text.ShouldContain("28 January 1992");
        answer.Citations.ShouldContain(c => c.Source == "000_d4e2d44c68f0d52c.txt" && c.FirstLine == 15);
        AnswerReply.Render(answer).ShouldContain("000_d4e2d44c68f0d52c.txt, line 15");
    }

    [Fact]
    public async Task Every_citation_quotes_its_seed_at_the_lines_it_names()
    {
        var answerer = NewAnswerer();
        foreach (var question in new[] { "how much has korea invested in kazakhstan", "who is koo hong-seok", "how has trade changed over the years" })
        {
            var answer = await answerer.AnswerAsync("c2", question, None);
            answer.Citations.ShouldNotBeEmpty();
            foreach (var citation in answer.Citations)
            {
                real.Knowledge.Corpus.Find(citation.Source, citation.Quote, citation.FirstLine, citation.LastLine).ShouldNotBeNull(citation.Label);
            }
        }
    }

    [Fact]
    public async Task Trade_over_time_is_a_dated_timeline_with_one_citation_per_line()
    {
        var answer = await NewAnswerer().AnswerAsync("c3", "how has trade changed over the years", None);

        answer.Kind.ShouldBe(AnswerKind.Timeline);
        var lines = answer.Text.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        lines.Count.ShouldBe(answer.Citations.Count);
        lines.Count.ShouldBeGreaterThanOrEqualTo(3);
        var dates = lines.Select(l => l.Split("**")[1]).ToList();
        dates.ShouldBe(dates.Order(StringComparer.Ordinal).ToList());
        answer.Text.ShouldContain("591 million");
        answer.Text.ShouldContain("January-August 2022");
    }

    [Theory]
    [InlineData("what's the weather in almaty tomorrow")]
    [InlineData("how do i make kimchi")]
    [InlineData("what is kazakhstan's gdp now")]
    [InlineData("who won the champions league")]
    public async Task Out_of_scope_question_is_refused_with_three_questions_it_can_answer(string question)
    {
        var answerer = NewAnswerer();
        var answer = await answerer.AnswerAsync("c4", question, None);

        answer.Kind.ShouldBeOneOf(AnswerKind.Fallback, AnswerKind.OutOfScope);
        answer.Citations.ShouldBeEmpty();
        answer.Text.ShouldStartWith("I don't know that from my documents");
        answer.Suggestions.Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_short_follow_up_is_read_with_the_previous_question()
    {
        var answerer = NewAnswerer();
        await answerer.AnswerAsync("c5", "wat was trade between rok and kz in 2019", None);

        var answer = await answerer.AnswerAsync("c5", "and in 2022?", None);

        answer.Citations.ShouldContain(c => c.Source == "002_9525e256da1a01e8.txt" && c.FirstLine == 51);
    }

    [Fact]
    public async Task Suggested_follow_ups_each_lead_to_a_cited_answer()
    {
        var answerer = NewAnswerer();
        var answer = await answerer.AnswerAsync("c6", "how much has korea invested in kazakhstan", None);

        answer.Suggestions.Count.ShouldBeInRange(1, 3);
        foreach (var suggestion in answer.Suggestions)
        {
            (await answerer.AnswerAsync($"c6-{suggestion}", suggestion, None)).Citations.ShouldNotBeEmpty(suggestion);
        }
    }

    [Fact]
    public async Task Welcome_says_what_the_bot_knows_and_offers_three_answerable_questions_once()
    {
        var answerer = NewAnswerer();
        var welcome = (await answerer.WelcomeAsync("w1", None)).ShouldNotBeNull();
        (await answerer.WelcomeAsync("w1", None)).ShouldBeNull();

        welcome.Text.ShouldContain("Kazakhstan");
        welcome.Text.ShouldContain("Korea");
        welcome.Text.ShouldContain("five documents");
        welcome.Suggestions.Count.ShouldBe(3);
        welcome.Suggestions.Count(q => answerer.Answer(q, ConversationState.Empty).Answer.Citations.Count > 0).ShouldBeGreaterThanOrEqualTo(2);
        foreach (var example in welcome.Suggestions)
        {
            // Each is answered (a cited fact, or the bot saying what it can do), never refused.
            answerer.Answer(example, ConversationState.Empty).Answer.Kind.ShouldBeOneOf([AnswerKind.Fact, AnswerKind.Timeline, AnswerKind.SmallTalk], example);
        }
    }
}
