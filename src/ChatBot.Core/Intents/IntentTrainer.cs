using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML;

namespace ChatBot.Core.Intents;

/// <summary>The cross-validated result of one candidate trainer.</summary>
public sealed record TrainerComparison(IntentTrainerCandidate Trainer, IntentReport CrossValidation, TimeSpan Elapsed);

/// <summary>A model fitted on all of dialogs/, with the comparison that chose its trainer.</summary>
public sealed record TrainedIntentModel(
    MLContext Context,
    ITransformer Model,
    DataViewSchema InputSchema,
    IntentTrainerCandidate Trainer,
    IReadOnlyList<TrainerComparison> Comparison,
    string DialogsHash,
    IntentTextNormalizer Normalizer)
{
    /// <summary>The classifier of this model, normalizing text as it was normalized in training.</summary>
    public IntentClassifier Classifier() => new(Context, Model, Normalizer, Trainer.Name, DialogsHash);
}

/// <summary>
/// Trains the intent classifier: compares the candidate trainers by cross-validated macro F1, fits the best on
/// every example (normalized by <see cref="IntentTextNormalizer"/>), and saves the model with the hash of the data it learned from.
/// </summary>
public sealed class IntentTrainer(ILogger<IntentTrainer>? logger = null)
{
    public const int Seed = 1;

    private readonly ILogger _logger = logger ?? NullLogger<IntentTrainer>.Instance;

    public TrainedIntentModel Train(IntentTrainingData data, IReadOnlyList<IntentTrainerCandidate>? candidates = null, CancellationToken cancellationToken = default)
    {
        candidates ??= IntentTrainerCandidate.All;
        if (candidates.Count == 0)
        {
            throw new ArgumentException("At least one trainer is needed.", nameof(candidates));
        }
        var examples = data.DialogExamples;
        var comparison = new List<TrainerComparison>();
        if (candidates.Count > 1)
        {
            foreach (var candidate in candidates)
            {
                var watch = Stopwatch.StartNew();
                var report = IntentCrossValidation.Run(data, candidate, cancellationToken: cancellationToken);
                comparison.Add(new TrainerComparison(candidate, report, watch.Elapsed));
                _logger.LogInformation("{Trainer}: cross-validated macro F1 {MacroF1:0.000}, accuracy {Accuracy:0.000} ({Seconds:0.0} s)",
                    candidate.Name, report.MacroF1, report.Accuracy, watch.Elapsed.TotalSeconds);
            }
        }
        // Ties keep the earlier candidate, so the choice does not flip between equal runs.
        var best = comparison.Count == 0
            ? candidates[0]
            : comparison.Aggregate((a, b) => b.CrossValidation.MacroF1 > a.CrossValidation.MacroF1 ? b : a).Trainer;
        var ml = new MLContext(Seed);
        var rows = ml.Data.LoadFromEnumerable(data.Normalizer.NormalizeAll(data.All));
        var model = IntentPipeline.BuildPipeline(ml, best).Fit(rows);
        _logger.LogInformation("Trained the intent model with {Trainer} on {Examples} dialog examples and {FactQuestions} fact questions of {Intents} intents",
            best.Name, examples.Count, data.FactQuestions.Count, data.Dialogs.Dialogs.Count);
        return new TrainedIntentModel(ml, model, rows.Schema, best, comparison, data.Hash, data.Normalizer);
    }

    /// <summary>
    /// Writes the model and its hash file. Each goes to a temporary file first and is then moved into place, so a host
    /// reading the model meanwhile never sees half a file.
    /// </summary>
    public static void Save(TrainedIntentModel trained, string modelPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(modelPath))!);
        var temp = modelPath + ".tmp";
        trained.Context.Model.Save(trained.Model, trained.InputSchema, temp);
        File.Move(temp, modelPath, overwrite: true);
        var hashFile = HashFileFor(modelPath);
        TrainingDataHash.Write(hashFile + ".tmp", trained.DialogsHash);
        File.Move(hashFile + ".tmp", hashFile, overwrite: true);
    }

    /// <summary><c>models/intent-classifier.sha256</c> next to <c>models/intent-classifier.zip</c>.</summary>
    public static string HashFileFor(string modelPath) => Path.ChangeExtension(modelPath, ".sha256");
}
