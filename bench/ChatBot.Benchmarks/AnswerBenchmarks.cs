using BenchmarkDotNet.Attributes;
using ChatBot.Core;
using ChatBot.Core.Dialogs;
using ChatBot.Core.Knowledge;

namespace ChatBot.Benchmarks;

/// <summary>Answering one question in process, from the real seeds and facts: retrieval alone, and the whole answer with follow-ups.</summary>
[MemoryDiagnoser]
public class AnswerBenchmarks
{
    private KnowledgeBase _knowledge = null!;
    private KnowledgeAnswerer _answerer = null!;

    [Params(
        "when were diplomatic relations established?",
        "wat was the tarde volume betwen rok and kz in 2019",
        "how has trade changed over the years",
        "what's the weather in almaty tomorrow")]
    public string Question { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _knowledge = KnowledgeBase.Load(ChatBotPaths.Locate(RepoRoot.Find()));
        _answerer = new KnowledgeAnswerer(_knowledge, new MemoryStorage());
    }

    [Benchmark]
    public FactRetrieval Retrieve() => _knowledge.Retriever.Retrieve(Question);

    [Benchmark]
    public Task<BotAnswer> Answer() => _answerer.AnswerAsync("bench", Question, CancellationToken.None);
}
