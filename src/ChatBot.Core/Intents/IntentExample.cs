namespace ChatBot.Core.Intents;

/// <summary>One labelled utterance as ML.NET reads it: the text a user typed and the intent it means.</summary>
public sealed class IntentExample
{
    public string Text { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;
}
