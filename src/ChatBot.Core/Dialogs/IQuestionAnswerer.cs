namespace ChatBot.Core.Dialogs;

/// <summary>Answers a user's message in the context of its conversation; the turn handler's only view of the brain.</summary>
public interface IQuestionAnswerer
{
    Task<BotAnswer> AnswerAsync(string conversationId, string text, CancellationToken cancellationToken);

    /// <summary>
    /// The welcome a new conversation gets (what the bot knows and example questions), or null when this
    /// conversation was already welcomed; the mark is kept in the conversation's state.
    /// </summary>
    Task<BotAnswer?> WelcomeAsync(string conversationId, CancellationToken cancellationToken);
}
