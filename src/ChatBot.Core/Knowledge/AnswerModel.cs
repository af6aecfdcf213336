using System.Text.Json;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ChatBot.Core.Knowledge;

/// <summary>One (question, candidate fact) pair as the answer model reads it; <see cref="Label"/> only in training.</summary>
public sealed class AnswerRow
{
    public bool Label { get; set; }

    [VectorType(AnswerFeatures.Count)]
    public float[] Features { get; set; } = new float[AnswerFeatures.Count];

    /// <summary>How much the row counts in training; ignored when scoring.</summary>
    public float Weight { get; set; } = 1;
}

/// <summary>The model's reading of one pair: its calibrated probability that the fact answers the question.</summary>
public sealed class AnswerPrediction
{
    public float Probability { get; set; }

    public float Score { get; set; }
}

/// <summary>What <c>chatbot train</c> records with the answer model: how it was chosen and how well it is calibrated.</summary>
public sealed record AnswerModelCard
{
    public string Hash { get; init; } = string.Empty;
    public string Trainer { get; init; } = string.Empty;

    /// <summary>Answer when the best candidate's probability reaches this; chosen for <see cref="TargetWrongRate"/>.</summary>
    public double Threshold { get; init; }

    /// <summary>The share of all training questions (cross-validated) that may be answered with a wrong fact.</summary>
    public double TargetWrongRate { get; init; }

    public IReadOnlyList<string> Features { get; init; } = [];
    public int Rows { get; init; }

    /// <summary>The training questions the threshold and the cross-validated figures are measured on.</summary>
    public int Questions { get; init; }

    /// <summary>The training questions that only teach (the facts' own question forms), not measured.</summary>
    public int TeachingQuestions { get; init; }
    public AnswerModelScores CrossValidation { get; init; } = new();
    public IReadOnlyList<ReliabilityBin> Reliability { get; init; } = [];

    /// <summary>The cross-validated trade-off at other thresholds, for choosing a target knowingly.</summary>
    public IReadOnlyList<ThresholdTradeOff> Sweep { get; init; } = [];
    public IReadOnlyList<TrainerScore> Comparison { get; init; } = [];
}

/// <summary>Cross-validated figures at the chosen threshold, over questions (each one's best candidate).</summary>
public sealed record AnswerModelScores
{
    public double Auc { get; init; }
    public double LogLoss { get; init; }

    /// <summary>Answered with a wrong fact, over all questions.</summary>
    public double WrongRate { get; init; }

    /// <summary>Answered with a right fact, over answerable questions.</summary>
    public double AnsweredRight { get; init; }

    /// <summary>Refused, over questions without an answer.</summary>
    public double Refused { get; init; }
}

/// <summary>One row of a reliability table: the questions whose best probability fell in [From, To), and how often it was right.</summary>
public sealed record ReliabilityBin(double From, double To, int Count, double MeanProbability, double RightRate);

/// <summary>At one threshold, cross-validated: answerable questions answered right, the rest refused, all answered wrongly.</summary>
public sealed record ThresholdTradeOff(double Threshold, double AnsweredRight, double Refused, double WrongRate);

/// <summary>One trainer's cross-validated result, for the record of why the kept one was kept.</summary>
public sealed record TrainerScore(string Trainer, double Auc, double LogLoss, double WrongRate, double AnsweredRight);

/// <summary>
/// The learned answer-or-refuse decision: a binary ML.NET model over <see cref="AnswerFeatures"/> whose calibrated
/// probability is the confidence that a candidate fact answers the question, and the threshold (chosen in training
/// for a target rate of wrong answers) at which the bot answers. Thread-safe: engines are pooled.
/// </summary>
public sealed class AnswerModel
{
    private readonly ObjectPool<PredictionEngine<AnswerRow, AnswerPrediction>> _engines;

    public AnswerModel(MLContext context, ITransformer model, AnswerModelCard card)
    {
        Card = card;
        _engines = new DefaultObjectPool<PredictionEngine<AnswerRow, AnswerPrediction>>(new EnginePolicy(context, model), Environment.ProcessorCount * 2);
    }

    public AnswerModelCard Card { get; }

    public double Threshold => Card.Threshold;

    public double Probability(float[] features)
    {
        var engine = _engines.Get();
        try
        {
            return engine.Predict(new AnswerRow { Features = features }).Probability;
        }
        finally
        {
            _engines.Return(engine);
        }
    }

    /// <summary><c>models/answer-model.json</c> next to <c>models/answer-model.zip</c>: the threshold, hash and calibration.</summary>
    public static string CardFileFor(string modelPath) => Path.ChangeExtension(modelPath, ".json");

    /// <summary><c>models/answer-model.sha256</c>: the hash of the data the model was trained on.</summary>
    public static string HashFileFor(string modelPath) => Path.ChangeExtension(modelPath, ".sha256");

    internal static readonly JsonSerializerOptions CardJson = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>
    /// Opens the committed model. It is never retrained here: a missing, unreadable or stale model (the data it was
    /// trained on has changed) stops the host with a message naming <c>chatbot train</c>.
    /// </summary>
    public static AnswerModel Load(string modelPath, string currentHash)
    {
        var cardPath = CardFileFor(modelPath);
        if (!File.Exists(modelPath) || !File.Exists(cardPath))
        {
            throw new AnswerModelException($"Cannot start: there is no answer model at {modelPath} (with {Path.GetFileName(cardPath)}). Run `chatbot train` and commit models/.");
        }
        AnswerModelCard card;
        try
        {
            card = JsonSerializer.Deserialize<AnswerModelCard>(File.ReadAllText(cardPath), CardJson) ?? throw new JsonException("empty");
        }
        catch (JsonException ex)
        {
            throw new AnswerModelException($"Cannot start: {cardPath} cannot be read ({ex.Message}). Run `chatbot train`.", ex);
        }
        if (card.Hash != currentHash)
        {
            throw new AnswerModelException(
                $"Cannot start: the answer model {modelPath} is stale — it was trained on data {Short(card.Hash)}, and models/ and dialogs/ are now {Short(currentHash)}. Run `chatbot train` and commit models/.");
        }
        try
        {
            var ml = new MLContext(AnswerModelTrainer.Seed);
            using var stream = File.OpenRead(modelPath);
            return new AnswerModel(ml, ml.Model.Load(stream, out _), card);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or IOException or ArgumentException)
        {
            throw new AnswerModelException($"Cannot start: the answer model {modelPath} cannot be read ({ex.Message}). Run `chatbot train`.", ex);
        }
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash.Length == 0 ? "(none)" : hash;

    private sealed class EnginePolicy(MLContext context, ITransformer model) : PooledObjectPolicy<PredictionEngine<AnswerRow, AnswerPrediction>>
    {
        public override PredictionEngine<AnswerRow, AnswerPrediction> Create() => context.Model.CreatePredictionEngine<AnswerRow, AnswerPrediction>(model);

        public override bool Return(PredictionEngine<AnswerRow, AnswerPrediction> obj) => true;
    }
}

/// <summary>The answer model is missing, unreadable or stale; the message says to run <c>chatbot train</c>.</summary>
public sealed class AnswerModelException(string message, Exception? inner = null) : Exception(message, inner);
