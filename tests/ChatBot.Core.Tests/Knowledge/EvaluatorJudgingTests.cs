using ChatBot.Core.Dialogs;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Evaluation;
using ChatBot.Core.Tests.Dialogs;

namespace ChatBot.Core.Tests.Knowledge;

/// <summary>
/// How <see cref="Evaluator"/> judges what a user sees, on small made-up questions and scripted replies over the real
/// seeds: right, wrong fact, refused, confidently wrong, out of scope answered, and a conversation broken at a turn.
/// </summary>
public sealed class EvaluatorJudgingTests(BotFixture real) : IClassFixture<BotFixture>
{
    private const string Seed = "000_d4e2d44c68f0d52c.txt";

    private static readonly BotAnswer TiesAnswer = Answer("Diplomatic relations were established on 28 January 1992.", Cite(15));
    private static readonly BotAnswer EnvoyAnswer = Answer("Darkhan Berdaliyev was Kazakhstan's ambassador to Korea.", Cite(5));
    private static readonly BotAnswer AwardAnswer = Answer("Lee Myung-bak received the Altyn Kyran.", Cite(17));
    private static readonly BotAnswer Refusal = Answer("I don't know that from my documents. They cover relations between Kazakhstan and the Republic of Korea.");
    private static readonly BotAnswer HedgedPassage = Answer("I have no curated answer to that, but this passage of 000 looks relevant: “…”", Cite(5), AnswerKind.Passage);

    private static DevQuestion Ties(string q = "when did kz and rok start ties") =>
        new(q, FreshQuestionSet.Answerable, Seed, "were established on January 28, 1992", false, null, []) { Lines = new LineRange(15, 15) };

    private static DevQuestion OutOfScope(string q, string? category = null) =>
        new(q, DevQuestion.OutOfScope, null, null, false, null, []) { Category = category };

    [Fact]
    public void Citing_the_seed_where_the_quote_is_is_right()
    {
        var outcome = new Evaluator(real.Knowledge).Judge(Ties(), TiesAnswer);

        outcome.Right.ShouldBeTrue();
        outcome.Miss.ShouldBeNull();
        outcome.ConfidentlyWrong.ShouldBeFalse();
    }

    [Fact]
    public void Citing_other_lines_without_a_word_of_doubt_is_a_confidently_wrong_fact()
    {
        var outcome = new Evaluator(real.Knowledge).Judge(Ties(), EnvoyAnswer);

        outcome.Right.ShouldBeFalse();
        outcome.Miss.ShouldBe(MissKinds.WrongFact);
        outcome.ConfidentlyWrong.ShouldBeTrue();
    }

    [Fact]
    public void Citing_another_place_the_label_review_found_is_right_but_not_strictly()
    {
        var question = Ties() with { Also = [new ExpectedPlace("004_88d1abdf5696108c.txt", "since the establishment of diplomatic ties in 1992", new LineRange(20, 20))] };
        var elsewhere = Answer("Diplomatic ties were established in 1992.", new Citation("004_88d1abdf5696108c.txt", 20, 20, "…"));

        var outcome = new Evaluator(real.Knowledge).Judge(question, elsewhere);
        var wrong = new Evaluator(real.Knowledge).Judge(question, EnvoyAnswer);

        outcome.Right.ShouldBeTrue();
        outcome.RightStrictly.ShouldBeFalse();
        outcome.ConfidentlyWrong.ShouldBeFalse();
        wrong.Right.ShouldBeFalse();
        wrong.RightStrictly.ShouldBeFalse();
    }

    [Fact]
    public void A_wrong_passage_offered_with_the_bots_hedge_is_wrong_but_not_confidently()
    {
        var outcome = new Evaluator(real.Knowledge).Judge(Ties(), HedgedPassage);

        outcome.Miss.ShouldBe(MissKinds.WrongFact);
        outcome.Hedged.ShouldBeTrue();
        outcome.ConfidentlyWrong.ShouldBeFalse();
    }

    [Fact]
    public void Refusing_an_answerable_question_is_a_miss_but_not_confidently_wrong()
    {
        var outcome = new Evaluator(real.Knowledge).Judge(Ties(), Refusal);

        outcome.Right.ShouldBeFalse();
        outcome.Miss.ShouldBe(MissKinds.NotAnswered);
        outcome.ConfidentlyWrong.ShouldBeFalse();
    }

    [Fact]
    public void An_out_of_scope_question_is_right_only_when_refused()
    {
        var evaluator = new Evaluator(real.Knowledge);

        evaluator.Judge(OutOfScope("population of mars"), Refusal).Right.ShouldBeTrue();
        var answered = evaluator.Judge(OutOfScope("population of mars"), EnvoyAnswer);
        answered.Miss.ShouldBe(MissKinds.OutOfScopeAnswered);
        answered.ConfidentlyWrong.ShouldBeTrue();
    }

    [Fact]
    public void A_quote_that_is_not_at_the_given_lines_is_reported_as_a_problem_of_the_set()
    {
        var misplaced = Ties() with { Lines = new LineRange(3, 9) };

        var outcome = new Evaluator(real.Knowledge).Judge(misplaced, TiesAnswer);

        outcome.Right.ShouldBeFalse();
        outcome.Miss.ShouldBe(MissKinds.BadExpectation);
        outcome.Expected.ShouldContain("not at lines 3-9");
    }

    [Fact]
    public async Task Report_counts_confidently_wrong_answers_and_near_miss_refusals_apart()
    {
        var questions = new[] { Ties("q right"), Ties("q wrong"), Ties("q refused"), OutOfScope("oos refused", "near_miss"), OutOfScope("oos answered", "near_miss"), OutOfScope("oos unrelated", "unrelated") };
        var answerer = new ScriptedAnswerer(new()
        {
            ["q right"] = TiesAnswer, ["q wrong"] = EnvoyAnswer, ["q refused"] = Refusal,
            ["oos refused"] = Refusal, ["oos answered"] = AwardAnswer, ["oos unrelated"] = Refusal,
        });

        var run = await new Evaluator(real.Knowledge).RunAsync(answerer, new EvalSet(questions, []), "inline", CancellationToken.None);

        run.Report.Correct.ShouldBe(1);
        run.Report.Refused.ShouldBe(2);
        run.Report.ConfidentlyWrong.ShouldBe(2);
        run.Report.ConfidentlyWrongRate.ShouldBe(2 / 6.0, 1e-9);
        (run.Report.NearMisses, run.Report.NearMissesRefused).ShouldBe((2, 1));
        run.Report.Misses.Select(m => m.Miss).ShouldBe([MissKinds.WrongFact, MissKinds.NotAnswered, MissKinds.OutOfScopeAnswered]);
    }

    [Fact]
    public async Task A_conversation_runs_in_one_conversation_and_is_broken_at_its_first_wrong_turn()
    {
        var award = new DevQuestion("what award did he get", FreshQuestionSet.Answerable, Seed, "Lee Myung-bak was presented with the highest state award of Kazakhstan", false, null, []) { Lines = new LineRange(17, 17) };
        var held = new EvalConversation(1, [Ties(), award, OutOfScope("and for 2031?", "in_context")]);
        var broken = new EvalConversation(2, [Ties(), award with { Q = "and what did he win" }, OutOfScope("and the weather?", "in_context")]);
        var answerer = new ScriptedAnswerer(new()
        {
            [Ties().Q] = TiesAnswer, [award.Q] = AwardAnswer, ["and for 2031?"] = Refusal,
            ["and what did he win"] = EnvoyAnswer, ["and the weather?"] = AwardAnswer,
        });

        var run = await new Evaluator(real.Knowledge).RunAsync(answerer, new EvalSet([], [held, broken]), "inline", CancellationToken.None);

        answerer.Asked.Take(3).Select(a => a.Conversation).Distinct().Count().ShouldBe(1);
        answerer.Asked.Skip(3).Select(a => a.Conversation).Distinct().Count().ShouldBe(1);
        answerer.Asked[0].Conversation.ShouldNotBe(answerer.Asked[3].Conversation);
        answerer.Asked.Select(a => a.Text).ShouldBe([.. held.Turns.Concat(broken.Turns).Select(t => t.Q)]);
        (run.Report.Conversations, run.Report.ConversationsRight).ShouldBe((2, 1));
        (run.Report.Turns, run.Report.TurnsRight, run.Report.TurnsConfidentlyWrong).ShouldBe((6, 4, 2));
        var broke = run.Report.BrokenConversations.ShouldHaveSingleItem();
        broke.Number.ShouldBe(2);
        broke.BrokeAtTurn.ShouldBe(2);
        broke.BrokeAtKind.ShouldBe("follow-up, ellipsis");
    }

    [Fact]
    public void Turn_kinds_follow_the_position_and_form_of_the_question()
    {
        static EvalOutcome Turn(string q, string intent = FreshQuestionSet.Answerable) => new(q, null, intent, false, "", "", "Fact", 1, false);

        TurnKinds.Of(1, Turn("who is the korean ambassador")).ShouldBe("first turn");
        TurnKinds.Of(2, Turn("and since when")).ShouldBe("follow-up, ellipsis");
        TurnKinds.Of(2, Turn("what did he sign there")).ShouldBe("follow-up, refers back");
        TurnKinds.Of(3, Turn("what is tengizchevroil anyway")).ShouldBe("follow-up, self-contained");
        TurnKinds.Of(3, Turn("who is the consul there", DevQuestion.OutOfScope)).ShouldBe("follow-up, out of scope in context");
    }

    [Fact]
    public void The_bots_refusal_and_lost_thread_replies_count_as_uncertainty_and_a_plain_answer_does_not()
    {
        foreach (var key in new[] { "dont_know", "after_documents", "lost_thread", "clarify", "passage", "near_miss" })
        {
            UncertaintyWording.IsIn(real.Replies.Say(key)).ShouldBeTrue(key);
        }
        UncertaintyWording.IsIn(TiesAnswer.Text).ShouldBeFalse();
    }

    [Fact]
    public async Task The_real_bots_refusal_is_recognised_as_uncertainty()
    {
        var answer = await real.Pipeline(new MemoryStorage()).AnswerAsync("uncertainty-check", "what is the best pizza topping", CancellationToken.None);

        answer.Citations.ShouldBeEmpty();
        UncertaintyWording.IsIn(answer.Text).ShouldBeTrue(answer.Text);
    }

    private static Citation Cite(int line) => new(Seed, line, line, "…");

    private static BotAnswer Answer(string text, Citation? citation = null, AnswerKind kind = AnswerKind.Fact) =>
        new(text, citation is null ? [] : [citation], [], "test", 1, citation is null ? AnswerKind.OutOfScope : kind);

    /// <summary>Replies by the question's text alone and remembers which conversation each question came in.</summary>
    private sealed class ScriptedAnswerer(Dictionary<string, BotAnswer> replies) : IQuestionAnswerer
    {
        public List<(string Conversation, string Text)> Asked { get; } = [];

        public Task<BotAnswer> AnswerAsync(string conversationId, string text, CancellationToken cancellationToken)
        {
            Asked.Add((conversationId, text));
            return Task.FromResult(replies[text]);
        }

        public Task<BotAnswer?> WelcomeAsync(string conversationId, CancellationToken cancellationToken) => Task.FromResult<BotAnswer?>(null);
    }
}
