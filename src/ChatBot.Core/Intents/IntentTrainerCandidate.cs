using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ChatBot.Core.Intents;

/// <summary>A multiclass trainer the intent trainer can compare by cross-validation, with the name reports use.</summary>
public sealed record IntentTrainerCandidate(string Name, Func<MLContext, IEstimator<ITransformer>> Create)
{
    // One thread each: the same dialogs/ then always give the same model and the same scores.

    /// <summary>L2 1 from a sweep of 0.01–3 (macro F1 0.864–0.867, flat); every L1 tried (0.003–0.03) lowered it.</summary>
    public static IntentTrainerCandidate LbfgsMaximumEntropy { get; } = new(
        "LbfgsMaximumEntropy",
        ml => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = IntentPipeline.LabelKey,
            FeatureColumnName = IntentPipeline.Features,
            NumberOfThreads = 1,
            L2Regularization = 1f,
            L1Regularization = 0,
        }));

    public static IntentTrainerCandidate OneVersusAllAveragedPerceptron { get; } = OneVersusAll(
        "AveragedPerceptron",
        ml => ml.BinaryClassification.Trainers.AveragedPerceptron(new AveragedPerceptronTrainer.Options
        {
            LabelColumnName = IntentPipeline.LabelKey,
            FeatureColumnName = IntentPipeline.Features,
            NumberOfIterations = 10,
        }));

    public static IntentTrainerCandidate OneVersusAllLinearSvm { get; } = OneVersusAll(
        "LinearSvm",
        ml => ml.BinaryClassification.Trainers.LinearSvm(new LinearSvmTrainer.Options
        {
            LabelColumnName = IntentPipeline.LabelKey,
            FeatureColumnName = IntentPipeline.Features,
            NumberOfIterations = 10,
        }));

    /// <summary>
    /// The trainers <c>chatbot train</c> compares, a minute in all on two cores. Left out as slower and worse on this
    /// data: SdcaMaximumEntropy (macro F1 0.819, about two minutes per 5-fold run; capping its iterations cost more)
    /// and FastTree (minutes per fold).
    /// </summary>
    public static IReadOnlyList<IntentTrainerCandidate> All { get; } =
        [LbfgsMaximumEntropy, OneVersusAllAveragedPerceptron, OneVersusAllLinearSvm];

    /// <summary>The trainer that won the last comparison: the one tests train with without comparing again.</summary>
    public static IntentTrainerCandidate Default => LbfgsMaximumEntropy;

    /// <summary>One binary trainer per intent, named after the binary trainer it wraps.</summary>
    private static IntentTrainerCandidate OneVersusAll<TModel>(
        string binaryName, Func<MLContext, ITrainerEstimator<BinaryPredictionTransformer<TModel>, TModel>> binary)
        where TModel : class =>
        new($"OneVersusAll({binaryName})",
            ml => ml.MulticlassClassification.Trainers.OneVersusAll(binary(ml), labelColumnName: IntentPipeline.LabelKey));
}
