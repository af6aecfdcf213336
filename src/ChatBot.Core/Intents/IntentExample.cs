using ChatBot.Core.Meaning;
using Microsoft.ML.Data;

namespace ChatBot.Core.Intents;

/// <summary>One labelled utterance as ML.NET reads it: the text a user typed, the intent it means, and its words' meaning.</summary>
public sealed class IntentExample
{
    public string Text { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;

    /// <summary>
    /// The mean of the words' vectors (<see cref="WordVectors"/>), sized and filled by
    /// <see cref="IntentTextNormalizer.Featurize"/>; empty until then, so the raw examples read at every start (thousands
    /// of them, only hashed or featurized later) carry no vector each.
    /// </summary>
    [VectorType(WordVectors.Dimensions)]
    public float[] Meaning { get; set; } = [];
}
