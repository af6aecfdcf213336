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

    /// <summary>A lower floor than the bar, so that a regression shows apart from a near miss of the bar.</summary>
    private const double AccuracyFloor = 0.90;

    private async Task<EvalReport> EvaluateDevSetAsync()
    {
        var questions = DevQuestionSet.Load(Path.Combine(RealKnowledge.RepoRoot(), "tests", "data", "questions.yaml")).Where(q => !q.Holdout).ToList();
        var (report, _) = await new Evaluator(brain.Knowledge).RunAsync(brain.Answerer, questions, "dev", CancellationToken.None);
        return report;
    }

    [Fact]
    public async Task Every_out_of_scope_dev_question_is_refused()
    {
        var report = await EvaluateDevSetAsync();

        report.OutOfScope.ShouldBeGreaterThanOrEqualTo(40);
        report.Misses.Where(m => m.Intent == DevQuestion.OutOfScope).Select(m => m.Question).ShouldBeEmpty();
        report.RefusalRate.ShouldBe(1.0);
    }

    [Fact]
    public async Task Dev_accuracy_stays_above_the_measured_floor()
    {
        var report = await EvaluateDevSetAsync();

        report.Answerable.ShouldBeGreaterThanOrEqualTo(250);
        report.Accuracy.ShouldBeGreaterThanOrEqualTo(AccuracyFloor, Misses(report));
    }

    [Fact]
    public async Task Dev_accuracy_reaches_95_percent()
    {
        var report = await EvaluateDevSetAsync();

        report.Accuracy.ShouldBeGreaterThanOrEqualTo(AccuracyBar, Misses(report));
    }

    private static string Misses(EvalReport report) =>
        string.Join("\n", report.Misses.Take(20).Select(m => $"\"{m.Question}\": expected {m.Expected}, got {m.Got}"));
}
