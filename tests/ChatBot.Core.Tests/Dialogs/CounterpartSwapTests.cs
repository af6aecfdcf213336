using ChatBot.Core.Dialogs;

namespace ChatBot.Core.Tests.Dialogs;

/// <summary>"and the other way round?" swaps the two countries the documents are about, found from the data.</summary>
public sealed class CounterpartSwapTests(BotFixture bot) : IClassFixture<BotFixture>
{
    [Theory]
    [InlineData("when was the year of kazakhstan in korea", "when was the year of ROK in Kazakhstan")]
    [InlineData("how much did kz invest in s. korea", "how much did ROK invest in Kazakhstan")]
    [InlineData("what did astana sign with seoul", "what did ROK sign with Kazakhstan")]
    public void The_two_countries_change_places(string question, string swapped) =>
        new CounterpartSwap(bot.Knowledge).Swap(question).ShouldBe(swapped);

    [Fact]
    public void A_question_naming_neither_country_has_no_other_way_round() =>
        new CounterpartSwap(bot.Knowledge).Swap("who is kim gunn").ShouldBeNull();

    [Theory]
    [InlineData("and the other way round?")]
    [InlineData("the reverse")]
    [InlineData("and vice versa")]
    [InlineData("what about the other country?")]
    public void Other_way_round_forms_are_recognised(string text) =>
        FollowUpDetector.Detect(text).ShouldNotBeNull().Kind.ShouldBe(FollowUpKind.OtherWayRound);
}
