using BenchmarkDotNet.Attributes;
using ChatBot.Core;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Meaning;
using ChatBot.Encoders;

namespace ChatBot.Benchmarks;

/// <summary>
/// What matching by meaning adds to a turn: one question encoded and scored against every fact's vectors
/// (<see cref="FactMeaning.Match"/>), for each encoder of docs/answering.md — the static word-vector mean, and the
/// transformers run through ONNX Runtime — over the distinct questions of <see cref="Brain.Questions"/>, one per call.
/// </summary>
[MemoryDiagnoser]
public class EncoderBenchmarks
{
    private FactMeaning _meaning = null!;
    private string[] _questions = [];
    private int _next;

    [Params(StaticSentenceEncoder.EncoderName, OnnxSentenceEncoder.MiniLm, OnnxSentenceEncoder.ArcticXs)]
    public string Encoder { get; set; } = StaticSentenceEncoder.EncoderName;

    [GlobalSetup]
    public void Setup()
    {
        OnnxSentenceEncoder.Register();
        var paths = ChatBotPaths.Locate(RepoRoot.Find());
        var knowledge = KnowledgeBase.Load(paths, meaning: false);
        var vectors = FactMeaning.Build(Encoder, paths, knowledge.Facts);
        ISentenceEncoder encoder = Encoder == StaticSentenceEncoder.EncoderName
            ? new StaticSentenceEncoder(WordVectors.Load(paths.WordVectors), vectors.Weights)
            : new OnnxSentenceEncoder(Encoder);
        _meaning = new FactMeaning(encoder, vectors, knowledge.Facts);
        _questions = Brain.Questions();
    }

    /// <summary>One distinct question a call, in rotation: encoded, then its cosine to every fact's forms, answer and quote.</summary>
    [Benchmark]
    public float MatchOneQuestion() => _meaning.Match(_questions[_next++ % _questions.Length]).Top;
}
