using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using ChatBot.Core;
using ChatBot.Core.Dialogs;
using ChatBot.Core.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Benchmarks;

/// <summary>
/// A whole turn in process, as the host answers it (resolve, classify, retrieve, decide, render, state read and
/// write), over the HTTP benchmark's mix of 24,000 distinct questions and their follow-ups — one repeated question
/// would measure a warm path, not the bot — and retrieval alone for scale.
/// </summary>
[MemoryDiagnoser]
public class AnswerBenchmarks
{
    private ServiceProvider _services = null!;
    private IQuestionAnswerer _answerer = null!;
    private KnowledgeBase _knowledge = null!;
    private string[] _turns = [];
    private string[] _questions = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        (_services, _answerer) = Brain.Create();
        _knowledge = _services.GetRequiredService<KnowledgeBase>();
        _turns = Brain.Turns();
        _questions = Brain.Questions();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    /// <summary>One turn: the next turn of the mix, in the next of 64 conversations.</summary>
    [Benchmark]
    public Task<BotAnswer> Turn()
    {
        var i = _next++;
        return _answerer.AnswerAsync($"bench-{i % Brain.Conversations}", _turns[i % _turns.Length], CancellationToken.None);
    }

    /// <summary>Retrieval alone, on the mix's questions.</summary>
    [Benchmark]
    public FactRetrieval Retrieve() => _knowledge.Retriever.Retrieve(_questions[_next++ % _questions.Length]);
}

/// <summary>
/// One turn per BenchmarkDotNet iteration (invocation count 1), 6,000 iterations after 1,000 warm-ups, so the
/// percentiles are those of single turns — what a user waits — with the P99 column added and no outlier removed.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SingleTurnConfig))]
public class TurnLatencyBenchmarks
{
    private ServiceProvider _services = null!;
    private IQuestionAnswerer _answerer = null!;
    private string[] _turns = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        (_services, _answerer) = Brain.Create();
        _turns = Brain.Turns();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark]
    public Task<BotAnswer> SingleTurn()
    {
        var i = _next++;
        return _answerer.AnswerAsync($"single-{i % Brain.Conversations}", _turns[i % _turns.Length], CancellationToken.None);
    }

    private sealed class SingleTurnConfig : ManualConfig
    {
        public SingleTurnConfig()
        {
            AddJob(Job.Default.WithInvocationCount(1).WithUnrollFactor(1).WithWarmupCount(1000).WithIterationCount(6000).WithLaunchCount(1)
                .WithOutlierMode(Perfolizer.Mathematics.OutlierDetection.OutlierMode.DontRemove)); // the slow turns are the point
            AddColumn(StatisticColumn.P50, StatisticColumn.P95, new P99Column(), StatisticColumn.Max);
            WithOptions(ConfigOptions.DisableOptimizationsValidator);
        }
    }

    private sealed class P99Column : IColumn
    {
        public string Id => "P99";
        public string ColumnName => "P99";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Statistics;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Time;
        public string Legend => "99th percentile of single turns";
        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
            summary[benchmarkCase]?.ResultStatistics is { } statistics
                ? (statistics.Percentiles.Percentile(99) / 1_000_000).ToString("0.000 'ms'", System.Globalization.CultureInfo.InvariantCulture)
                : "NA";
    }
}
