using System.Diagnostics;
using System.Globalization;
using ChatBot.Core;
using ChatBot.Core.Dialogs;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Evaluation;

namespace ChatBot.Benchmarks;

/// <summary>
/// <c>--latency</c>: answers the whole mix of <see cref="Brain.Turns"/> (24,000 distinct questions and their follow-ups) N times, one turn at a time through
/// the brain the host uses, and reports the distribution of single turns (p50, p99, max): what a user waits, which a
/// benchmark's per-iteration means do not show.
/// </summary>
internal static class LatencyProbe
{
    public static async Task RunAsync(int rounds)
    {
        var (services, answerer) = Brain.Create();
        using var _ = services;
        var questions = Brain.Turns();
        var warm = 0;
        foreach (var question in questions)
        {
            await answerer.AnswerAsync($"warmup-{warm++ % Brain.Conversations}", question, CancellationToken.None); // JIT and tiering
        }
        var samples = new double[questions.Length * rounds];
        var n = 0;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var question in questions)
            {
                var started = Stopwatch.GetTimestamp();
                await answerer.AnswerAsync($"c{round}-{n % Brain.Conversations}", question, CancellationToken.None);
                samples[n++] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }
        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)n;
        if (Environment.GetEnvironmentVariable("CHATBOT_SLOWEST") is not null)
        {
            foreach (var (question, ms) in questions.Select((q, i) => (q, Enumerable.Range(0, rounds).Select(r => samples[r * questions.Length + i]).Order().ElementAt(rounds / 2))).OrderByDescending(x => x.Item2).Take(12))
            {
                Console.WriteLine($"{ms,8:0.000} ms  {question}");
            }
        }
        Array.Sort(samples);
        double At(double p) => samples[Math.Min(samples.Length - 1, (int)Math.Ceiling(p * samples.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{n} turns ({questions.Length} turns × {rounds}) on {Environment.ProcessorCount} cores: " +
            $"mean {samples.Average():0.000} ms, p50 {At(0.50):0.000} ms, p90 {At(0.90):0.000} ms, p99 {At(0.99):0.000} ms, max {samples[^1]:0.000} ms, " +
            $"{allocated / 1024:0.0} KB allocated per turn"));
    }
}
