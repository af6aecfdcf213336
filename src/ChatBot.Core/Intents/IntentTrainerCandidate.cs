using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace ChatBot.Core.Intents;

/// <summary>A multiclass trainer the intent trainer can compare by cross-validation, with the name reports use.</summary>
public sealed record IntentTrainerCandidate(string Name, Func<MLContext, IEstimator<ITransformer>> Create)
{
    // One thread each: the same dialogs/ then always give the same model and the same scores.
    public static IntentTrainerCandidate SdcaMaximumEntropy { get; } = new(
        "SdcaMaximumEntropy",
        ml => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = IntentPipeline.LabelKey,
            FeatureColumnName = IntentPipeline.Features,
            NumberOfThreads = 1,
        }));

    public static IntentTrainerCandidate LbfgsMaximumEntropy { get; } = new(
        "LbfgsMaximumEntropy",
        ml => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = IntentPipeline.LabelKey,
            FeatureColumnName = IntentPipeline.Features,
            NumberOfThreads = 1,
            L2Regularization = 0.1f,
            L1Regularization = 0,
        }));

    public static IntentTrainerCandidate OneVersusAllLogistic { get; } = new(
        "OneVersusAll(LbfgsLogisticRegression)",
        ml => ml.MulticlassClassification.Trainers.OneVersusAll(
            ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = IntentPipeline.LabelKey,
                FeatureColumnName = IntentPipeline.Features,
                NumberOfThreads = 1,
            }),
            labelColumnName: IntentPipeline.LabelKey));

    /// <summary>The trainers <c>chatbot train</c> compares.</summary>
    public static IReadOnlyList<IntentTrainerCandidate> All { get; } = [LbfgsMaximumEntropy, SdcaMaximumEntropy, OneVersusAllLogistic];

    /// <summary>The trainer that won the last comparison: the one a start-up retrain uses without comparing again.</summary>
    public static IntentTrainerCandidate Default => LbfgsMaximumEntropy;
}
