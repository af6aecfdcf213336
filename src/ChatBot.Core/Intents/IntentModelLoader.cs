using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML;

namespace ChatBot.Core.Intents;

/// <summary>
/// Opens the committed intent model at start and keeps it in step with dialogs/: when the data's hash differs from
/// the one stored with the model, or the model is missing or unreadable, it retrains (seconds) and says so.
/// </summary>
public sealed class IntentModelLoader(ILogger<IntentModelLoader>? logger = null, ILoggerFactory? loggerFactory = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<IntentModelLoader>.Instance;

    public IntentClassifier Load(ChatBotPaths paths, CancellationToken cancellationToken = default)
    {
        var modelPath = paths.IntentModel;
        // The model opens on a worker while the data it must match is read and hashed here: start-up waits for the
        // longer of the two. If the hashes then differ, the opened model is simply dropped.
        var opening = File.Exists(modelPath) ? Task.Run(() => Open(modelPath), cancellationToken) : null;
        var haveDialogs = DialogCatalog.Files(paths.Dialogs).Count > 0;
        var data = haveDialogs ? IntentTrainingData.Load(paths) : null;
        var dialogsHash = data?.Hash;
        var modelHash = TrainingDataHash.Read(IntentTrainer.HashFileFor(modelPath));

        string reason;
        if (opening is null)
        {
            reason = $"there is no intent model at {modelPath}";
        }
        else if (dialogsHash is not null && dialogsHash != modelHash)
        {
            reason = modelHash is null
                ? $"the intent model {modelPath} has no {Path.GetFileName(IntentTrainer.HashFileFor(modelPath))} saying which dialogs/ data it was trained on"
                : $"dialogs/ changed since the intent model was trained (model trained on {modelHash[..12]}, dialogs/ now {dialogsHash[..12]})";
        }
        else
        {
            try
            {
                var classifier = opening.GetAwaiter().GetResult()
                    .With(data?.Normalizer ?? IntentTrainingData.NormalizerFor(paths), modelHash ?? string.Empty);
                if (dialogsHash is null)
                {
                    _logger.LogWarning("No dialogs/ folder at {Dialogs}: using the intent model {Model} without checking it is current", paths.Dialogs, modelPath);
                }
                return classifier;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (!haveDialogs)
                {
                    throw new IntentModelException(
                        $"The intent model {modelPath} cannot be read ({ex.Message}) and there is no dialogs/ data at {paths.Dialogs} to retrain it from. Restore the file from git or add dialogs/ and run `chatbot train`.", ex);
                }
                reason = $"the intent model {modelPath} cannot be read ({ex.GetType().Name}: {ex.Message})";
            }
        }

        if (!haveDialogs)
        {
            throw new IntentModelException(
                $"Cannot start: {reason}, and there is no dialogs/ data at {paths.Dialogs} to train one from. Restore models/ and dialogs/ from git, then run `chatbot train`.");
        }
        _logger.LogWarning("Retraining the intent classifier because {Reason}", reason);
        return Retrain(paths, data!, cancellationToken);
    }

    private IntentClassifier Retrain(ChatBotPaths paths, IntentTrainingData data, CancellationToken cancellationToken)
    {
        var trainer = new IntentTrainer(loggerFactory?.CreateLogger<IntentTrainer>());
        // At start a single trainer is enough: the comparison is `chatbot train`'s job, not every boot's.
        var trained = trainer.Train(data, [IntentTrainerCandidate.Default], cancellationToken);
        try
        {
            IntentTrainer.Save(trained, paths.IntentModel);
            _logger.LogWarning("Saved the retrained intent model to {Model}; commit it with dialogs/ so the next start does not retrain", paths.IntentModel);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(ex, "Could not save the retrained intent model to {Model}; using it from memory", paths.IntentModel);
        }
        return trained.Classifier();
    }

    /// <summary>The model with its prediction engines made, still without the normalizer the data brings.</summary>
    private static IntentClassifier Open(string modelPath)
    {
        var ml = new MLContext(IntentTrainer.Seed);
        using var stream = File.OpenRead(modelPath);
        var model = ml.Model.Load(stream, out _);
        return new IntentClassifier(ml, model, IntentTextNormalizer.Plain);
    }
}
