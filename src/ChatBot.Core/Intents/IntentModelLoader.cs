using Microsoft.ML;

namespace ChatBot.Core.Intents;

/// <summary>
/// Opens the committed intent model and checks it was trained on the data the bot has now. It never trains and never
/// writes: a missing, unreadable or stale model (its hash differs from the data's) stops the load with one message that
/// names <c>chatbot train</c>, the only command that writes <c>models/</c>.
/// </summary>
public sealed class IntentModelLoader
{
    /// <summary>
    /// The classifier of <paramref name="modelPath"/>, normalizing text as <paramref name="loadData"/>'s data does.
    /// The model opens on a worker while the data is read and hashed here: the load waits for the longer of the two.
    /// </summary>
    /// <exception cref="IntentModelException">The model is missing, stale or unreadable.</exception>
    public IntentClassifier Load(string modelPath, Func<IntentTrainingData> loadData, CancellationToken cancellationToken = default)
    {
        var opening = File.Exists(modelPath) ? Task.Run(() => Open(modelPath), cancellationToken) : null;
        var data = loadData();
        var hashFile = IntentTrainer.HashFileFor(modelPath);
        var modelHash = TrainingDataHash.Read(hashFile);
        if (opening is null)
        {
            throw new IntentModelException($"There is no intent model at {modelPath}. {TrainHint}");
        }
        if (modelHash is null)
        {
            throw new IntentModelException($"The intent model {modelPath} has no {Path.GetFileName(hashFile)} saying which data it was trained on. {TrainHint}");
        }
        if (modelHash != data.Hash)
        {
            throw new IntentModelException(
                $"The intent model {modelPath} is stale: it was trained on data {modelHash[..12]}, and the data now (dialogs/, the fact " +
                $"questions, entity aliases, lexicon and word vectors) hashes to {data.Hash[..12]}. {TrainHint}");
        }
        try
        {
            return opening.GetAwaiter().GetResult().With(data.Normalizer, modelHash);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new IntentModelException($"The intent model {modelPath} cannot be read ({ex.GetType().Name}: {ex.Message}). {TrainHint}", ex);
        }
    }

    /// <summary>What every message ends with: the one command that writes the model.</summary>
    public const string TrainHint = "Run `chatbot train` (dotnet run --project src/ChatBot.Cli -- train) and commit models/intent-classifier.zip and .sha256.";

    /// <summary>The model with its prediction engines made, still without the normalizer the data brings.</summary>
    private static IntentClassifier Open(string modelPath)
    {
        var ml = new MLContext(IntentTrainer.Seed);
        using var stream = File.OpenRead(modelPath);
        var model = ml.Model.Load(stream, out _);
        return new IntentClassifier(ml, model, IntentTextNormalizer.Plain);
    }
}
