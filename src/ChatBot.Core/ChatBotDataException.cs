namespace ChatBot.Core;

/// <summary>The bot's data (seeds, facts, dialogs, model) is missing or broken; the message says which file and what to fix.</summary>
public sealed class ChatBotDataException(string message, Exception? inner = null) : Exception(message, inner);
