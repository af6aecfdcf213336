namespace ChatBot.Core.Intents;

/// <summary>No usable intent model: the message says which file is wrong and what to run.</summary>
public sealed class IntentModelException(string message, Exception? inner = null) : Exception(message, inner);
