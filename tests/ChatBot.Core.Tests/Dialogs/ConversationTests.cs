using ChatBot.Core.Dialogs;
using ChatBot.Core.Protocol;

namespace ChatBot.Core.Tests.Dialogs;

public sealed class ConversationTests(BotFixture bot) : IClassFixture<BotFixture>
{
    private static void Cites(Activity reply, string file)
    {
        reply.Text.ShouldNotBeNull();
        reply.Text.ShouldMatch($@"Sources?: [^\n]*{System.Text.RegularExpressions.Regex.Escape(file)}, lines? \d+");
    }

    [Fact]
    public Task Trade_figure_then_and_in_2019_answers_the_2019_figure_with_its_source() =>
        bot.Flow()
            .Send("trade in 2022")
            .AssertReply(r => { r.Text!.ShouldContain("4.2 billion"); r.Text!.ShouldContain("2022"); Cites(r, "002_9525e256da1a01e8.txt"); })
            .Send("and in 2019?")
            .AssertReply(r => { r.Text!.ShouldContain("2019"); r.Text!.ShouldContain("4.2 billion"); r.Text!.ShouldContain("Source"); })
            .StartTestAsync();

    [Fact]
    public Task Who_is_he_names_the_person_of_the_previous_answer() =>
        bot.Flow()
            .Send("who held the 10th policy consultation for korea")
            .AssertReply(r => r.Text!.ShouldContain("Kim Gunn"))
            .Send("who is he?")
            .AssertReply(r => { r.Text!.ShouldContain("Kim Gunn"); r.Text!.ShouldContain("Deputy"); r.Text!.ShouldContain("004_88d1abdf5696108c.txt"); })
            .StartTestAsync();

    [Fact]
    public async Task Tell_me_more_brings_a_new_fact_of_the_same_topic()
    {
        string? first = null;
        await bot.Flow()
            .Send("when were diplomatic relations established")
            .AssertReply(r => { first = r.Text; r.Text!.ShouldContain("1992"); })
            .Send("tell me more")
            .AssertReply(r => { r.Text!.ShouldNotBe(first); r.Text!.ShouldContain("Source"); })
            .StartTestAsync();
    }

    [Fact]
    public Task He_in_a_follow_up_is_the_person_the_last_question_named() =>
        bot.Flow()
            .Send("when did lee myung-bak visit kazakhstan")
            .AssertReply(r => r.Text!.ShouldContain("Lee Myung-bak"))
            .Send("which award was he given")
            .AssertReply(r => { r.Text!.ShouldContain("Altyn Kyran"); Cites(r, "000_d4e2d44c68f0d52c.txt"); })
            .StartTestAsync();

    [Fact]
    public Task What_was_in_it_after_a_document_gives_its_content_not_its_date_again() =>
        bot.Flow()
            .Send("when was the 2003 joint declaration signed")
            .AssertReply(r => r.Text!.ShouldContain("2003"))
            .Send("what was in it")
            .AssertReply(r => { r.Text!.ShouldContain("terrorism"); Cites(r, "003_cd69928455d60492.txt"); })
            .StartTestAsync();

    [Fact]
    public Task They_and_there_are_the_group_and_the_place_of_the_last_question() =>
        bot.Flow()
            .Send("how big is the korean community in kazakhstan")
            .AssertReply(r => r.Text!.ShouldContain("100,000"))
            .Send("how did they end up there")
            .AssertReply(r => { r.Text!.ShouldContain("1937"); Cites(r, "002_9525e256da1a01e8.txt"); })
            .StartTestAsync();

    [Fact]
    public Task And_a_new_year_keeps_the_topic_of_the_last_answer() =>
        bot.Flow()
            .Send("what happened in 2010 between korea and kazakhstan culturally")
            .AssertReply(r => r.Text!.ShouldContain("Year of the Republic of Kazakhstan"))
            .Send("and in 2011?")
            .AssertReply(r => { r.Text!.ShouldContain("2011"); r.Text!.ShouldContain("year", Case.Insensitive); r.Text!.ShouldContain("Source"); })
            .StartTestAsync();

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
    public Task Where_is_that_from_quotes_the_source_of_the_last_answer() =>
        bot.Flow()
            .Send("trade in 2022")
            .AssertReply(r => r.Text!.ShouldContain("4.2 billion"))
            .Send("where is that from?")
            .AssertReply(r => { r.Text!.ShouldContain("That comes from"); r.Text!.ShouldContain("“"); Cites(r, "002_9525e256da1a01e8.txt"); })
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
            .AssertReply(r => r.Text!.ShouldContain("Source"))
            .StartTestAsync();
    }

    [Fact]
    public async Task Unanswered_turns_are_logged_with_a_hashed_conversation_id()
    {
        var log = Path.Combine(Path.GetTempPath(), $"unanswered-{Guid.NewGuid():N}.jsonl");
        try
        {
            await bot.Flow(unansweredLog: log)
                .Send("bitcoin price today")
                .AssertReply(r => r.Text!.ShouldContain("I don't know"))
                .Send("when were diplomatic relations established")
                .AssertReply(r => r.Text!.ShouldContain("1992"))
                .StartTestAsync();
            var entries = UnansweredLog.Read(log);
            entries.Count.ShouldBe(1);
            entries[0].Text.ShouldBe("bitcoin price today");
            entries[0].Conversation.Length.ShouldBe(64);
            entries[0].Conversation.ShouldNotStartWith("test-");
            entries[0].TopIntents.Count.ShouldBe(3);
        }
        finally
        {
            File.Delete(log);
        }
    }

    private sealed class UnavailableStorage : IStorage
    {
        public Task<StoredItem?> ReadAsync(string key, CancellationToken cancellationToken) => throw new StorageUnavailableException("down");
        public Task<string> WriteAsync(string key, string value, string? eTag, CancellationToken cancellationToken) => throw new StorageUnavailableException("down");
        public Task DeleteAsync(string key, CancellationToken cancellationToken) => throw new StorageUnavailableException("down");
    }
}
