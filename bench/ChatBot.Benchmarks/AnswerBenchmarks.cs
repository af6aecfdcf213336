using BenchmarkDotNet.Attributes;
using ChatBot.Core;
using ChatBot.Core.Dialogs;
using ChatBot.Core.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Benchmarks;

/// <summary>
/// A whole turn in process, as the host answers it (resolve, classify, retrieve, decide, render, state read and
/// write), over a mix of distinct questions — one repeated question would measure a cache, not the bot — and
/// retrieval alone for scale.
/// </summary>
[MemoryDiagnoser]
public class AnswerBenchmarks
{
    private const int Conversations = 64;

    private ServiceProvider _services = null!;
    private IQuestionAnswerer _answerer = null!;
    private KnowledgeBase _knowledge = null!;
    private string[] _questions = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        (_services, _answerer) = Brain.Create();
        _knowledge = _services.GetRequiredService<KnowledgeBase>();
        _questions = Brain.Questions();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    /// <summary>One turn: the next question of the mix, in the next of 64 conversations.</summary>
    [Benchmark]
    public Task<BotAnswer> Turn()
    {
        var i = _next++;
        return _answerer.AnswerAsync($"bench-{i % Conversations}", _questions[i % _questions.Length], CancellationToken.None);
    }

    /// <summary>Retrieval alone, on the same mix.</summary>
    [Benchmark]
    public FactRetrieval Retrieve() => _knowledge.Retriever.Retrieve(_questions[_next++ % _questions.Length]);
}
