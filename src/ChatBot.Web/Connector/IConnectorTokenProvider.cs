namespace ChatBot.Web.Connector;

/// <summary>Supplies the bearer token the bot puts on its replies to a channel (none in anonymous mode).</summary>
public interface IConnectorTokenProvider
{
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}
