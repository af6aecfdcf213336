using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;

namespace ChatBot.Core.Intents;

/// <summary>
/// Names the intent of a message with the trained ML.NET model, after the same <see cref="IntentTextNormalizer"/> the
/// model was trained behind. Thread-safe: each call borrows a <see cref="PredictionEngine{TSrc,TDst}"/> and its input row from a pool,
/// because one engine must never serve two threads at once.
/// </summary>
public sealed class IntentClassifier
{
    private readonly ObjectPool<Scorer> _engines;
    private readonly IntentTextNormalizer _normalizer;

    public IntentClassifier(MLContext context, ITransformer model, IntentTextNormalizer normalizer, string trainer = "", string dialogsHash = "")
    {
        _normalizer = normalizer;
        Trainer = trainer;
        DialogsHash = dialogsHash;
        var policy = new EnginePolicy(context, model);
        _engines = new DefaultObjectPool<Scorer>(policy, Environment.ProcessorCount * 2);
        var engine = _engines.Get();
        try
        {
            Intents = IntentModelColumns.ScoreLabels(engine.Engine.OutputSchema);
        }
        finally
        {
            _engines.Return(engine);
        }
    }

    private IntentClassifier(IntentClassifier model, IntentTextNormalizer normalizer, string dialogsHash)
    {
        _engines = model._engines;
        _normalizer = normalizer;
        Trainer = model.Trainer;
        DialogsHash = dialogsHash;
        Intents = model.Intents;
    }

    /// <summary>The same model and prediction engines behind another normalizer: the model can open before the data it was trained on is read.</summary>
    public IntentClassifier With(IntentTextNormalizer normalizer, string dialogsHash) => new(this, normalizer, dialogsHash);

    /// <summary>The intents the model knows, in score order.</summary>
    public IReadOnlyList<string> Intents { get; }

    /// <summary>The trainer the model was built with, when known ("" for a model loaded from disk).</summary>
    public string Trainer { get; }

    /// <summary>The dialogs/ hash the model was trained on, when known.</summary>
    public string DialogsHash { get; }

    public IntentRanking Classify(string text)
    {
        var scorer = _engines.Get();
        try
        {
            _normalizer.FeaturizeInto(text, scorer.Row);
            var prediction = scorer.Engine.Predict(scorer.Row);
            return IntentRanking.FromScores(Intents, prediction.Score);
        }
        finally
        {
            _engines.Return(scorer);
        }
    }

    /// <summary>One prediction engine and the input row it reads, reused turn after turn by whoever borrowed the pair.</summary>
    private sealed record Scorer(PredictionEngine<IntentExample, IntentPrediction> Engine, IntentExample Row);

    private sealed class EnginePolicy(MLContext context, ITransformer model) : PooledObjectPolicy<Scorer>
    {
        public override Scorer Create() =>
            new(context.Model.CreatePredictionEngine<IntentExample, IntentPrediction>(model), new IntentExample());

        public override bool Return(Scorer obj) => true;
    }
}
