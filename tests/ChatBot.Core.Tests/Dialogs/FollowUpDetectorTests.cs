using ChatBot.Core.Dialogs;
using Shouldly;
using Xunit;

namespace ChatBot.Core.Tests.Dialogs;

/// <summary>The follow-up forms that move a year, ask the last subject another way, or go back to an earlier turn.</summary>
public sealed class FollowUpDetectorTests
{
    [Theory]
    [InlineData("and a year later?", 1)]
    [InlineData("two years before", -2)]
    [InlineData("what about the next year", 1)]
    [InlineData("the year before that?", -1)]
    [InlineData("and 3 years after", 3)]
    [InlineData("in the previous year", -1)]
    public void A_year_shift_says_how_many_years_and_which_way(string text, int years)
    {
        var followUp = FollowUpDetector.Detect(text).ShouldNotBeNull();

        followUp.Kind.ShouldBe(FollowUpKind.YearShift);
        followUp.Years.ShouldBe(years);
    }

    [Theory]
    [InlineData("why?", "why")]
    [InlineData("and how come", "how come")]
    [InlineData("when was that?", "when")]
    [InlineData("where did it happen", "where")]
    public void A_bare_question_word_asks_the_last_subject_another_way(string text, string word)
    {
        var followUp = FollowUpDetector.Detect(text).ShouldNotBeNull();

        followUp.Kind.ShouldBe(FollowUpKind.AskAgainWith);
        followUp.Addition.ShouldBe(word);
    }

    [Theory]
    [InlineData("going back to what I asked first: when were relations established?", "what I asked first", "when were relations established")]
    [InlineData("back to the trade thing, what about 2019", "the trade thing", "what about 2019")]
    [InlineData("ok back to the nuclear plant - who would build it?", "the nuclear plant", "who would build it")]
    [InlineData("back to the investment question", "the investment question", "")]
    public void Back_to_names_the_earlier_turn_and_carries_its_follow_up(string text, string hint, string rest)
    {
        var followUp = FollowUpDetector.Detect(text).ShouldNotBeNull();

        followUp.Kind.ShouldBe(FollowUpKind.BackTo);
        followUp.Hint.ShouldBe(hint);
        followUp.Addition.ShouldBe(rest);
    }

    [Theory]
    [InlineData("whose numbers are those")]
    [InlineData("who gave that figure?")]
    [InlineData("according to whom?")]
    [InlineData("btw which paper reported that")]
    public void Asking_who_gave_the_last_answer_is_asking_where_it_is_from(string text) =>
        FollowUpDetector.Detect(text).ShouldNotBeNull().Kind.ShouldBe(FollowUpKind.WhereFrom);

    [Theory]
    [InlineData("why did korea invest in kazakhstan")]
    [InlineData("when was the joint declaration signed")]
    [InlineData("years of friendship")]
    public void A_question_of_its_own_is_none_of_them(string text)
    {
        var followUp = FollowUpDetector.Detect(text);

        (followUp?.Kind is FollowUpKind.YearShift or FollowUpKind.AskAgainWith or FollowUpKind.BackTo).ShouldBeFalse();
    }
}
