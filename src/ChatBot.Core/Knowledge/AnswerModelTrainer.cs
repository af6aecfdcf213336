using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ChatBot.Core.Knowledge;

/// <summary>
/// One training question: its candidate facts' features and whether each is a right answer, the group it is
/// cross-validated in (the fact it asks for, so paraphrases of one fact never sit on both sides of a fold), and
/// whether it has an answer at all.
/// </summary>
public sealed record AnswerTrainingQuestion(string Text, string Group, bool Answerable, IReadOnlyList<(float[] Features, bool Right)> Candidates, string Origin)
{
    /// <summary>How much the question's rows count in training (a curator's question form counts less than a user's question).</summary>
    public float Weight { get; init; } = 1;

    /// <summary>
    /// Whether the question is one a user asked (or could have): the threshold and the cross-validated figures are
    /// measured on those only. A fact's own question form teaches the model but is no user's question.
    /// </summary>
    public bool Measured { get; init; } = true;
}

/// <summary>A fitted answer model with its card, ready to save.</summary>
public sealed record TrainedAnswerModel(MLContext Context, ITransformer Model, DataViewSchema Schema, AnswerModelCard Card)
{
    public AnswerModel Open() => new(Context, Model, Card);
}

/// <summary>
/// Trains the answer model: compares trainers by cross-validation grouped by fact, keeps the best, reads the
/// threshold off its out-of-fold probabilities for a target rate of wrong answers, and records the calibration.
/// </summary>
public static class AnswerModelTrainer
{
    public const int Seed = 1;
    public const int Folds = 5;

    /// <summary>The share of all questions the model may answer wrongly (cross-validated) at its threshold.</summary>
    public const double DefaultTargetWrongRate = 0.043;

    private static readonly (string Name, Func<MLContext, IEstimator<ITransformer>> Create)[] Trainers =
    [
        ("FastTree (8 leaves)", ml => ml.BinaryClassification.Trainers.FastTree(new Microsoft.ML.Trainers.FastTree.FastTreeBinaryTrainer.Options
        {
            NumberOfLeaves = 8, NumberOfTrees = 150, MinimumExampleCountPerLeaf = 10, LearningRate = 0.1, Seed = Seed,
            ExampleWeightColumnName = nameof(AnswerRow.Weight),
        })),
        ("FastTree (16 leaves)", ml => ml.BinaryClassification.Trainers.FastTree(new Microsoft.ML.Trainers.FastTree.FastTreeBinaryTrainer.Options
        {
            NumberOfLeaves = 16, NumberOfTrees = 200, MinimumExampleCountPerLeaf = 20, LearningRate = 0.05, Seed = Seed,
            ExampleWeightColumnName = nameof(AnswerRow.Weight),
        })),
        ("FastTree (4 leaves)", ml => ml.BinaryClassification.Trainers.FastTree(new Microsoft.ML.Trainers.FastTree.FastTreeBinaryTrainer.Options
        {
            NumberOfLeaves = 4, NumberOfTrees = 200, MinimumExampleCountPerLeaf = 20, LearningRate = 0.05, Seed = Seed,
            ExampleWeightColumnName = nameof(AnswerRow.Weight),
        })),
        ("LbfgsLogisticRegression", ml => ml.Transforms.NormalizeMinMax("Features")
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(exampleWeightColumnName: nameof(AnswerRow.Weight)))),
    ];

    public static TrainedAnswerModel Train(IReadOnlyList<AnswerTrainingQuestion> questions, string hash, double targetWrongRate = DefaultTargetWrongRate, CancellationToken cancellationToken = default, string? trainer = null)
    {
        var fold = questions.Select(q => StableFold(q.Group)).ToArray();
        var comparison = new List<(string Name, Func<MLContext, IEstimator<ITransformer>> Create, double[][] Oof, CalibratedBinaryClassificationMetrics Metrics)>();
        foreach (var (name, create) in Trainers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var oof = new double[questions.Count][];
            for (var k = 0; k < Folds; k++)
            {
                var ml = new MLContext(Seed);
                var train = Rows(questions.Where((_, i) => fold[i] != k));
                var model = create(ml).Fit(ml.Data.LoadFromEnumerable(train));
                var engine = ml.Model.CreatePredictionEngine<AnswerRow, AnswerPrediction>(model);
                for (var i = 0; i < questions.Count; i++)
                {
                    if (fold[i] == k)
                    {
                        oof[i] = [.. questions[i].Candidates.Select(c => (double)engine.Predict(new AnswerRow { Features = c.Features }).Probability)];
                    }
                }
            }
            var context = new MLContext(Seed);
            var scored = context.Data.LoadFromEnumerable(questions.SelectMany((q, i) => q.Candidates.Select((c, j) => new ScoredRow { Label = c.Right, Probability = (float)oof[i][j], Score = (float)oof[i][j], PredictedLabel = oof[i][j] >= 0.5 })));
            var metrics = context.BinaryClassification.Evaluate(scored);
            comparison.Add((name, create, oof, metrics));
        }
        // The threshold and figures come from the questions users ask (the forms only teach).
        var measured = questions.Select((q, i) => (q, i)).Where(x => x.q.Measured).Select(x => x.i).ToArray();
        var asked = measured.Select(i => questions[i]).ToList();
        var scores = comparison.Select(c =>
        {
            var oof = measured.Select(i => c.Oof[i]).ToArray();
            var threshold = ChooseThreshold(asked, oof, targetWrongRate);
            return (c, oof, threshold, at: Score(asked, oof, threshold, c.Metrics));
        }).ToList();
        // The trainer that lets the most right answers through at the same wrong-answer rate wins, unless one is named
        // (chosen on the tuning questions: see docs/answering.md).
        var best = trainer is null
            ? scores.Aggregate((a, b) => b.at.AnsweredRight > a.at.AnsweredRight ? b : a)
            : scores.FirstOrDefault(s => s.c.Name == trainer) is { c.Name: not null } named ? named
            : throw new ArgumentException($"No answer-model trainer named '{trainer}'; the trainers are: {string.Join(", ", scores.Select(s => s.c.Name))}.", nameof(trainer));
        var ml2 = new MLContext(Seed);
        var all = ml2.Data.LoadFromEnumerable(Rows(questions));
        var fitted = best.c.Create(ml2).Fit(all);
        var card = new AnswerModelCard
        {
            Hash = hash,
            Trainer = best.c.Name,
            Threshold = best.threshold,
            TargetWrongRate = targetWrongRate,
            Features = AnswerFeatures.Names,
            Rows = questions.Sum(q => q.Candidates.Count),
            Questions = asked.Count,
            TeachingQuestions = questions.Count - asked.Count,
            CrossValidation = best.at,
            Reliability = Reliability(asked, best.oof),
            Sweep = [.. Enumerable.Range(1, 19).Select(i => Score(asked, best.oof, i * 0.05, best.c.Metrics))
                .Select((s, i) => new ThresholdTradeOff(Math.Round((i + 1) * 0.05, 2), s.AnsweredRight, s.Refused, s.WrongRate))],
            Comparison = [.. scores.Select(s => new TrainerScore(s.c.Name, s.at.Auc, s.at.LogLoss, s.at.WrongRate, s.at.AnsweredRight))],
        };
        return new TrainedAnswerModel(ml2, fitted, all.Schema, card);
    }

    /// <summary>Writes the model, its card (threshold, calibration) and its hash, each through a temporary file.</summary>
    public static void Save(TrainedAnswerModel trained, string modelPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(modelPath))!);
        trained.Context.Model.Save(trained.Model, trained.Schema, modelPath + ".tmp");
        File.Move(modelPath + ".tmp", modelPath, overwrite: true);
        var card = AnswerModel.CardFileFor(modelPath);
        File.WriteAllText(card + ".tmp", JsonSerializer.Serialize(trained.Card, AnswerModel.CardJson) + "\n");
        File.Move(card + ".tmp", card, overwrite: true);
        var hash = AnswerModel.HashFileFor(modelPath);
        File.WriteAllText(hash + ".tmp", $"{trained.Card.Hash}  models/facts.yaml, models/entities.yaml, models/countries.txt, dialogs/*.yaml, features v{AnswerFeatures.Version}\n");
        File.Move(hash + ".tmp", hash, overwrite: true);
    }

    /// <summary>
    /// The fingerprint of what the model's features and training rows are made from, as the host can check it:
    /// the fact store, entities, countries, dialogs/ (not its reply texts) and the features' version (line endings normalized).
    /// </summary>
    public static string Hash(ChatBotPaths paths)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = new[] { paths.Facts, paths.Entities, paths.Countries, paths.NearMisses }
            .Concat(Directory.Exists(paths.Dialogs)
                // The reply texts (responses.yaml) are no training data: rewording a reply does not stale the model.
                ? Directory.GetFiles(paths.Dialogs, "*.yaml").Where(f => Path.GetFileName(f) != "responses.yaml").Order(StringComparer.Ordinal)
                : []);
        foreach (var file in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            sha.AppendData(Encoding.UTF8.GetBytes(File.Exists(file) ? File.ReadAllText(file).ReplaceLineEndings("\n") : string.Empty));
            sha.AppendData("\0"u8);
        }
        sha.AppendData(Encoding.UTF8.GetBytes("features " + AnswerFeatures.Version));
        // The meaning features read the fact vectors: vectors rebuilt (another encoder, edited facts) stale the model.
        var vectors = Meaning.FactVectors.HashFileFor(paths.FactVectors);
        sha.AppendData(Encoding.UTF8.GetBytes("\nfact vectors " + (File.Exists(vectors) ? File.ReadAllText(vectors).Split(' ')[0] : "none")));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>
    /// The lowest threshold at which the questions answered wrongly (best candidate not right, probability at or above
    /// it) are at most <paramref name="target"/> of all questions, each counted at its weight.
    /// </summary>
    public static double ChooseThreshold(IReadOnlyList<AnswerTrainingQuestion> questions, double[][] probabilities, double target)
    {
        var total = questions.Sum(q => q.Weight);
        for (var t = 0.05; t < 0.99; t += 0.01)
        {
            if (Outcomes(questions, probabilities, t).Wrong <= target * total)
            {
                return Math.Round(t, 2);
            }
        }
        return 0.99;
    }

    /// <summary>At a threshold: the weight of questions answered wrongly, answered rightly, and (of those without an answer) refused.</summary>
    private static (double Wrong, double Right, double Refused) Outcomes(IReadOnlyList<AnswerTrainingQuestion> questions, double[][] probabilities, double threshold)
    {
        var (wrong, right, refused) = (0.0, 0.0, 0.0);
        for (var i = 0; i < questions.Count; i++)
        {
            var (p, isRight) = BestOf(questions[i], probabilities[i]);
            var weight = questions[i].Weight;
            if (p < threshold)
            {
                refused += questions[i].Answerable ? 0 : weight;
            }
            else if (isRight)
            {
                right += weight;
            }
            else
            {
                wrong += weight;
            }
        }
        return (wrong, right, refused);
    }

    private static (double P, bool Right) BestOf(AnswerTrainingQuestion question, double[] probabilities)
    {
        var best = -1;
        for (var j = 0; j < probabilities.Length; j++)
        {
            if (best < 0 || probabilities[j] > probabilities[best])
            {
                best = j;
            }
        }
        return best < 0 ? (0, false) : (probabilities[best], question.Candidates[best].Right);
    }

    private static AnswerModelScores Score(IReadOnlyList<AnswerTrainingQuestion> questions, double[][] oof, double threshold, CalibratedBinaryClassificationMetrics metrics)
    {
        var (wrong, right, refused) = Outcomes(questions, oof, threshold);
        var answerable = questions.Where(q => q.Answerable).Sum(q => q.Weight);
        var total = questions.Sum(q => q.Weight);
        return new AnswerModelScores
        {
            Auc = Math.Round(metrics.AreaUnderRocCurve, 4),
            LogLoss = Math.Round(metrics.LogLoss, 4),
            WrongRate = Math.Round(wrong / total, 4),
            AnsweredRight = Math.Round(right / Math.Max(1, answerable), 4),
            Refused = Math.Round(refused / Math.Max(1, total - answerable), 4),
        };
    }

    /// <summary>The reliability table: each question's best probability, in tenths, against how often that best candidate was right.</summary>
    public static IReadOnlyList<ReliabilityBin> Reliability(IEnumerable<(double P, bool Right)> points)
    {
        var list = points.ToList();
        return [.. Enumerable.Range(0, 10).Select(b =>
        {
            var (from, to) = (b / 10.0, (b + 1) / 10.0);
            var inBin = list.Where(x => x.P >= from && (x.P < to || b == 9)).ToList();
            return new ReliabilityBin(from, to, inBin.Count, inBin.Count == 0 ? 0 : Math.Round(inBin.Average(x => x.P), 3),
                inBin.Count == 0 ? 0 : Math.Round(inBin.Count(x => x.Right) / (double)inBin.Count, 3));
        })];
    }

    private static IReadOnlyList<ReliabilityBin> Reliability(IReadOnlyList<AnswerTrainingQuestion> questions, double[][] oof) =>
        Reliability(questions.Select((q, i) => BestOf(q, oof[i])));

    private static IEnumerable<AnswerRow> Rows(IEnumerable<AnswerTrainingQuestion> questions) =>
        questions.SelectMany(q => q.Candidates.Select(c => new AnswerRow { Label = c.Right, Features = c.Features, Weight = q.Weight }));

    private static int StableFold(string group)
    {
        var hash = 17u;
        foreach (var ch in group)
        {
            hash = hash * 31 + ch;
        }
        return (int)(hash % Folds);
    }

    private sealed class ScoredRow
    {
        public bool Label { get; set; }
        public float Probability { get; set; }
        public float Score { get; set; }
        public bool PredictedLabel { get; set; }
    }
}
