namespace ChatBot.Core.Bot;

/// <summary>The one seam between the adapter and the bot's logic (the SDK's IBot).</summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
