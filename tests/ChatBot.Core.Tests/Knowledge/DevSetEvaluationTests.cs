using ChatBot.Core.Dialogs;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Evaluation;

namespace ChatBot.Core.Tests.Knowledge;

/// <summary>
/// The bars of issue #4 on the dev questions (holdout excluded), asked through the whole brain the host and the CLI
/// use (intent router, dialogs, fact store): every out-of-scope question refused, and the right fact cited for the
/// answerable ones.
/// </summary>
public sealed class DevSetEvaluationTests(RealBrain brain) : IClassFixture<RealBrain>
{
    private const double AccuracyBar = 0.95;

    [Fact]
    public async Task The_dev_set_refuses_every_out_of_scope_question_and_cites_the_right_fact_for_95_percent()
    {
        // One eval run, both bars: the refusals (every one) and the accuracy.
        var questions = DevQuestionSet.Load(Path.Combine(RealKnowledge.RepoRoot(), "tests", "data", "questions.yaml")).Where(q => !q.Holdout).ToList();
        var (report, _) = await new Evaluator(brain.Knowledge).RunAsync(brain.Answerer, questions, "dev", CancellationToken.None);

        report.OutOfScope.ShouldBeGreaterThanOrEqualTo(40);
        report.Misses.Where(m => m.Intent == DevQuestion.OutOfScope).Select(m => m.Question).ShouldBeEmpty();
        report.RefusalRate.ShouldBe(1.0);
        report.Answerable.ShouldBeGreaterThanOrEqualTo(250);
        report.Accuracy.ShouldBeGreaterThanOrEqualTo(AccuracyBar, Misses(report));
    }

    private static string Misses(EvalReport report) =>
        string.Join("\n", report.Misses.Take(20).Select(m => $"\"{m.Question}\": expected {m.Expected}, got {m.Got}"));
}
