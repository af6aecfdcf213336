namespace ChatBot.Core.Knowledge.Evaluation;

/// <summary>
/// What <c>chatbot eval</c> runs: single questions (each in its own conversation) and conversations (each in one
/// conversation, turn by turn).
/// </summary>
public sealed record EvalSet(IReadOnlyList<DevQuestion> Questions, IReadOnlyList<EvalConversation> Conversations);

/// <summary>A conversation of a question set: its turns in order, each judged like a single question.</summary>
public sealed record EvalConversation(int Number, IReadOnlyList<DevQuestion> Turns);
