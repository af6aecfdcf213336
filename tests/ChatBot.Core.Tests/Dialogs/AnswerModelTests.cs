using ChatBot.Core.Dialogs;
using ChatBot.Core.Evaluation;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Tests.Knowledge;

namespace ChatBot.Core.Tests.Dialogs;

/// <summary>
/// The learned answer-or-refuse decision as a user meets it: a question whose subject the documents hold but whose
/// constraint (a third country, a year, a person) they do not is refused, not answered with the nearest fact; a
/// question they answer is answered with the model's probability as its confidence; a stale model stops the host.
/// </summary>
public sealed class AnswerModelTests(BotFixture real) : IClassFixture<BotFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData("when did the us and kazakhstan establish diplomatic relations")]
    [InlineData("what was kazakhstan korea trade in 2031")]
    public async Task A_question_the_documents_hold_the_subject_but_not_the_constraint_of_is_refused(string question)
    {
        var answer = await real.Pipeline(new MemoryStorage()).AnswerAsync("m1", question, None);

        // Refused: with nothing cited, or as a near miss that cites what the documents hold instead.
        answer.Kind.ShouldBeOneOf(AnswerKind.Fallback, AnswerKind.OutOfScope, AnswerKind.NearMiss);
        answer.Text.ShouldStartWith("I don't know");
        if (answer.Kind != AnswerKind.NearMiss)
        {
            answer.Citations.ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task An_answered_question_carries_the_model_probability_at_or_above_its_threshold()
    {
        var answer = await real.Pipeline(new MemoryStorage()).AnswerAsync("m2", "how much has korea invested in kazakhstan", None);

        answer.Kind.ShouldBe(AnswerKind.Fact);
        answer.Text.ShouldContain("4.2 billion");
        answer.Confidence.ShouldBeGreaterThanOrEqualTo(real.Judge.Threshold);
        answer.Confidence.ShouldBeLessThanOrEqualTo(1);
    }

    [Fact]
    public void A_country_the_question_names_and_the_fact_does_not_counts_as_a_failed_constraint()
    {
        var question = "how much has japan invested in kazakhstan";
        var retrieval = real.Knowledge.Retriever.Retrieve(question);
        var features = real.Judge.Features.Of(question, retrieval, 0, IntentEvidence.None, usedContext: false);

        features[Index("question_countries")].ShouldBe(1);
        features[Index("missing_countries")].ShouldBe(1);
        real.Judge.Judge(question, retrieval, IntentEvidence.None, usedContext: false).Answers.ShouldBeFalse();
    }

    [Theory]
    [InlineData("who were the two foreign ministers that exchanged visits", "foreign-ministers-mutual-visits", 1)]
    [InlineData("who is the korean ambassador to kazakhstan", "koo-hong-seok-korean-ambassador", 0)]
    [InlineData("who is koo hong-seok", "koo-hong-seok-korean-ambassador", 0)]
    [InlineData("when did koo hong-seok speak about relations", "koo-hong-seok-korean-ambassador", 0)]
    public void A_who_question_the_fact_answers_only_with_whom_the_question_names_is_marked(string question, string factId, int expected)
    {
        var retrieval = real.Knowledge.Retriever.Retrieve(question, top: 20);
        var index = retrieval.Facts.ToList().FindIndex(r => r.Fact.Id == factId);
        index.ShouldBeGreaterThanOrEqualTo(0, $"{factId} among the candidates of \"{question}\"");

        var features = real.Judge.Features.Of(question, retrieval, index, IntentEvidence.None, usedContext: false);

        features[Index("no_new_agent")].ShouldBe(expected);
    }

    [Fact]
    public void The_committed_answer_model_was_trained_on_the_current_data_and_records_its_calibration()
    {
        var card = real.Judge.Model.Card;

        card.Hash.ShouldBe(AnswerModelTrainer.Hash(new ChatBotPaths(RealKnowledge.RepoRoot())));
        card.Features.ShouldBe(AnswerFeatures.Names);
        card.Threshold.ShouldBeInRange(0.01, 0.99);
        card.Reliability.Count.ShouldBe(10);
        card.Reliability.Sum(b => b.Count).ShouldBe(card.Questions);
    }

    [Fact]
    public void A_stale_answer_model_stops_the_host_with_a_line_naming_chatbot_train()
    {
        var error = Should.Throw<AnswerModelException>(() => AnswerModel.Load(new ChatBotPaths(RealKnowledge.RepoRoot()).AnswerModel, "not-the-data-it-was-trained-on"));
        error.Message.ShouldContain("stale");
        error.Message.ShouldContain("chatbot train");

        var missing = Should.Throw<AnswerModelException>(() => AnswerModel.Load(Path.Combine(Path.GetTempPath(), $"none-{Guid.NewGuid():N}.zip"), "x"));
        missing.Message.ShouldContain("chatbot train");
    }

    [Fact]
    public async Task A_near_miss_says_what_the_documents_lack_and_cites_what_they_hold_instead()
    {
        var answer = await real.Pipeline(new MemoryStorage()).AnswerAsync("m3", "how much has japan invested in kazakhstan", None);

        answer.Kind.ShouldBe(AnswerKind.NearMiss);
        answer.Text.ShouldStartWith("I don't know that for Japan");
        answer.Text.ShouldContain("4.2 billion");
        answer.Citations.ShouldNotBeEmpty();
        foreach (var citation in answer.Citations)
        {
            real.Knowledge.Corpus.Find(citation.Source, citation.Quote, citation.FirstLine, citation.LastLine).ShouldNotBeNull(citation.Label);
        }
        var outOfScope = new DevQuestion("how much has japan invested in kazakhstan", DevQuestion.OutOfScope, null, null, false, null, []);
        var judged = new Evaluator(real.Knowledge).Judge(outOfScope, answer);
        judged.Right.ShouldBeTrue();
        judged.ConfidentlyWrong.ShouldBeFalse();
    }

    [Fact]
    public async Task A_near_miss_for_a_year_lists_the_dated_figures_the_documents_give()
    {
        var answer = await real.Pipeline(new MemoryStorage()).AnswerAsync("m4", "how much did korea invest in kazakhstan in 1985", None);

        answer.Kind.ShouldBe(AnswerKind.NearMiss);
        answer.Text.ShouldStartWith("I don't know that for 1985");
        answer.Text.ShouldContain("$3 billion");
        answer.Text.ShouldContain("$4.2 billion");
        answer.Citations.Count.ShouldBe(2);
    }

    private static int Index(string feature) => AnswerFeatures.Names.ToList().IndexOf(feature);
}
