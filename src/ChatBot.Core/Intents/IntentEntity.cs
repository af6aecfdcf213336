namespace ChatBot.Core.Intents;

/// <summary>
/// An entity as the classifier sees it: its canonical name, its kind and the other ways people write it, handed in by
/// whoever read <c>models/entities.yaml</c> (the classifier itself reads no fact or entity file).
/// </summary>
public sealed record IntentEntity(string Name, string Kind, IReadOnlyList<string> Aliases);
