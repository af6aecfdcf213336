using ChatBot.Core.Dialogs;
using Shouldly;
using Xunit;

namespace ChatBot.Core.Tests.Dialogs;

/// <summary>The question a follow-up is resolved to, as <c>ask --explain</c> shows it: titles, kinds and pronouns named.</summary>
public sealed class ReferenceResolutionTests(BotFixture bot) : IClassFixture<BotFixture>
{
    [Theory]
    [InlineData("what did that president receive", "what did Nursultan Nazarbayev receive")]
    [InlineData("when did the head of state come back", "when did Nursultan Nazarbayev come back")]
    [InlineData("what did he receive", "what did Nursultan Nazarbayev receive")]
    [InlineData("what did the ambassador say", "what did the ambassador say")] // no ambassador in the last turn
    public void A_title_or_a_pronoun_becomes_the_person_of_the_last_turn(string followUp, string resolved)
    {
        var state = After("when did nazarbayev visit korea in 2010", "visits_summits", "Nursultan Nazarbayev");

        Resolved(followUp, state).ShouldBe(resolved);
    }

    [Fact]
    public void That_city_is_the_place_of_the_last_answer_and_never_one_of_the_two_countries()
    {
        var state = After("where did kz open a consulate in korea", "regional_cooperation", "Busan", "Kazakhstan", "ROK");

        Resolved("what is that city trying to host", state).ShouldBe("what is Busan trying to host");
        Resolved("is that country big", state).ShouldBe("is that country big");
    }

    private string Resolved(string text, ConversationState state) =>
        bot.Pipeline(new MemoryStorage()).Answer(text, state).Decision.Message.Question;

    private static ConversationState After(string question, string intent, params string[] entities) =>
        new() { LastQuestion = question, LastIntent = intent, LastEntities = entities, Asked = [new AskedTurn(question, intent, [])] };
}
