using ChatBot.Core.Dialogs;
using ChatBot.Core.Protocol;

namespace ChatBot.Core.Tests.Dialogs;

/// <summary>
/// Single turns and flows of the whole bot that are not stories of facts (those are in tests/data/stories.yaml):
/// messages with nothing to answer, refusals, small talk, lost storage and the ask-back. (Refusals reach the curators
/// through the turn handler's curator recorder: see the curator tests.)
/// </summary>
public sealed class ConversationTests(BotFixture bot) : IClassFixture<BotFixture>
{
    private static void Cites(Activity reply, string file)
    {
        reply.Text.ShouldNotBeNull();
        reply.Text.ShouldMatch($@"Sources?: [^\n]*{System.Text.RegularExpressions.Regex.Escape(file)}, lines? \d+");
    }

    [Theory]
    [InlineData("😀😀😀")]
    [InlineData("🇰🇿🇰🇷")]
    [InlineData("what time is it in tokyo")]
    [InlineData("population of seoul")]
    public Task A_message_with_nothing_of_its_own_is_not_answered_from_the_last_topic(string message) =>
        bot.Flow()
            .Send("what was the trade volume in 2019")
            .AssertReply(r => r.Text!.ShouldContain("4.2 billion"))
            .Send(message)
            .AssertReply(r => { r.Text!.ShouldNotContain("Source"); r.Text!.ShouldNotContain("4.2 billion"); })
            .StartTestAsync();

    [Fact]
    public Task Out_of_scope_question_gets_i_dont_know_and_three_topics() =>
        bot.Flow()
            .Send("what's the weather in almaty today")
            .AssertReply(r =>
            {
                r.Text!.ShouldContain("I don't know that from my documents", Case.Insensitive);
                r.Text!.ShouldNotContain("Source:");
                r.SuggestedActions.ShouldNotBeNull().Actions.Count.ShouldBe(3);
            })
            .StartTestAsync();

    [Fact]
    public Task Chit_chat_states_what_the_bot_knows_and_where_from() =>
        bot.Flow()
            .Send("are you a robot")
            .AssertReply(r => { r.Text!.ShouldContain("Kazakhstan"); r.Text!.ShouldContain("documents"); r.Text!.ShouldNotContain("Source:"); })
            .Send("thanks, bye")
            .AssertReply(r => r.Text!.ShouldStartWith("You're welcome!"))
            .Send("спасибо")
            .AssertReply(r => r.Text!.ShouldStartWith("You're welcome!"))
            .Send("good night")
            .AssertReply(r => r.Text!.ShouldStartWith("Goodbye!"))
            .Send("ok got it")
            .AssertReply(r => r.Text!.ShouldStartWith("Glad that helped."))
            .StartTestAsync();

    [Theory]
    [InlineData("how much was that up")]
    public Task A_question_leaning_on_the_last_answer_is_answered_or_refused_never_chatted_to(string followUp) =>
        bot.Flow()
            .Send("trade in the first 3 quarters of 2011")
            .AssertReply(r => Cites(r, "000_d4e2d44c68f0d52c.txt"))
            .Send(followUp)
            .AssertReply(r =>
            {
                r.Text!.ShouldNotStartWith("Glad that helped.");
                r.Text!.ShouldNotStartWith("You're welcome!");
                r.Text!.ShouldNotStartWith("I'm a small bot");
                (r.Text!.Contains("Source") || r.Text!.Contains("I don't know", StringComparison.OrdinalIgnoreCase)).ShouldBeTrue(r.Text);
            })
            .StartTestAsync();

    [Fact]
    public Task Sources_question_lists_the_five_seed_files() =>
        bot.Flow()
            .Send("which documents do you use")
            .AssertReply(r =>
            {
                foreach (var seed in bot.Sources.Documents)
                {
                    r.Text!.ShouldContain(seed.File);
                }
                bot.Sources.Documents.Count.ShouldBe(5);
            })
            .StartTestAsync();

    [Fact]
    public Task Lost_storage_says_it_lost_the_thread() =>
        bot.Flow(new UnavailableStorage())
            .Send("trade in 2022")
            .AssertReply(r => r.Text!.ShouldBe(bot.Replies.Say("lost_thread")))
            .StartTestAsync();

    [Fact]
    public async Task Close_topics_get_a_clarifying_question_whose_buttons_get_answers()
    {
        // Margin 1 and no floor: any question whose two best topics lead to different facts is "close".
        var eager = new RouterOptions { ClarifyMargin = 1.0, MinConfidence = 0.0 };
        var pipeline = bot.Pipeline(new MemoryStorage(), options: eager);
        var clarifying = bot.Dialogs.Examples().Select(e => e.Text)
            .FirstOrDefault(q => pipeline.Answer(q, ConversationState.Empty).Answer.Kind == AnswerKind.Clarify);
        clarifying.ShouldNotBeNull("no dialog example has two topics that lead to different facts");
        string? button = null;
        await bot.Flow(options: eager)
            .Send(clarifying)
            .AssertReply(r =>
            {
                r.Text!.ShouldStartWith("Do you mean");
                r.SuggestedActions.ShouldNotBeNull().Actions.Count.ShouldBe(2);
                button = r.SuggestedActions.Actions[0].Value;
                button.ShouldNotBeNull().ShouldStartWith("About ");
            })
            .Send(() => button!)
            .AssertReply(r => r.Text!.ShouldContain("Source", customMessage: $"{clarifying} -> {button}"))
            .StartTestAsync();
    }

    private sealed class UnavailableStorage : IStorage
    {
        public Task<StoredItem?> ReadAsync(string key, CancellationToken cancellationToken) => throw new StorageUnavailableException("down");
        public Task<string> WriteAsync(string key, string value, string? eTag, CancellationToken cancellationToken) => throw new StorageUnavailableException("down");
        public Task DeleteAsync(string key, CancellationToken cancellationToken) => throw new StorageUnavailableException("down");
    }
}
