using ChatBot.Core.Evaluation;
using ChatBot.Core.Training;
using Shouldly;
using Xunit;

namespace ChatBot.Core.Tests.Knowledge;

/// <summary>A fresh set's tuning half as answer-model training questions: facts found by the expected quote's seed lines.</summary>
public sealed class FreshTrainingQuestionsTests(RealKnowledge real) : IClassFixture<RealKnowledge>
{
    private const string Ties = "000_d4e2d44c68f0d52c.txt";

    [Fact]
    public void An_answerable_question_learns_the_facts_at_its_quotes_lines_and_at_its_other_places()
    {
        var set = new EvalSet(
        [
            new DevQuestion("when did kz and rok start ties", FreshQuestionSet.Answerable, Ties, "were established on January 28, 1992", false, null, [])
            {
                Lines = new(15, 15),
            },
            new DevQuestion("ties since when", FreshQuestionSet.Answerable, Ties, "no such words in the seed", false, null, []) { Lines = new(15, 15) },
            new DevQuestion("population of mars", DevQuestion.OutOfScope, null, null, false, null, []),
        ], []);

        var learned = FreshTrainingQuestions.WithFacts(set, real.Knowledge);

        learned.Select(q => q.Q).ShouldBe(["when did kz and rok start ties", "population of mars"]);
        learned[0].Facts.ShouldContain("diplomatic-ties-established-1992");
        learned[1].IsOutOfScope.ShouldBeTrue();
    }

    [Fact]
    public void Of_two_facts_on_the_quotes_line_the_question_learns_the_one_whose_quote_holds_its_words()
    {
        // Line 63 of 002 carries Busan's consulate and Busan's port: a question quoting the consulate is not right for the port.
        var set = new EvalSet(
        [
            new DevQuestion("where did kz open a consulate", FreshQuestionSet.Answerable, "002_9525e256da1a01e8.txt",
                "the opening of the Consulate General of Kazakhstan this year in Busan", false, null, []) { Lines = new(63, 63) },
        ], []);

        var learned = FreshTrainingQuestions.WithFacts(set, real.Knowledge);

        learned.ShouldHaveSingleItem().Facts.ShouldBe(["consulate-general-busan-2022"]);
    }

    [Fact]
    public void A_final_half_is_known_by_its_header()
    {
        var folder = Path.Combine(RealKnowledge.RepoRoot(), "tests", "data", "fresh2");

        FreshTrainingQuestions.IsFinalHalf(Path.Combine(folder, "final.yaml")).ShouldBeTrue();
        FreshTrainingQuestions.IsFinalHalf(Path.Combine(folder, "tuning.yaml")).ShouldBeFalse();
    }
}
