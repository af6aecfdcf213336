using System.Globalization;
using ChatBot.E2E.Infrastructure;
using Xunit.Abstractions;

namespace ChatBot.E2E;

/// <summary>
/// How long a user waits in the browser: Enter pressed to answer shown, median of 20. Printed and written to
/// artifacts/latency.txt, not asserted (speed goals live in the benchmarks).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AnswerLatencyTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly string[] Questions =
    [
        "When were diplomatic relations between Kazakhstan and Korea established?",
        "How much has Korea invested in Kazakhstan?",
        "Who is Koo Hong-seok?",
        "What was the trade turnover between the two countries?",
        "When did Park Geun-hye visit Astana?",
    ];

    [Fact]
    public async Task Median_time_from_question_sent_to_answer_shown_over_20_questions()
    {
        await using var chat = await ChatPage.OpenAsync(fixture);

        var times = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            times.Add(await chat.TimeAnswerAsync(Questions[i % Questions.Length]));
        }

        times.Count.ShouldBe(20);
        times.ShouldAllBe(t => t > 0);
        var sorted = times.Order().ToList();
        var median = (sorted[9] + sorted[10]) / 2;
        var report = string.Create(CultureInfo.InvariantCulture,
            $"question sent -> answer shown in the browser, 20 questions: median {median:0} ms, p90 {sorted[17]:0} ms, min {sorted[0]:0} ms, max {sorted[^1]:0} ms");
        output.WriteLine(report);
        output.WriteLine("all (ms): " + string.Join(", ", times.Select(t => t.ToString("0", CultureInfo.InvariantCulture))));
        await File.WriteAllTextAsync(Path.Combine(BrowserFixture.ArtifactsFolder, "latency.txt"), report + Environment.NewLine);
        await chat.ScreenshotAsync("latency-20-questions");
        chat.Problems.ShouldBeEmpty();
    }
}
