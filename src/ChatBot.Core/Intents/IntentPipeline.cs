using Microsoft.ML;
using Microsoft.ML.Transforms.Text;

namespace ChatBot.Core.Intents;

/// <summary>The intent model's shape: text featurization (word and character n-grams) in front of a multiclass trainer.</summary>
public static class IntentPipeline
{
    public const string LabelKey = "LabelKey";
    public const string Features = "Features";

    /// <summary>
    /// Text → normalized word 1–2-grams and character 3-grams (typos and short messages still share grams with
    /// the examples) → the trainer → the predicted intent's name. Pure: no data is seen until Fit.
    /// </summary>
    public static IEstimator<ITransformer> BuildPipeline(MLContext ml, IntentTrainerCandidate trainer)
    {
        var featurize = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepPunctuations = false,
            KeepNumbers = true,
            // Stop words carry intent here ("who is", "what can you"), so none are removed.
            StopWordsRemoverOptions = null,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false },
            Norm = TextFeaturizingEstimator.NormFunction.None,
        };
        return ml.Transforms.Conversion.MapValueToKey(LabelKey, nameof(IntentExample.Label))
            .Append(ml.Transforms.Text.FeaturizeText(Features, featurize, nameof(IntentExample.Text)))
            .Append(trainer.Create(ml))
            .Append(ml.Transforms.Conversion.MapKeyToValue(nameof(IntentPrediction.PredictedLabel)));
    }
}
